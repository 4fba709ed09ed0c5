package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/pkg/browser"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/tui"
)

// tuiOptions are the flags of the terminal UI (plaidwalk with no command).
type tuiOptions struct {
	env, partner, baseURL, redirectURI string
	noBrowser, help                    bool
	port                               int
	linkTimeout                        time.Duration
}

func tuiFlags(o *tuiOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("plaidwalk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.env, "env", "", "offline, sandbox or production (default: PLAID_ENV, or offline without keys)")
	fs.StringVar(&o.partner, "partner", "", "highlight this partner id in the list, e.g. dwolla")
	fs.BoolVar(&o.noBrowser, "no-browser", false, "do not open a browser; the Link URL is shown to open yourself")
	fs.IntVar(&o.port, "port", 0, "port of the local Link page on 127.0.0.1 (default: any free port; fix it when a redirect_uri must be allow-listed)")
	fs.DurationVar(&o.linkTimeout, "link-timeout", 30*time.Minute, "how long to wait for Link to finish in the browser")
	fs.StringVar(&o.baseURL, "base-url", "", "Plaid-compatible API host (default: PLAID_BASE_URL)")
	fs.StringVar(&o.redirectURI, "redirect-uri", "", "OAuth redirect URI (default: PLAID_REDIRECT_URI)")
	fs.BoolVar(&o.help, "help-tui", false, "show this help")
	return fs
}

func printTUIUsage(w io.Writer) {
	var o tuiOptions
	fmt.Fprint(w, `Usage: plaidwalk [flags]

Opens the terminal UI: pick a partner, create a link_token, run Plaid Link in your browser,
exchange the public_token, pick an account and create the partner's token. The UI draws on
stderr; when it closes, a summary goes to stdout (plaidwalk > result.txt keeps it; tokens are
written in full only when stdout is not a terminal). Exit codes: 0 a partner token was made,
1 the walk stopped before that, 2 usage or configuration error.

Flags:
`)
	fs := tuiFlags(&o)
	fs.SetOutput(w)
	fs.PrintDefaults()
	fmt.Fprintln(w, "\n"+tui.KeysHelp)
}

// cmdTUI checks flags and configuration (exit 2 before any screen), then runs the UI.
func cmdTUI(ctx context.Context, c *cli, args []string) int {
	var o tuiOptions
	fs := tuiFlags(&o)
	if err := fs.Parse(args); err != nil || o.help {
		if o.help || errors.Is(err, flag.ErrHelp) {
			printTUIUsage(c.stdout)
			return 0
		}
		fmt.Fprintf(c.stderr, "plaidwalk: %v\nRun 'plaidwalk --help-tui' for the UI's flags and keys.\n", err)
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "plaidwalk: unexpected argument %q\nRun 'plaidwalk --help' for the commands.\n", fs.Arg(0))
		return 2
	}
	catalog, code := tuiCatalog(c, o.partner)
	if code != 0 {
		return code
	}
	cfg, stop, err := setupEnv(ctx, c, plaidflow.Overrides{Env: o.env, BaseURL: o.baseURL, RedirectURI: o.redirectURI})
	defer stop()
	if err != nil {
		return exitForSetupError(c, err)
	}
	res, err := tui.Run(ctx, tuiDeps(c, cfg, catalog, o))
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: the terminal UI stopped: %v\n", err)
		return 1
	}
	fmt.Fprint(c.stdout, res.Summary(!writesToTerminal(c.stdout)))
	if !res.Completed() {
		return 1
	}
	return 0
}

func tuiCatalog(c *cli, partner string) (plaidflow.Catalog, int) {
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return catalog, 1
	}
	if partner == "" {
		return catalog, 0
	}
	if _, ok := catalog.Find(partner); !ok {
		msg := fmt.Sprintf("plaidwalk: unknown partner %q.", partner)
		if s := catalog.Suggest(partner); len(s) > 0 {
			msg += " Did you mean: " + strings.Join(s, ", ") + "?"
		}
		fmt.Fprintln(c.stderr, msg+"\nRun 'plaidwalk partners' to list the partners.")
		return catalog, 2
	}
	return catalog, 0
}

func tuiDeps(c *cli, cfg plaidflow.Config, catalog plaidflow.Catalog, o tuiOptions) tui.Deps {
	// xdg-open and friends print to the terminal the UI draws on: keep them quiet.
	browser.Stdout, browser.Stderr = io.Discard, io.Discard
	log := plaidflow.NewAPILog()
	page := linkserver.Options{Port: o.port, Timeout: o.linkTimeout}
	if cfg.BaseURL != "" {
		page = linkserver.EmulatorOptions(page, cfg.BaseURL)
	} else {
		page = linkserver.PlaidOptions(page, string(cfg.Env))
	}
	return tui.Deps{
		Config: cfg, Client: plaidflow.NewClient(cfg, log), Log: log, Catalog: catalog,
		StartLink: linkserver.Start, OpenBrowser: browser.OpenURL,
		Link: tui.LinkPage{ScriptURL: page.ScriptURL, FrameOrigins: page.FrameOrigins,
			ConnectOrigins: page.ConnectOrigins, Port: o.port, Timeout: o.linkTimeout},
		NoBrowser: o.noBrowser, PartnerID: o.partner,
		Input: c.stdin, Output: c.stderr, Getenv: c.getenv,
	}
}

// writesToTerminal tells a screen (mask tokens) from a file or pipe (write them in full).
func writesToTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}
