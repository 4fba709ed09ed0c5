package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// settleAuthFlow turns --auth-flow into the sandbox bank and password that trigger the flow.
// It refuses an unknown flow, an explicit --institution or --password (the flow picks them),
// a Link other than the shortcut for a shortcut flow (in Link the person picks the bank; the
// message says which to pick), and the shortcut for a flow typed into Link (Same-Day and
// Instant Micro-deposits). Exit 2 on any of these, before any call.
func settleAuthFlow(c *cli, fs *flag.FlagSet, o *runOptions) int {
	if o.authFlow == "" {
		return 0
	}
	f, ok := plaidflow.AuthFlowByID(o.authFlow)
	if !ok {
		var ids []string
		for _, f := range plaidflow.AuthFlows {
			ids = append(ids, f.ID)
		}
		fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow %q is not a flow plaidwalk knows; use one of: %s\n",
			termtext.SingleLine(o.authFlow), strings.Join(ids, ", "))
		return 2
	}
	var clash []string
	fs.Visit(func(fl *flag.Flag) {
		if fl.Name == "institution" || fl.Name == "password" || fl.Name == "username" {
			clash = append(clash, "--"+fl.Name)
		}
	})
	if len(clash) > 0 {
		fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow %s picks the bank and the test user itself (%s); leave out %s\n",
			f.ID, f.About, strings.Join(clash, " and "))
		return 2
	}
	if f.NeedsLink {
		if o.link != linkBrowser && o.link != linkHosted {
			fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow %s needs a person to type the account's numbers and the deposit code into Link, "+
				"which the sandbox shortcut cannot do.\n  fix: add --link browser (Link on a local page) or --link hosted (Plaid's Hosted Link page); %s\n",
				f.ID, f.About)
			return 2
		}
		return 0
	}
	if o.link != linkShortcut {
		fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow works with the shortcut only; with --link %s, pick the flow in Link itself: %s\n",
			termtext.SingleLine(o.link), f.About)
		return 2
	}
	o.institution, o.username, o.password = f.ShortcutLogin()
	return 0
}

// checkTypedInFlow refuses, before any call, what a flow typed into Link cannot do: Plaid
// offers it only for a link_token whose products are Auth (or Transfer) alone, and its Item
// has no bank login for --repair to break.
func checkTypedInFlow(c *cli, cfg plaidflow.Config, p plaidflow.Partner, o runOptions) int {
	f, ok := plaidflow.AuthFlowByID(o.authFlow)
	if !ok || !f.NeedsLink {
		return 0
	}
	for _, prod := range walkOptions(cfg, p, o).Link.Products {
		if prod != "auth" && prod != "transfer" {
			fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow %s makes an Item that takes Auth only, and Link offers it only to a link_token "+
				"whose products are auth (or transfer) alone; this one asks for %s.\n  fix: leave out --products (or %s), or pick another flow.\n",
				f.ID, termtext.SingleLine(prod), plaidflow.VarProducts)
			return 2
		}
	}
	if o.repair {
		fmt.Fprintf(c.stderr, "plaidwalk run: --auth-flow %s links the account by its numbers, with no bank login for --repair to break and log in again.\n"+
			"  fix: leave out --repair, or use --auth-flow instant-match or automated-microdeposits.\n", f.ID)
		return 2
	}
	return 0
}

// verifyPending moves an account left pending by Automated Micro-deposits to
// automatically_verified with /sandbox/item/set_verification_status (Plaid would take a day),
// then reads the accounts again so the result and the API log show the new status. Nothing
// happens for an account verified by login.
// It is keyed on the account's status, not on --auth-flow, so a replay of the session (which
// keeps the test password) walks it again. It returns the status the account had ("" when it
// was not moved).
func verifyPending(ctx context.Context, client *plaidflow.Client, walk *plaidflow.WalkResult) (from string, err error) {
	a := walk.Account
	if a.Verification != plaidflow.VerificationPendingAutomatic {
		return "", nil
	}
	accounts, err := client.MoveVerificationAlong(ctx, walk.Item.AccessToken, a.ID)
	if err != nil {
		return "", err
	}
	if now, ok := accounts.Account(a.ID); ok {
		walk.Account.Verification = now.Verification
	}
	return a.Verification, nil
}

// verificationNote is the account line's note on its verification, "" when verified by login.
func verificationNote(r runResult) string {
	v := r.Walk.Account.Verification
	switch {
	case v == "":
		return ""
	case r.Code != nil && r.VerifiedFrom != "":
		return "  verification_status " + r.VerifiedFrom + " → " + v + " (deposit code typed in Link, update mode)"
	case r.VerifiedFrom != "":
		return "  verification_status " + r.VerifiedFrom + " → " + v + " (/sandbox/item/set_verification_status)"
	}
	return "  verification_status " + v
}
