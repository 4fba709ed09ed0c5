package main

import (
	"context"
	"errors"
	"fmt"
	"syscall"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// linkPageOptions renders plaidflow's Link page for cfg (script, CSP origins, label, offline
// or not) into the page server's options, for run and the UI alike (tuiDeps).
func linkPageOptions(cfg plaidflow.Config, o linkserver.Options) linkserver.Options {
	p := plaidflow.LinkPageFor(cfg)
	o.ScriptURL, o.FrameOrigins, o.ConnectOrigins = p.ScriptURL, p.FrameOrigins, p.ConnectOrigins
	o.EnvLabel, o.Offline = p.EnvLabel, p.Offline
	return o
}

// runLinkPage is the page run serves for lt.
func runLinkPage(cfg plaidflow.Config, lt plaidflow.LinkToken, o runOptions) linkserver.Options {
	return linkPageOptions(cfg, linkserver.Options{
		LinkToken: lt.Token, Port: o.port, RedirectURI: cfg.RedirectURI, Timeout: o.linkTimeout,
	})
}

// browserLink is how Link ended (nil when the wait itself failed). Its callbacks and outcome
// are recorded in the run's attempt as they come (sessions.Attempts), as the UI records its own.
type browserLink struct {
	Outcome *linkserver.Outcome
}

// linkAttempt is the attempt of a run that Link's callbacks are recorded in.
type linkAttempt struct {
	attempts *sessions.Attempts
	id       sessions.AttemptID
}

// linkEventQuiet is how long the page may stay silent after the outcome before the server
// closes: real Link sends some events (HANDOFF among them) after onSuccess or onExit.
const linkEventQuiet = 750 * time.Millisecond

// runBrowserLink serves the Link page for lt on loopback, opens it (the URL is printed either
// way), and waits for Link to finish. It returns the public_token or why there is none, and
// in both cases what Link reported.
func runBrowserLink(ctx context.Context, c *cli, cfg plaidflow.Config, lt plaidflow.LinkToken, o runOptions, rec linkAttempt) (string, browserLink, error) {
	srv, err := startLinkPage(ctx, runLinkPage(cfg, lt, o))
	if err != nil {
		return "", browserLink{}, fmt.Errorf("start the local Link page: %w", err)
	}
	defer srv.Close()
	events := collectEvents(srv.Events(), rec)
	fmt.Fprintf(c.stderr, "Link is waiting at %s\n", srv.URL())
	if o.noBrowser {
		fmt.Fprintln(c.stderr, "  open that address in a browser on this machine to continue")
	} else if err := c.deps.open(srv.URL()); err != nil {
		fmt.Fprintf(c.stderr, "  could not open a browser (%v): open the address yourself\n", err)
	}
	out, err := srv.Wait(ctx)
	if err != nil {
		srv.Close()
		events.drained()
		return "", browserLink{}, fmt.Errorf("waiting for Link: %w", err)
	}
	events.quiet(ctx, linkEventQuiet)
	srv.Close() // closes Events: once drained, the attempt has every callback the server accepted
	events.drained()
	rec.attempts.LinkEnded(rec.id, out)
	token, err := publicTokenFrom(out, o.linkTimeout, "Link")
	return token, browserLink{Outcome: &out}, err
}

// eventCollector hands the callbacks of a Link session to the run's attempt as they arrive
// (the attempt keeps what a session keeps, sessions.EventCap, and counts the rest).
type eventCollector struct {
	arrived chan struct{} // a token per arrival, never blocking the reader
	done    chan struct{} // closed when the channel is drained
}

func collectEvents(ch <-chan linkserver.Event, rec linkAttempt) *eventCollector {
	ec := &eventCollector{arrived: make(chan struct{}, 1), done: make(chan struct{})}
	go func() {
		defer close(ec.done)
		for ev := range ch {
			rec.attempts.LinkEvent(rec.id, ev)
			select {
			case ec.arrived <- struct{}{}:
			default:
			}
		}
	}()
	return ec
}

// quiet waits until no callback has arrived for d (or ctx ends).
func (ec *eventCollector) quiet(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	for {
		select {
		case <-ec.arrived:
			t.Reset(d)
		case <-t.C:
			return
		case <-ctx.Done():
			return
		}
	}
}

// drained waits for the channel to be drained (it must be closed).
func (ec *eventCollector) drained() { <-ec.done }

// publicTokenFrom reads the outcome of Link (what: "Link" in the browser, or "Hosted Link")
// with plaidflow's one rule, and adds what run's user can do when Link ended without a token
// or Plaid's error.
func publicTokenFrom(out linkserver.Outcome, timeout time.Duration, what string) (string, error) {
	end := plaidflow.LinkEnd{What: what, PublicToken: out.PublicToken, ExitStatus: out.ExitStatus,
		TimedOut: out.TimedOut, Timeout: timeout}
	if e := out.ExitError; e != nil {
		end.ExitError = plaidflow.LinkExitError(what, e.ErrorType, e.ErrorCode, e.ErrorMessage, e.DisplayMessage, out.RequestID)
	}
	token, err := plaidflow.PublicTokenFrom(end)
	var ended *plaidflow.LinkEndedError
	if errors.As(err, &ended) {
		advice := "run again to retry"
		if ended.TimedOut {
			advice = "run again, or raise --link-timeout"
		}
		return "", fmt.Errorf("%w: %s", err, advice)
	}
	return token, err
}

// checkPort refuses a --port that no listener could take, before any call is made: without
// this, a bad port surfaced only at the Link step, after a link_token was created.
func checkPort(c *cli, command string, port int) int {
	if port >= 0 && port <= 65535 {
		return 0
	}
	fmt.Fprintf(c.stderr, "%s: --port %d is not a TCP port: give one from 1 to 65535 (one allow-listed in your redirect URI), or 0 or no --port for any free port\n",
		command, port)
	return 2
}

// startLinkPage is linkserver.Start with a failure to listen said in words: a port another
// program holds is named with what to do, and no network error is passed on, so nobody is
// sent to check the connection to Plaid for what is a local port problem.
func startLinkPage(ctx context.Context, o linkserver.Options) (*linkserver.Server, error) {
	srv, err := linkserver.Start(ctx, o)
	if err == nil {
		return srv, nil
	}
	if errors.Is(err, syscall.EADDRINUSE) {
		if o.Port == 0 { // the redirect URI chose the port
			return nil, fmt.Errorf("the port of the redirect URI %s is already in use on 127.0.0.1 by another program: stop that program, or allow-list a redirect URI on another port and pass it with --redirect-uri",
				termtext.SingleLine(o.RedirectURI))
		}
		return nil, fmt.Errorf("port %d on 127.0.0.1 is already in use by another program: pick another --port, or leave --port out to use any free port", o.Port)
	}
	if errors.Is(err, syscall.EACCES) {
		return nil, fmt.Errorf("this user may not listen on port %d (ports below 1024 need privileges): pick a port from 1024 to 65535, or leave --port out to use any free port", o.Port)
	}
	return nil, errors.New(termtext.SingleLine(err.Error()))
}
