package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// runHostedLink opens Plaid's Hosted Link page for lt (its address is printed either way) and
// polls /link/token/get until the session finishes, fails, or --link-timeout passes. Plaid's
// page talks to Plaid directly, so no local server runs and no callbacks arrive: the outcome
// is all that is kept for the saved session.
func runHostedLink(ctx context.Context, c *cli, client *plaidflow.Client, lt plaidflow.LinkToken, o runOptions) (string, browserLink, error) {
	pageURL, err := plaidflow.CheckHostedLinkURL(lt.HostedLinkURL)
	if err != nil {
		return "", browserLink{}, fmt.Errorf("%w (--link browser)", err)
	}
	announceHostedLink(c, pageURL, lt.Token, o)
	if !o.json {
		fmt.Fprintf(c.stderr, "  … asking /link/token/get every %s until Link finishes (at most %s)\n",
			plaidflow.ShortDuration(c.deps.hostedPollEvery()), plaidflow.ShortDuration(o.linkTimeout))
	}
	var last plaidflow.LinkSessionResult
	started, nextNote := time.Now(), c.deps.hostedProgressEvery()
	poll := func(ctx context.Context) (bool, string, error) {
		r, err := client.LinkTokenResult(ctx, lt.Token)
		last = r
		if waited := time.Since(started); !o.json && err == nil && !r.Done && waited >= nextNote {
			fmt.Fprintf(c.stderr, "  … still waiting for Hosted Link (%s so far)\n", plaidflow.ShortDuration(waited.Truncate(time.Minute)))
			nextNote += c.deps.hostedProgressEvery()
		}
		return r.Done, r.PublicToken, err
	}
	out, err := linkserver.WaitHostedLink(ctx, poll, c.deps.hostedPollEvery(), o.linkTimeout)
	if err != nil {
		return "", browserLink{}, fmt.Errorf("waiting for Hosted Link: %w", err)
	}
	out = hostedOutcome(out, last)
	bl := browserLink{Outcome: &out}
	token, err := publicTokenFrom(out, o.linkTimeout, "Hosted Link")
	return token, bl, err
}

// announceHostedLink prints Hosted Link's address and opens it. The address holds the whole
// link_token, so it is printed masked when a browser took it; whole when the user must open
// it by hand (--no-browser, or no browser could be started) or asked with --reveal.
func announceHostedLink(c *cli, pageURL, token string, o runOptions) {
	if o.noBrowser {
		fmt.Fprintf(c.stderr, "Hosted Link is waiting at %s\n  open that address in a browser to continue\n", pageURL)
		return
	}
	if err := c.deps.open(pageURL); err != nil {
		fmt.Fprintf(c.stderr, "Hosted Link is waiting at %s\n  could not open a browser (%v): open the address yourself\n", pageURL, err)
		return
	}
	shown := pageURL
	if !o.reveal {
		shown = strings.ReplaceAll(pageURL, token, plaidflow.Mask(token))
	}
	fmt.Fprintf(c.stderr, "Hosted Link is waiting at %s\n  opened in your browser", shown)
	if shown != pageURL {
		fmt.Fprint(c.stderr, " (the link_token in the address is masked; --reveal prints it whole)")
	}
	fmt.Fprintln(c.stderr)
}

// hostedOutcome adds what /link/token/get said about an exit to WaitHostedLink's outcome,
// in linkserver's shape, so the session records it as it records Link in the browser.
func hostedOutcome(out linkserver.Outcome, last plaidflow.LinkSessionResult) linkserver.Outcome {
	if e := last.ExitError; out.Exited && e != nil {
		clean := termtext.SingleLine
		out.ExitError = &linkserver.LinkError{ErrorType: clean(e.Type), ErrorCode: clean(e.Code),
			ErrorMessage: clean(e.Message), DisplayMessage: clean(e.DisplayMessage)}
		out.RequestID = clean(e.RequestID)
	}
	return out
}
