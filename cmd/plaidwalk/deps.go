package main

import (
	"net/http"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// deps are what plaidwalk reaches besides its arguments, environment and streams: the
// browser, the in-process emulator, the network to Plaid and the pace of Hosted Link's polls.
// main runs with the zero value, which is the real program; tests pass their own to runWith.
// None of them is a flag or a variable a user can set.
type deps struct {
	// openURL opens a page in the user's browser; nil: linkserver.OpenInBrowser.
	openURL func(url string) error
	// emulator tunes offline mode's in-process emulator (tests shorten its delays).
	emulator emulator.Options
	// transport makes the HTTP transport of each Plaid client; nil: Go's default, with the
	// system's DNS and CAs. Tests give plaidtest's, which leads Plaid's names to a loopback
	// server trusted through a test CA, so the sandbox and production paths run unchanged.
	transport func() *http.Transport
	// hostedPoll is how often /link/token/get is asked whether Hosted Link has finished;
	// 0: linkserver.HostedInterval, the terminal UI's pace, far below Plaid's rate limits.
	hostedPoll time.Duration
	// hostedProgress is how often a "still waiting" line is printed while Hosted Link is
	// open; 0: a minute, which says the command is alive without filling the terminal.
	hostedProgress time.Duration
}

// open opens url in the browser (quietly: with --json stdout is ours alone, and the UI owns
// the terminal).
func (d deps) open(url string) error {
	if d.openURL != nil {
		return d.openURL(url)
	}
	return linkserver.OpenInBrowser(url)
}

// newClient makes the Plaid client for cfg over the network these deps give.
func (d deps) newClient(cfg plaidflow.Config, log *plaidflow.APILog) *plaidflow.Client {
	var o plaidflow.ClientOptions
	if d.transport != nil {
		o.Transport = d.transport()
	}
	return plaidflow.NewClientWith(cfg, log, o)
}

func (d deps) hostedPollEvery() time.Duration {
	if d.hostedPoll > 0 {
		return d.hostedPoll
	}
	return linkserver.HostedInterval
}

func (d deps) hostedProgressEvery() time.Duration {
	if d.hostedProgress > 0 {
		return d.hostedProgress
	}
	return time.Minute
}
