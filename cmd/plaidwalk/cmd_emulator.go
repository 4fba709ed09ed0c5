package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"strings"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
)

func printEmulatorUsage(w io.Writer) {
	fmt.Fprintf(w, `Usage: plaidwalk emulator [--addr 127.0.0.1:PORT] [--state DIR] [--asset-report-delay D] [--webhook-allow HOST] [--webhook-retry D]

Runs plaidwalk's offline Plaid emulator on its own, so that any program written against Plaid
(plaidwalk itself, or an app using Plaid's Node, Python or Go SDK) can use it as an offline
Sandbox. It speaks Plaid's API on the loopback interface only and keeps its state in memory
until it stops, or with --state in a directory, where a restart finds it again.

On start it prints three export lines on stdout (PLAID_BASE_URL, PLAID_CLIENT_ID,
PLAID_SECRET) and keeps running. Paste them into the shell of your app, or:
  plaidwalk emulator --addr 127.0.0.1:8765 > plaid.env &
  . ./plaid.env
then point your SDK's base URL at $PLAID_BASE_URL. The keys it prints are fake, offline-only
test keys: the only keys the emulator accepts, and they work nowhere else.
Ctrl-C (or SIGTERM) stops it.

Test users, as in Plaid's Sandbox: user_good / pass_good logs in; with user_good the password
mfa_device (code 1234), mfa_questions_<n>_<m>, mfa_selections or mfa_selections_<n>_<m>_<o>
asks a security check in Link first, and error_<CODE> fails with that error. user_custom takes
a JSON configuration of its accounts as the password ({"override_accounts":[...]}).
user_transactions_dynamic (any password) gets new, posted and changed transactions on each
/transactions/refresh, with the webhooks an app hears then. The Sandbox's banks and real banks that exist in Sandbox are served, and listed by
/institutions/get and /institutions/search.

Webhooks: the emulator sends Plaid's webhooks, signed as Plaid signs them (check them with
the key from /webhook_verification_key/get), to the webhook URLs your app gives it, and
retries as Plaid does when the answer is not 200. It sends to this machine's loopback
addresses only, unless a host is named with --webhook-allow. Each attempt is printed on
stderr; the last 500 are listed by a POST to %s (with the keys), and
'plaidwalk listen' receives, checks and forwards them.

Flags:
  --addr ADDR                 where to listen (default 127.0.0.1:0, a free port); loopback only
  --state DIR                 keep Items, every token, asset reports and the webhook signing
                              key in DIR (made when missing): each change is on disk before it
                              is answered, so a restart, even after kill -9, serves every token
                              handed out. A Link still open in a browser is not kept: open
                              Link again with the same link_token
  --asset-report-delay D      how long a new Asset Report answers PRODUCT_NOT_READY
                              (default %s; e.g. 500ms or 1m); the emulator inside an
                              offline walk uses %s
  --webhook-allow HOST        also send webhooks to HOST (a name or IP address, any port); repeat
                              the flag for more hosts
  --webhook-retry D           wait before the first retry of a failed webhook; each next wait is
                              4 times longer, up to 7 attempts (default 30s, as Plaid)
`, emulator.DeliveriesPath, emulator.DefaultAssetReportDelay, walkAssetReportDelay)
	fmt.Fprintf(w, "\n%s", servedEndpointsText("", 96))
}

// emulatorOptions are the emulator command's flags.
type emulatorOptions struct {
	addr, state  string
	delay, retry time.Duration
	allow        hostList
}

// hostList is a repeatable flag of host names or IP addresses.
type hostList []string

func (h *hostList) String() string { return strings.Join(*h, ",") }

func (h *hostList) Set(v string) error {
	if v == "" || strings.ContainsAny(v, "/ ") || (strings.Contains(v, ":") && net.ParseIP(strings.Trim(v, "[]")) == nil) {
		return fmt.Errorf("%q is not a host name or IP address (give the host alone, e.g. hooks.example.test, without scheme, port or path)", v)
	}
	*h = append(*h, v)
	return nil
}

func emulatorFlags(o *emulatorOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("emulator", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.addr, "addr", "127.0.0.1:0", "listen address")
	fs.StringVar(&o.state, "state", "", "state directory")
	fs.DurationVar(&o.delay, "asset-report-delay", emulator.DefaultAssetReportDelay, "asset report delay")
	fs.Var(&o.allow, "webhook-allow", "a host webhooks may go to besides loopback")
	fs.DurationVar(&o.retry, "webhook-retry", 30*time.Second, "delay before a webhook's first retry")
	return fs
}

// cmdEmulator serves the emulator until ctx ends (Ctrl-C or SIGTERM in main).
func cmdEmulator(ctx context.Context, c *cli, args []string) int {
	var o emulatorOptions
	if _, done, code := parseFlags(c, emulatorFlags(&o), args, 0, printEmulatorUsage); done {
		return code
	}
	switch {
	case o.delay <= 0:
		fmt.Fprintln(c.stderr, "plaidwalk emulator: --asset-report-delay must be positive, e.g. 2s or 500ms")
		return 2
	case o.retry <= 0:
		fmt.Fprintln(c.stderr, "plaidwalk emulator: --webhook-retry must be positive, e.g. 30s or 100ms")
		return 2
	}
	serveCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	opts := emulator.Options{AssetReportDelay: o.delay,
		Webhooks: emulator.WebhookOptions{RetryBase: o.retry, Allow: o.allow, Log: c.stderr}}
	emu, err := newStandaloneEmulator(opts, o.state)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk emulator: %s\n", termtext.SingleLine(err.Error()))
		return 1
	}
	defer emu.Close()
	baseURL, stop, err := emu.Serve(serveCtx, o.addr)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk %v\nUse --addr 127.0.0.1:PORT (loopback, a free port).\n", err)
		return 2
	}
	defer stop()
	fmt.Fprintf(c.stdout, "export PLAID_BASE_URL=%s\nexport PLAID_CLIENT_ID=%s\nexport PLAID_SECRET=%s\n",
		baseURL, emulator.TestClientID, emulator.TestSecret)
	fmt.Fprintf(c.stderr, "plaidwalk emulator: offline Plaid at %s (fake data, fake keys; asset reports ready after %s).\n"+
		"Source the export lines it printed on stdout in your app's shell. Ctrl-C stops it.\n", baseURL, o.delay)
	if o.state != "" {
		fmt.Fprintf(c.stderr, "plaidwalk emulator: Items and tokens are kept in %s.\n", termtext.SingleLine(o.state))
	}
	<-ctx.Done()
	fmt.Fprintln(c.stderr, "plaidwalk emulator: stopped.")
	return 0
}

// newStandaloneEmulator keeps the emulator's state in memory, or in dir when one is given.
func newStandaloneEmulator(opts emulator.Options, dir string) (*emulator.Emulator, error) {
	if dir == "" {
		return emulator.New(opts), nil
	}
	return emulator.Restore(opts, dir)
}
