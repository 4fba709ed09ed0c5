package main

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// hostedPollInterval is how often /link/token/get is asked whether Hosted Link has finished:
// the same pace as the terminal UI, far below Plaid's rate limits.
var hostedPollInterval = linkserver.HostedInterval

// hostedProgressEvery is how often a "still waiting" line is printed while Hosted Link is
// open: one line a minute says the command is alive without filling the terminal.
var hostedProgressEvery = time.Minute

// runHostedLink opens Plaid's Hosted Link page for lt (its address is printed either way) and
// polls /link/token/get until the session finishes, fails, or --link-timeout passes. Plaid's
// page talks to Plaid directly, so no local server runs and no callbacks arrive: the outcome
// is all that is kept for the saved session.
func runHostedLink(ctx context.Context, c *cli, client *plaidflow.Client, lt plaidflow.LinkToken, o runOptions) (string, browserLink, error) {
	pageURL, err := hostedLinkURL(lt.HostedLinkURL)
	if err != nil {
		return "", browserLink{}, err
	}
	fmt.Fprintf(c.stderr, "Hosted Link is waiting at %s\n", pageURL)
	if o.noBrowser {
		fmt.Fprintln(c.stderr, "  open that address in a browser to continue")
	} else if err := openURL(pageURL); err != nil {
		fmt.Fprintf(c.stderr, "  could not open a browser (%v): open the address yourself\n", err)
	}
	if !o.json {
		fmt.Fprintf(c.stderr, "  … asking /link/token/get every %s until Link finishes (at most %s)\n",
			shortDuration(hostedPollInterval), shortDuration(o.linkTimeout))
	}
	var last plaidflow.LinkSessionResult
	started, nextNote := time.Now(), hostedProgressEvery
	poll := func(ctx context.Context) (bool, string, error) {
		r, err := client.LinkTokenResult(ctx, lt.Token)
		last = r
		if waited := time.Since(started); !o.json && err == nil && !r.Done && waited >= nextNote {
			fmt.Fprintf(c.stderr, "  … still waiting for Hosted Link (%s so far)\n", shortDuration(waited.Truncate(time.Minute)))
			nextNote += hostedProgressEvery
		}
		return r.Done, r.PublicToken, err
	}
	out, err := linkserver.WaitHostedLink(ctx, poll, hostedPollInterval, o.linkTimeout)
	if err != nil {
		return "", browserLink{}, fmt.Errorf("waiting for Hosted Link: %w", err)
	}
	out = hostedOutcome(out, last)
	bl := browserLink{Outcome: &out}
	token, err := hostedPublicToken(out, last, o.linkTimeout)
	return token, bl, err
}

// hostedLinkURL checks the address /link/token/create returned before it is printed or handed
// to a browser: Plaid's page is https; plain http only on loopback (an emulator).
func hostedLinkURL(raw string) (string, error) {
	if raw == "" {
		return "", errors.New("/link/token/create returned no hosted_link_url: this Plaid host did not turn Hosted Link on for the token; use --link browser instead")
	}
	u, err := url.Parse(raw)
	if err == nil && u.Host != "" && (u.Scheme == "https" || u.Scheme == "http" && isLoopback(u.Hostname())) {
		return u.String(), nil
	}
	return "", fmt.Errorf("/link/token/create returned a hosted_link_url plaidwalk will not open (%q): it must be https, or http on 127.0.0.1; use --link browser instead",
		plaidflow.CleanText(raw))
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// hostedOutcome adds what /link/token/get said about an exit to WaitHostedLink's outcome,
// in linkserver's shape, so the session records it as it records Link in the browser.
func hostedOutcome(out linkserver.Outcome, last plaidflow.LinkSessionResult) linkserver.Outcome {
	if e := last.ExitError; out.Exited && e != nil {
		clean := plaidflow.CleanText
		out.ExitError = &linkserver.LinkError{ErrorType: clean(e.Type), ErrorCode: clean(e.Code),
			ErrorMessage: clean(e.Message), DisplayMessage: clean(e.DisplayMessage)}
		out.RequestID = clean(e.RequestID)
	}
	return out
}

// hostedPublicToken turns Hosted Link's outcome into a public_token or an error that says
// what happened and what to do.
func hostedPublicToken(out linkserver.Outcome, last plaidflow.LinkSessionResult, timeout time.Duration) (string, error) {
	switch {
	case out.Succeeded():
		return out.PublicToken, nil
	case out.TimedOut:
		return "", fmt.Errorf("Hosted Link did not finish within %s (a closed tab tells Plaid nothing): run again, or raise --link-timeout", shortDuration(timeout))
	case last.ExitError != nil:
		pe := *last.ExitError
		clean := plaidflow.CleanText
		pe.Type, pe.Code, pe.Message = clean(pe.Type), clean(pe.Code), clean(pe.Message)
		pe.DisplayMessage, pe.RequestID = clean(pe.DisplayMessage), clean(pe.RequestID)
		pe.Endpoint = "Hosted Link onExit"
		pe.Hint = plaidflow.HintFor(&pe)
		pe.DocsURL = linkErrorDocsURL(pe.Type, pe.Code)
		return "", &pe
	}
	return "", errors.New("Hosted Link was closed before an account was linked: run again to retry")
}
