package plaidflow

import (
	"context"
	"net/http"
	"strings"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// PartnerView is what the partner gets when it reads Plaid with the token it was handed:
// the one account the token names, its account and routing numbers, its balance and, for a
// partner that verifies identity, its owners; for a relay token, the shared Asset Report.
// Read is false when nothing could be read as the partner (production, Stripe); Note says why.
type PartnerView struct {
	Partner string
	Read    bool
	// Note says whose keys the reads used and why, or why nothing was read.
	Note string
	// TestToken is the token of /sandbox/processor_token/create when the reads did not use
	// the walk's own token (with real sandbox keys).
	TestToken string
	Account   Account      // /processor/balance/get (or /processor/auth/get)
	Numbers   []ACHNumbers // /processor/auth/get
	Owners    []Owner      // /processor/identity/get
	Report    *RelayReport // /credit/relay/get
	// NumbersNotReady is /processor/auth/get's PRODUCT_NOT_READY for an account that waits on
	// its micro-deposits: an answer the partner must expect, so the other reads go on.
	NumbersNotReady *PlaidError
	// Transactions is a transactions partner's /processor/transactions/sync (partner_view_transactions.go).
	Transactions *PartnerTransactions
}

// ACHNumbers are the numbers a money-movement partner debits or credits with.
type ACHNumbers struct {
	Account, Routing, WireRouting string
}

// Owner is one account holder as /processor/identity/get names them.
type Owner struct {
	Names     []string `json:"names"`
	Emails    []string `json:"emails,omitempty"`
	Phones    []string `json:"phone_numbers,omitempty"`
	Addresses []string `json:"addresses,omitempty"`
}

// RelayReport is the Asset Report a relay token shares, in brief.
type RelayReport struct {
	AssetReportID string
	DaysRequested int
	Items         []RelayItem
}

// RelayItem is one Item of a relayed report.
type RelayItem struct {
	Institution string `json:"institution_name"`
	Accounts    int    `json:"accounts"`
}

// PartnerViewInput is what the partner view reads with: the walk's partner token, and the
// bank and test user a sandbox test token is made for.
type PartnerViewInput struct {
	Partner            Partner
	Result             PartnerResult
	InstitutionID      string
	Username, Password string
	// OnProgress hears the slow part, if any: transactions not ready yet.
	OnProgress func(Progress)
}

// PartnerView reads the account as the partner would. Offline, the emulator takes the walk's
// token with plaidwalk's keys, so it plays the partner. With real sandbox keys Plaid would
// refuse the walk's processor token from anyone but the partner, so a test token for the same
// bank and user comes from /sandbox/processor_token/create. Production: nothing is read.
func (c *Client) PartnerView(ctx context.Context, in PartnerViewInput) (PartnerView, error) {
	p := in.Partner
	v := PartnerView{Partner: p.Name}
	switch {
	case p.Flow == FlowStripe:
		v.Note = stripeNote
		return v, nil
	case c.cfg.Env == EnvProduction:
		v.Note = "In production the partner reads Plaid with its own keys, which plaidwalk does not have, and there is no test token to stand in; nothing was read."
		return v, nil
	case p.Flow == FlowCreditRelay:
		return c.relayView(ctx, v, in)
	case p.Flow == FlowProcessor:
		return c.processorView(ctx, v, in)
	}
	v.Note = p.Name + " gets no token from this walk, so there is nothing to read as the partner."
	return v, nil
}

const stripeNote = "Stripe receives the btok_ and attaches it to a customer through Stripe's own API " +
	"(a bank account source, ready for ACH debits); Plaid has no endpoint a partner calls with it, " +
	"so plaidwalk calls nothing here and never calls Stripe."

func (c *Client) processorView(ctx context.Context, v PartnerView, in PartnerViewInput) (PartnerView, error) {
	token := tokenOf(in.Result, TokenProcessor)
	if c.cfg.Env == EnvOffline {
		v.Note = "Offline, the emulator plays " + in.Partner.Name + ": it takes the walk's processor token with plaidwalk's own keys."
	} else {
		test, err := c.sandboxProcessorToken(ctx, in)
		if err != nil {
			return v, err
		}
		token, v.TestToken = test, test
		v.Note = "Plaid answers /processor/* only to the partner's own keys, so the walk's processor token cannot be read with yours; " +
			"/sandbox/processor_token/create made a test token for the same bank and test user (Plaid picks its account), and the reads use it."
	}
	if token == "" {
		return v, &InputError{Partner: in.Partner.Name, Input: Input{Name: "processor_token", Label: "the walk's processor token"}, Problem: "the walk made none"}
	}
	if err := c.readAsPartner(ctx, &v, in.Partner, token); err != nil {
		return v, err
	}
	if contains(in.Partner.Products, "transactions") {
		if err := c.partnerTransactions(ctx, &v, token, in.OnProgress); err != nil {
			return v, err
		}
	}
	v.Read = true
	return v, nil
}

// readAsPartner makes the partner's reads: auth when it moves money, the balance always,
// identity when it verifies who owns the account. All are reads, so retried like any.
func (c *Client) readAsPartner(ctx context.Context, v *PartnerView, p Partner, token string) error {
	if contains(p.Products, "auth") {
		var resp processorAuthAnswer
		if err := c.readInto(ctx, "/processor/auth/get", plaid.NewProcessorAuthGetRequest(token), &resp); notReady(err) {
			v.NumbersNotReady, _ = AsPlaidError(err)
		} else if err != nil {
			return err
		} else {
			v.Account = accountFrom(resp.Account)
		}
		if ach := resp.Numbers.ACH; ach != nil {
			v.Numbers = append(v.Numbers, ACHNumbers{Account: termtext.SingleLine(ach.Account),
				Routing: termtext.SingleLine(ach.Routing), WireRouting: termtext.SingleLine(ach.WireRouting)})
		}
	}
	var bal processorBalanceAnswer
	if err := c.readInto(ctx, "/processor/balance/get", plaid.NewProcessorBalanceGetRequest(token), &bal); err != nil {
		return err
	}
	v.Account = accountFrom(bal.Account)
	if v.NumbersNotReady != nil && !AwaitsMicrodeposits(v.Account.Verification) {
		return v.NumbersNotReady // not the micro-deposit wait: a failure like any other
	}
	if contains(p.Products, "identity") {
		return c.readIdentity(ctx, v, token)
	}
	return nil
}

// notReady: err is PRODUCT_NOT_READY.
func notReady(err error) bool {
	pe, ok := AsPlaidError(err)
	return ok && pe.Code == "PRODUCT_NOT_READY"
}

func (c *Client) readIdentity(ctx context.Context, v *PartnerView, token string) error {
	var resp processorIdentityAnswer
	if err := c.readInto(ctx, "/processor/identity/get", plaid.NewProcessorIdentityGetRequest(token), &resp); err != nil {
		return err
	}
	for _, o := range resp.Account.Owners {
		v.Owners = append(v.Owners, ownerFrom(o))
	}
	return nil
}

// readCall runs a read with retrySafe and words its error as every other step does.
func (c *Client) readCall(ctx context.Context, endpoint string, call func() (*http.Response, error)) error {
	var last *http.Response
	err := c.retrySafe(ctx, func() (*http.Response, error) {
		h, err := call()
		last = h
		return h, err
	})
	return toError(endpoint, last, err)
}

func (c *Client) sandboxProcessorToken(ctx context.Context, in PartnerViewInput) (string, error) {
	req := plaid.NewSandboxProcessorTokenCreateRequest(nonEmpty(in.InstitutionID, DefaultInstitutionID))
	pass := nonEmpty(in.Password, DefaultPassword)
	opts := plaid.SandboxProcessorTokenCreateRequestOptions{}
	opts.SetOverrideUsername(ShortcutUsername(in.Username, pass))
	opts.SetOverridePassword(pass)
	req.SetOptions(opts)
	resp, httpResp, err := c.api.SandboxProcessorTokenCreate(ctx).SandboxProcessorTokenCreateRequest(*req).Execute()
	if err != nil {
		return "", toError("/sandbox/processor_token/create", httpResp, err)
	}
	return resp.ProcessorToken, nil
}

func nonBlank(ss []string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}

func tokenOf(r PartnerResult, kind TokenKind) string {
	for _, t := range r.Tokens {
		if t.Kind == kind {
			return t.Value
		}
	}
	return ""
}
