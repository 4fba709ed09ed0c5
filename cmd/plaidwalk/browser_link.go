package main

import (
	"context"
	"fmt"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// linkPageOptions points the local Link page at the right Link script: the emulator's when
// plaidwalk talks to an emulator (offline, or PLAID_BASE_URL), Plaid's CDN otherwise.
func linkPageOptions(cfg plaidflow.Config, o linkserver.Options) linkserver.Options {
	if cfg.BaseURL != "" {
		return linkserver.EmulatorOptions(o, cfg.BaseURL)
	}
	return linkserver.PlaidOptions(o, string(cfg.Env))
}

// openURL opens a page in the user's browser (quietly: with --json, stdout is ours alone);
// a variable so tests can drive the page with their own browser instead.
var openURL = linkserver.OpenInBrowser

// runBrowserLink serves the Link page for lt on loopback, opens it (the URL is printed either
// way), and waits for Link to finish. It returns the public_token or why there is none.
func runBrowserLink(ctx context.Context, c *cli, cfg plaidflow.Config, lt plaidflow.LinkToken, o runOptions) (string, error) {
	page := linkPageOptions(cfg, linkserver.Options{
		LinkToken: lt.Token, Port: o.port, RedirectURI: cfg.RedirectURI,
		EnvLabel: envLabel(cfg), Timeout: o.linkTimeout,
	})
	srv, err := linkserver.Start(ctx, page)
	if err != nil {
		return "", fmt.Errorf("start the local Link page: %w", err)
	}
	defer srv.Close()
	fmt.Fprintf(c.stderr, "Link is waiting at %s\n", srv.URL())
	if o.noBrowser {
		fmt.Fprintln(c.stderr, "  open that address in a browser on this machine to continue")
	} else if err := openURL(srv.URL()); err != nil {
		fmt.Fprintf(c.stderr, "  could not open a browser (%v): open the address yourself\n", err)
	}
	out, err := srv.Wait(ctx)
	if err != nil {
		return "", fmt.Errorf("waiting for Link: %w", err)
	}
	return publicTokenFrom(out, o.linkTimeout)
}

// publicTokenFrom turns Link's outcome into a public_token or an error that says what happened.
func publicTokenFrom(out linkserver.Outcome, timeout time.Duration) (string, error) {
	switch {
	case out.Succeeded():
		return out.PublicToken, nil
	case out.TimedOut:
		return "", fmt.Errorf("Link did not finish within %s (a closed tab sends nothing): run again, or raise --link-timeout", timeout)
	case out.ExitError != nil:
		e := out.ExitError
		return "", &plaidflow.PlaidError{Type: e.ErrorType, Code: e.ErrorCode, Message: e.ErrorMessage,
			DisplayMessage: e.DisplayMessage, Endpoint: "Link onExit"}
	}
	return "", fmt.Errorf("Link was closed before an account was linked (status %q): run again to retry", out.ExitStatus)
}
