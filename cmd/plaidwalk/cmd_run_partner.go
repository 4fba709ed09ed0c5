package main

import (
	"context"
	"fmt"
	"io"
	"strings"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// partnerViewFor reads the account as the partner would, once its token exists
// (run --partner-view and --repair). A transactions partner's wait for the history is told on
// stderr as the walk's polls are (not with --json).
func partnerViewFor(ctx context.Context, client *plaidflow.Client, r runResult) (*plaidflow.PartnerView, error) {
	v, err := client.PartnerView(ctx, plaidflow.PartnerViewInput{Partner: r.Partner, Result: r.Walk.Result,
		InstitutionID: r.Walk.Accounts.InstitutionID, Username: r.Options.Username, Password: r.Options.Password,
		OnProgress: r.Options.OnProgress})
	return &v, err
}

// printPartnerView prints what the partner read. Account numbers keep their last four digits
// unless reveal; a routing number names the bank, not the account, and is public, so it is
// shown whole.
func printPartnerView(w io.Writer, title string, v *plaidflow.PartnerView, reveal bool) {
	if v == nil {
		return
	}
	clean := termtext.SingleLine
	fmt.Fprintf(w, "\n  %s: what %s reads\n", title, clean(v.Partner))
	for _, line := range wrapWords(clean(v.Note), 88) {
		fmt.Fprintf(w, "    %s\n", line)
	}
	if v.TestToken != "" {
		fmt.Fprintf(w, "    %-14s %s\n", "test token", clean(showToken(v.TestToken, reveal)))
	}
	if a := v.Account; a.ID != "" {
		fmt.Fprintf(w, "    %-14s %s ••%s  %s/%s\n", "account", clean(a.Name), clean(a.Mask), clean(a.Type), clean(a.Subtype))
		fmt.Fprintf(w, "    %-14s %s\n", "balance", balanceText(a))
	}
	for _, n := range v.Numbers {
		fmt.Fprintf(w, "    %-14s routing %s  account %s\n", "ach", clean(n.Routing), clean(numberShown(n.Account, reveal)))
	}
	for _, o := range v.Owners {
		fmt.Fprintf(w, "    %-14s %s\n", "owner", clean(strings.Join(o.Names, ", ")))
		for _, a := range o.Addresses {
			fmt.Fprintf(w, "    %-14s %s\n", "", clean(a))
		}
	}
	if rep := v.Report; rep != nil {
		fmt.Fprintf(w, "    %-14s %s, %d days\n", "asset report", clean(rep.AssetReportID), rep.DaysRequested)
		for _, it := range rep.Items {
			fmt.Fprintf(w, "    %-14s %s: %d accounts\n", "item", clean(it.Institution), it.Accounts)
		}
	}
	printPartnerTransactions(w, v.Transactions)
	if len(v.Numbers) > 0 && !reveal {
		fmt.Fprintln(w, "    Account numbers keep their last four digits; add --reveal to print them in full.")
	}
}

func showToken(v string, reveal bool) string {
	if reveal {
		return v
	}
	return plaidflow.Mask(v)
}

func numberShown(n string, reveal bool) string {
	if reveal {
		return n
	}
	return plaidflow.MaskNumber(n)
}

func balanceText(a plaidflow.Account) string {
	amount := func(p *float64) string {
		if p == nil {
			return "—"
		}
		return fmt.Sprintf("%.2f", *p)
	}
	return fmt.Sprintf("available %s  current %s %s", amount(a.Available), amount(a.Current), termtext.SingleLine(a.Currency))
}

// partnerViewJSON is --json's partner_view object.
type partnerViewJSON struct {
	Partner       string            `json:"partner"`
	Read          bool              `json:"read"`
	Note          string            `json:"note"`
	TestToken     string            `json:"test_token,omitempty"`
	Account       *accountJSON      `json:"account,omitempty"`
	Balances      *balancesJSON     `json:"balances,omitempty"`
	ACH           []achJSON         `json:"ach,omitempty"`
	NumbersMasked bool              `json:"numbers_masked"`
	Owners        []plaidflow.Owner `json:"owners,omitempty"`
	Report        *relayReportJSON  `json:"report,omitempty"`
	// Transactions is a transactions partner's /processor/transactions/sync, in brief.
	Transactions *plaidflow.PartnerTransactions `json:"transactions,omitempty"`
}

type balancesJSON struct {
	Available *float64 `json:"available"`
	Current   *float64 `json:"current"`
	Currency  string   `json:"iso_currency_code,omitempty"`
}

type achJSON struct {
	Routing     string `json:"routing"`
	WireRouting string `json:"wire_routing,omitempty"`
	Account     string `json:"account"`
}

type relayReportJSON struct {
	AssetReportID string                `json:"asset_report_id"`
	DaysRequested int                   `json:"days_requested"`
	Items         []plaidflow.RelayItem `json:"items"`
}

func partnerViewDoc(v *plaidflow.PartnerView, reveal bool) *partnerViewJSON {
	if v == nil {
		return nil
	}
	doc := &partnerViewJSON{Partner: v.Partner, Read: v.Read, Note: v.Note, Owners: v.Owners, NumbersMasked: !reveal && len(v.Numbers) > 0}
	if v.TestToken != "" {
		doc.TestToken = showToken(v.TestToken, reveal)
	}
	if a := v.Account; a.ID != "" {
		doc.Account = &accountJSON{a.ID, a.Name, a.Mask, a.Type, a.Subtype, a.Verification}
		doc.Balances = &balancesJSON{a.Available, a.Current, a.Currency}
	}
	for _, n := range v.Numbers {
		doc.ACH = append(doc.ACH, achJSON{n.Routing, n.WireRouting, numberShown(n.Account, reveal)})
	}
	if rep := v.Report; rep != nil {
		doc.Report = &relayReportJSON{rep.AssetReportID, rep.DaysRequested, rep.Items}
	}
	doc.Transactions = v.Transactions
	return doc
}
