package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

func printRunResult(c *cli, r runResult, o runOptions) {
	if o.json {
		printRunJSON(c.stdout, r, o.reveal)
		if r.Err != nil {
			printRunError(c.stderr, r.Err)
		}
		printAccountChoices(c.stderr, r)
		return
	}
	printRunHuman(c.stdout, r, o.reveal)
	for _, w := range r.Warnings {
		fmt.Fprintf(c.stderr, "plaidwalk: warning: %s\n", termtext.SingleLine(w))
	}
	if r.Err != nil {
		printRunError(c.stderr, r.Err)
	}
	printAccountChoices(c.stderr, r)
}

// printRunHeader names the walk before it starts, so progress lines (an Asset Report's
// polls, Link's address) follow it and the result comes last.
func printRunHeader(w io.Writer, r runResult) {
	fmt.Fprintf(w, "plaidwalk run · %s · %s · %s\n\n", r.Partner.Name, flowLabel(r.Partner), termtext.SingleLine(r.EnvLabel))
}

func printRunHuman(w io.Writer, r runResult, reveal bool) {
	clean := termtext.SingleLine
	printCalls(w, r.Calls)
	fmt.Fprintln(w)
	wr := r.Walk
	if wr.Accounts.InstitutionID != "" {
		fmt.Fprintf(w, "  institution   %s (%s)\n", clean(wr.Accounts.InstitutionName), clean(wr.Accounts.InstitutionID))
	}
	if wr.Item.ItemID != "" {
		fmt.Fprintf(w, "  item_id       %s\n", clean(wr.Item.ItemID))
	}
	if a := wr.Account; a.ID != "" {
		fmt.Fprintf(w, "  account       %s ••%s  %s/%s  %s%s\n", clean(a.Name), clean(a.Mask), clean(a.Type), clean(a.Subtype), clean(a.ID), clean(verificationNote(r)))
	}
	if wr.Result.AssetReportID != "" {
		fmt.Fprintf(w, "  asset_report  %s\n", clean(wr.Result.AssetReportID))
	}
	tokens := runTokens(r, reveal)
	if len(tokens) == 0 {
		return
	}
	fmt.Fprintln(w, "\n  tokens")
	for _, t := range tokens {
		fmt.Fprintf(w, "    %-27s %s\n", t.kind, clean(t.value))
	}
	if !reveal {
		fmt.Fprintln(w, "\n  Tokens are masked; add --reveal to print them in full.")
	}
	if r.Env == plaidflow.EnvOffline {
		fmt.Fprintln(w, "  Offline emulator: these tokens are not real and only work against this run's emulator.")
	}
	printCodeStep(w, r.Code, reveal)
	printPartnerView(w, "partner view", r.PartnerView, reveal)
	printRepair(w, r.Repair, r.Webhooks, reveal)
	printWebhooks(w, r.Webhooks)
	fmt.Fprintf(w, "\n  done in %s\n", plaidflow.FormatLatency(r.Duration))
}

// flowLabel names the flow as the partners list does (its FLOW column), then says what it
// makes, so the list, the detail view and run's header use the same words.
func flowLabel(p plaidflow.Partner) string {
	switch p.Flow {
	case plaidflow.FlowProcessor:
		return "processor " + p.Processor + ": a processor token"
	case plaidflow.FlowStripe:
		return "stripe: a Stripe bank account token (btok_)"
	case plaidflow.FlowCreditRelay:
		return "credit_relay: an Asset Report, then a relay token"
	}
	return string(p.Flow)
}

type namedToken struct{ kind, value string }

// runTokens lists the tokens of a run in the order they were made, masked unless reveal.
func runTokens(r runResult, reveal bool) []namedToken {
	show := func(v string) string {
		if reveal {
			return v
		}
		return plaidflow.Mask(v)
	}
	var out []namedToken
	if r.Walk.Item.AccessToken != "" {
		out = append(out, namedToken{"access_token", show(r.Walk.Item.AccessToken)})
	}
	for _, t := range r.Walk.Result.Tokens {
		out = append(out, namedToken{string(t.Kind), show(t.Value)})
	}
	return out
}

// runJSON is the --json document.
type runJSON struct {
	Partner       partnerRef         `json:"partner"`
	Env           plaidflow.Env      `json:"env"`
	BaseURL       string             `json:"base_url"`
	Institution   *institutionRef    `json:"institution,omitempty"`
	ItemID        string             `json:"item_id,omitempty"`
	Account       *accountJSON       `json:"account,omitempty"`
	Tokens        map[string]string  `json:"tokens"`
	TokensMasked  bool               `json:"tokens_masked"`
	AssetReportID string             `json:"asset_report_id,omitempty"`
	DepositCode   *codeJSON          `json:"deposit_code,omitempty"` // Same-Day Micro-deposits: the code typed in update mode
	PartnerView   *partnerViewJSON   `json:"partner_view,omitempty"`
	Repair        *repairJSON        `json:"repair,omitempty"`
	Webhooks      []sessions.Webhook `json:"webhooks,omitempty"` // what plaidwalk's own receiver got, tokens masked
	Warnings      []string           `json:"warnings,omitempty"`
	Error         *errorJSON         `json:"error,omitempty"`
	DurationMS    float64            `json:"duration_ms"`
	APILog        []sessions.CallDoc `json:"api_log"` // the one encoding of a call
}

type partnerRef struct {
	ID        string             `json:"id"`
	Name      string             `json:"name"`
	Processor string             `json:"processor,omitempty"`
	Flow      plaidflow.FlowKind `json:"flow"`
}

type institutionRef struct {
	ID   string `json:"id"`
	Name string `json:"name,omitempty"`
}

type accountJSON struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Mask    string `json:"mask"`
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
	// VerificationStatus is Auth's micro-deposit status, left out when verified by login.
	VerificationStatus string `json:"verification_status,omitempty"`
}

type errorJSON struct {
	Status         int    `json:"status,omitempty"`
	Type           string `json:"error_type,omitempty"`
	Code           string `json:"error_code,omitempty"`
	Message        string `json:"error_message"`
	DisplayMessage string `json:"display_message,omitempty"`
	RequestID      string `json:"request_id,omitempty"`
	Endpoint       string `json:"endpoint,omitempty"`
	Hint           string `json:"hint,omitempty"`
	DocsURL        string `json:"documentation_url,omitempty"`
}

func printRunJSON(w io.Writer, r runResult, reveal bool) {
	doc := runJSON{
		Partner:       partnerRef{r.Partner.ID, r.Partner.Name, r.Partner.Processor, r.Partner.Flow},
		Env:           r.Env,
		BaseURL:       r.BaseURL,
		ItemID:        r.Walk.Item.ItemID,
		Tokens:        map[string]string{},
		TokensMasked:  !reveal,
		AssetReportID: r.Walk.Result.AssetReportID,
		Warnings:      r.Warnings,
		DurationMS:    ms(r.Duration),
		APILog:        make([]sessions.CallDoc, 0, len(r.Calls)),
	}
	if id := r.Walk.Accounts.InstitutionID; id != "" {
		doc.Institution = &institutionRef{id, r.Walk.Accounts.InstitutionName}
	}
	if a := r.Walk.Account; a.ID != "" {
		doc.Account = &accountJSON{a.ID, a.Name, a.Mask, a.Type, a.Subtype, a.Verification}
	}
	for _, t := range runTokens(r, reveal) {
		doc.Tokens[t.kind] = t.value
	}
	for _, c := range r.Calls {
		doc.APILog = append(doc.APILog, sessions.FlowCallDoc(c))
	}
	doc.DepositCode = codeDoc(r.Code, r.Walk.Account.Verification, reveal)
	doc.PartnerView = partnerViewDoc(r.PartnerView, reveal)
	doc.Repair = repairDoc(r.Repair, r.Webhooks, reveal)
	doc.Webhooks = r.Webhooks
	doc.Error = errorDoc(r.Err)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(doc)
}

func errorDoc(err error) *errorJSON {
	if err == nil {
		return nil
	}
	pe, ok := plaidflow.AsPlaidError(err)
	if !ok {
		doc := &errorJSON{Message: termtext.SingleLine(err.Error())}
		var ce *plaidflow.ConnectionError
		if errors.As(err, &ce) {
			doc.Hint = ce.Hint
		}
		return doc
	}
	return &errorJSON{pe.Status, pe.Type, pe.Code, pe.Message, pe.DisplayMessage, pe.RequestID, pe.Endpoint, pe.Hint, pe.DocsURL}
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }
