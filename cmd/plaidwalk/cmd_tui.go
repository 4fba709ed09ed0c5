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

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/tui"
)

// tuiOptions are the flags of the terminal UI (plaidwalk with no command).
type tuiOptions struct {
	env, partner, baseURL, redirectURI string
	save, lang                         string
	noBrowser, noSave, reveal, help    bool
	port                               int
	linkTimeout                        time.Duration
}

func tuiFlags(o *tuiOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("plaidwalk", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.env, "env", "", "offline, sandbox or production (default: PLAID_ENV, or offline without keys)")
	fs.StringVar(&o.partner, "partner", "", "start at this partner's Link options, e.g. dwolla (esc shows the list)")
	fs.BoolVar(&o.noBrowser, "no-browser", false, "do not open a browser; the Link URL is shown to open yourself")
	fs.IntVar(&o.port, "port", 0, "port of the local Link page on 127.0.0.1 (default: any free port; fix it when a redirect_uri must be allow-listed)")
	fs.DurationVar(&o.linkTimeout, "link-timeout", plaidflow.DefaultLinkTimeout, "how long to wait for Link to finish in the browser")
	fs.StringVar(&o.baseURL, "base-url", "", "Plaid-compatible API host (default: PLAID_BASE_URL)")
	fs.StringVar(&o.redirectURI, "redirect-uri", "", "OAuth redirect URI (default: PLAID_REDIRECT_URI)")
	fs.StringVar(&o.save, "save", "", "also save the session to `FILE` (0600), on ctrl+s and when the UI closes")
	fs.BoolVar(&o.noSave, "no-save", false, "do not save the session to the state dir when the UI closes (ctrl+s still does)")
	fs.BoolVar(&o.reveal, "reveal", false, "print whole tokens in the summary on stdout (masked by default, even in a file)")
	fs.StringVar(&o.lang, "lang", "", "the code view's first language: curl, node, python, go, ruby or java (default: PLAIDWALK_LANG from the environment or .env, or curl); g switches it")
	fs.BoolVar(&o.help, "help-tui", false, "show this help")
	return fs
}

func printTUIUsage(w io.Writer) {
	var o tuiOptions
	fmt.Fprint(w, `Usage: plaidwalk [flags]

Opens the terminal UI: pick a partner, create a link_token, run Plaid Link in your browser,
exchange the public_token, pick an account and create the partner's token. The UI draws on
stderr; when it closes, a summary goes to stdout (plaidwalk > result.txt keeps it; tokens are
masked there too unless --reveal: a redirected file is created with your umask and may be
readable by others). Once a link_token was created, the walk is saved as a session in
$XDG_STATE_HOME/plaidwalk/sessions (see 'plaidwalk sessions', 'plaidwalk replay') when the UI
closes, unless --no-save; ctrl+s saves it at any point. Where it went is printed on stderr.
It needs a terminal on stdin and stderr; without one, use 'plaidwalk run --partner ID'.
Exit codes: 0 a partner token was made, 1 the walk stopped before that, 2 a usage or
configuration error or no terminal, found before the UI starts (nothing is called or saved).
SIGTERM, or SIGHUP when the terminal is closed, ends the UI as quitting does: the screen is
restored and the walk saved as stopped (exit 1).

Flags:
`)
	printFlags(w, tuiFlags(&o))
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
		fmt.Fprintf(c.stderr, "plaidwalk: %v\nRun 'plaidwalk --help-tui' for the UI's flags and keys.\n", flagError(fs, args, err))
		return 2
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(c.stderr, "plaidwalk: unexpected argument %q\nRun 'plaidwalk --help' for the commands.\n", fs.Arg(0))
		return 2
	}
	if code := checkPort(c, "plaidwalk", o.port); code != 0 {
		return code
	}
	if code := checkSaveTarget(c, o.save); code != 0 {
		return code
	}
	if code := checkCodeLang(c, o.lang != "", o.lang); code != 0 {
		return code // a bad --lang is refused before anything starts
	}
	catalog, code := tuiCatalog(c, o.partner)
	if code != 0 {
		return code
	}
	if code := checkTerminal(c); code != 0 {
		return code
	}
	cfg, stop, err := setupEnv(ctx, c, plaidflow.Overrides{Env: o.env, BaseURL: o.baseURL, RedirectURI: o.redirectURI, CodeLang: o.lang})
	defer stop()
	if err != nil {
		return exitForSetupError(c, err)
	}
	if o.lang = strings.TrimSpace(cfg.CodeLang); checkCodeLang(c, false, o.lang) != 0 {
		return 2
	}
	deps := tuiDeps(c, cfg, catalog, o)
	hooks, err := startWalkWebhooks(ctx, cfg, "") // offline: the walk's own receiver feeds the webhook pane
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return 1
	}
	defer hooks.close()
	if hooks.srv != nil {
		deps.Webhooks, deps.WebhookURL = hooks.srv.Webhooks(), hooks.url
		var lc plaidflow.LinkConfig // the client's part only: the Link options' field decides the link_token's
		hooks.apply(deps.Client, &lc)
	}
	res, err := tui.Run(ctx, deps)
	cut, wasCut := keepCutCall(&res, deps.Log)
	saveAfterTUI(c, cfg, res, o)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: the terminal UI stopped: %v\n", err)
		return 1
	}
	fmt.Fprint(c.stdout, res.Summary(o.reveal))
	if wasCut {
		fmt.Fprintf(c.stdout, "\nThe walk stopped while %s.\n", mayHaveCompleted(cut))
	}
	if !res.Completed() {
		return 1
	}
	return 0
}

// checkTerminal refuses to start the UI when its input or its screen (stderr) is one of the
// process's files and not a terminal: Bubble Tea would switch the screen and hide the cursor
// before failing to read keys, and leave the terminal that way. Other readers and writers
// (the tests' seams) are taken as they are.
func checkTerminal(c *cli) int {
	for _, f := range []struct {
		name string
		file any
	}{{"stdin", c.stdin}, {"stderr", c.stderr}} {
		if file, ok := f.file.(*os.File); ok && !term.IsTerminal(file.Fd()) {
			fmt.Fprintf(c.stderr, "plaidwalk: the terminal UI needs a terminal, and %s is not one (it is redirected or piped).\n"+
				"  fix: start plaidwalk from a terminal, or walk without the UI: plaidwalk run --partner ID ('plaidwalk partners' lists the ids)\n", f.name)
			return 2
		}
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
	log := plaidflow.NewAPILog()
	return tui.Deps{
		Config: cfg, Client: c.deps.newClient(cfg, log), Log: log, Catalog: catalog,
		// linkserver.OpenInBrowser keeps xdg-open and friends off the terminal the UI draws on.
		StartLink: startLinkPage, OpenBrowser: c.deps.open,
		Link:      linkPageOptions(cfg, linkserver.Options{Port: o.port, Timeout: o.linkTimeout}), // the page run shows
		NoBrowser: o.noBrowser, PartnerID: o.partner, CodeLang: o.lang,
		Input: c.stdin, Output: c.stderr, Getenv: c.getenv,
		// ctrl+s is an explicit request: it saves to the state dir even with --no-save.
		SaveSession: func(r tui.Result) ([]string, error) { return saveTUISessions(c, cfg, r, o.save, false) },
	}
}
