package main

import (
	"context"
	"fmt"
	"io"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// Same-Day Micro-deposits in `run --link browser|hosted`: the account comes out of the first
// Link pending_manual_verification (its numbers typed in, no bank login) and the partner's
// token is made while it waits, as Plaid allows. A day later in real life, at once here, the
// app opens Link again with a link_token made from the Item's access_token: Link asks the
// deposit's 3-letter code, and a right one verifies the account (manually_verified) with no
// new exchange. Plaid sends no AUTH webhook for a code typed in the app's own Link: the app
// learns it from onSuccess, and the walk reads /accounts/get to show what Plaid now reports.

// codeResult is the deposit-code step, as far as it went.
type codeResult struct {
	LinkToken   plaidflow.LinkToken // the update-mode link_token
	PublicToken string              // what Link handed back (not exchanged: the access_token stays)
	Link        *browserLink
	attempt     sessions.AttemptID // the step's own attempt: its calls and Link's events
}

// needsCode says whether the walk's account waits for a deposit code typed into Link.
func needsCode(r runResult) bool {
	return r.Walk.Account.Verification == plaidflow.VerificationPendingManual
}

// verifyByCode opens Link in update mode for the deposit code and reads the account again.
func verifyByCode(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, res *runResult, o runOptions) (*codeResult, error) {
	rec := res.attempt
	cr := &codeResult{attempt: rec.attempts.Open(res.Partner)}
	access := res.Walk.Item.AccessToken
	if !o.json {
		fmt.Fprintln(c.stderr, "  … the account waits for its micro-deposit code (pending_manual_verification): opening Link again, in update mode, to type it")
	}
	var err error
	if cr.LinkToken, cr.PublicToken, cr.Link, err = updateLink(ctx, c, client, cfg, res, o, cr.attempt); err != nil {
		return cr, err
	}
	accounts, err := client.Accounts(ctx, access)
	if err != nil {
		return cr, err
	}
	from := res.Walk.Account.Verification
	for _, a := range accounts.Accounts {
		if a.ID == res.Walk.Account.ID {
			res.Walk.Account.Verification = a.Verification
		}
	}
	if res.Walk.Account.Verification != plaidflow.VerificationManual {
		return cr, fmt.Errorf("the deposit-code Link finished, but /accounts/get reports the account %s, not %s",
			termtext.SingleLine(res.Walk.Account.Verification), plaidflow.VerificationManual)
	}
	res.VerifiedFrom = from
	return cr, nil
}

// printCodeStep tells the deposit-code step.
func printCodeStep(w io.Writer, r *codeResult, reveal bool) {
	if r == nil {
		return
	}
	fmt.Fprintln(w, "\n  deposit code: Same-Day Micro-deposits verified in Link's update mode")
	if r.LinkToken.Token != "" {
		fmt.Fprintf(w, "    %-14s %s (access_token, no products; Link opens on the code screen)\n", "update token",
			termtext.SingleLine(showToken(r.LinkToken.Token, reveal)))
	}
	if r.PublicToken != "" {
		fmt.Fprintf(w, "    %-14s %s (not exchanged: the access_token is unchanged)\n", "public_token",
			termtext.SingleLine(showToken(r.PublicToken, reveal)))
		fmt.Fprintf(w, "    %-14s %s; Plaid sends no AUTH webhook for a code typed in the app's own Link\n", "verified", plaidflow.VerificationManual)
	}
}

// codeJSON is --json's deposit_code object.
type codeJSON struct {
	UpdateLinkToken string `json:"update_link_token,omitempty"`
	PublicToken     string `json:"public_token,omitempty"`
	Exchanged       bool   `json:"exchanged"`
	Verified        bool   `json:"verified"`
}

func codeDoc(r *codeResult, verification string, reveal bool) *codeJSON {
	if r == nil {
		return nil
	}
	return &codeJSON{UpdateLinkToken: showToken(r.LinkToken.Token, reveal), PublicToken: showToken(r.PublicToken, reveal),
		Verified: verification == plaidflow.VerificationManual}
}
