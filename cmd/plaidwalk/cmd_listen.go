package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// listenOptions are `plaidwalk listen`'s flags.
type listenOptions struct {
	addr      string
	forwardTo string
	baseURL   string
	json      bool
	body      bool
}

func listenFlags(o *listenOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("listen", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "where to listen, as `ADDR` host:port; loopback only, port 0 picks a free one")
	fs.StringVar(&o.forwardTo, "forward-to", "", "pass each webhook on, headers and body unchanged, to this `URL` (your app's endpoint)")
	fs.StringVar(&o.baseURL, "base-url", "", "the emulator at `URL` sends the webhooks and its key checks them (default: PLAID_BASE_URL)")
	fs.BoolVar(&o.json, "json", false, "print one JSON object per webhook, body included, for scripts")
	fs.BoolVar(&o.body, "print-body", false, "print each webhook's body under its line")
	return fs
}

func printListenUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: plaidwalk listen [--forward-to URL] [--addr 127.0.0.1:PORT] [--base-url URL] [--json] [--print-body]

Receives Plaid webhooks on this machine and shows each one as it arrives: the time, its type
and code, the Item it is about, and whether its Plaid-Verification signature checks out (✓/✗)
against the key of the emulator that sent it. With --forward-to, each webhook also goes on to
your own endpoint exactly as it came (same headers, same bytes, so your endpoint can verify it
too); the line shows your endpoint's status and how long it took, and the sender gets that
status back, so a failing endpoint makes the emulator retry as Plaid would.

The URL it prints is a loopback address. Give it to plaidwalk's emulator as a webhook
(/link/token/create webhook, /sandbox/public_token/create options.webhook,
/item/webhook/update, ...). Real Plaid, with sandbox or production keys, cannot reach a
loopback address: this is for the emulator, offline.

  plaidwalk emulator > plaid.env &  . ./plaid.env
  plaidwalk listen --forward-to http://127.0.0.1:3000/plaid/webhook

Everything shown from a webhook is cleaned of terminal escape sequences first. Ctrl-C stops it.

Flags:
`)
	printFlags(w, listenFlags(&listenOptions{}))
}

// cmdListen serves the webhook receiver until ctx ends.
func cmdListen(ctx context.Context, c *cli, args []string) int {
	var o listenOptions
	if _, done, code := parseFlags(c, listenFlags(&o), args, 0, printListenUsage); done {
		return code
	}
	l, err := newListener(c, o)
	if err != nil {
		return exitForSetupError(c, err)
	}
	addr, err := loopbackAddr(o.addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk listen: %v\nUse --addr 127.0.0.1:PORT (loopback, a free port).\n", err)
		return 2
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk listen: cannot listen on %s: %v\nPick another port with --addr 127.0.0.1:PORT.\n", addr, err)
		return 1
	}
	srv := &http.Server{Handler: l.handler(), ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 30 * time.Second,
		WriteTimeout: 30 * time.Second, MaxHeaderBytes: 64 << 10}
	go func() { _ = srv.Serve(ln) }()
	l.printReady("http://" + ln.Addr().String() + listenPath)
	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	fmt.Fprintln(c.stderr, "plaidwalk listen: stopped.")
	return 0
}

// listenPath is the path printed in the webhook URL; any path is accepted.
const listenPath = "/webhook"

// loopbackAddr accepts 127.0.0.1:PORT, [::1]:PORT or localhost:PORT (as 127.0.0.1) only:
// the receiver shows what it is sent, so nothing off this machine may send to it.
func loopbackAddr(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("address %q is not host:port", termtext.SingleLine(addr))
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("refusing to listen on %q: only loopback addresses are allowed", termtext.SingleLine(addr))
	}
	return net.JoinHostPort(host, port), nil
}

// newListener resolves where keys come from (--base-url, else PLAID_BASE_URL, with the keys of
// that host, from the environment or .env as every command reads them).
func newListener(c *cli, o listenOptions) (*listener, error) {
	dir, err := os.Getwd()
	if err != nil {
		return nil, fmt.Errorf("cannot find the working directory to read .env: %w", err)
	}
	cfg, err := plaidflow.LoadConfig(plaidflow.Overrides{BaseURL: o.baseURL}, c.getenv, dir)
	var ce *plaidflow.ConfigError
	if errors.As(err, &ce) && (ce.Variable == plaidflow.VarBaseURL || ce.Variable == "--base-url") {
		// An emulator named without keys: its keys are public and the only ones it takes.
		cfg, err = plaidflow.LoadConfig(plaidflow.Overrides{BaseURL: o.baseURL, ClientID: emulator.TestClientID, Secret: emulator.TestSecret}, c.getenv, dir)
	}
	if err != nil {
		return nil, err
	}
	if o.forwardTo != "" && !httpURL(o.forwardTo) {
		return nil, &plaidflow.ConfigError{Variable: "--forward-to", Problem: "is not an http or https URL: " + termtext.SingleLine(o.forwardTo),
			Fix: "give your app's webhook endpoint, such as http://127.0.0.1:3000/plaid/webhook"}
	}
	return &listener{c: c, o: o, keys: linkserver.NewKeySource(cfg.BaseURL, cfg.ClientID, cfg.Secret)}, nil
}

func httpURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
