package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// The --link values: how `run` gets its public_token.
const (
	linkShortcut = "shortcut" // /sandbox/public_token/create, no browser
	linkBrowser  = "browser"  // Plaid Link on the page linkserver serves on loopback
	linkHosted   = "hosted"   // Plaid's Hosted Link page; the result is read from /link/token/get
)

// runOptions are the flags of `plaidwalk run`.
type runOptions struct {
	partner, institution, username, password, account string
	secondaryClientID, daysRequested                  string
	products, countryCodes, link                      string
	env, baseURL, redirectURI                         string
	webhook                                           string
	authFlow                                          string
	json, reveal, noBrowser, noSave                   bool
	partnerView, repair                               bool
	save                                              string
	port                                              int
	linkTimeout                                       time.Duration
}

func (o runOptions) overrides() plaidflow.Overrides {
	return plaidflow.Overrides{Env: o.env, BaseURL: o.baseURL, RedirectURI: o.redirectURI,
		Products: o.products, CountryCodes: o.countryCodes}
}

func runFlags(o *runOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.partner, "partner", "", "partner id from 'plaidwalk partners' (required)")
	fs.StringVar(&o.institution, "institution", "First Platypus Bank", "the shortcut's sandbox institution: an id (ins_...) or a sandbox bank's name")
	fs.StringVar(&o.username, "username", plaidflow.DefaultUsername, "the shortcut's sandbox test user (user_custom when --password is a JSON configuration)")
	fs.StringVar(&o.password, "password", plaidflow.DefaultPassword, "the shortcut's sandbox password; error_<CODE> makes the login fail with that Plaid error; "+
		"a JSON configuration ('{\"override_accounts\":[...]}') logs in as Plaid's custom user with those accounts")
	fs.StringVar(&o.authFlow, "auth-flow", "", "Auth's verification flow in the sandbox: instant-match or automated-microdeposits (set --institution and --password; shortcut), "+
		"same-day-microdeposits or instant-microdeposits (numbers and deposit code typed into Link: --link browser or hosted)")
	fs.StringVar(&o.account, "account", "", "account id, mask or name (default: the first account the partner accepts)")
	fs.StringVar(&o.secondaryClientID, "secondary-client-id", "", "Alloy's secondary_client_id (alloy-credit)")
	fs.StringVar(&o.daysRequested, "days-requested", "", "days of history in the Asset Report, 0-731 (alloy-credit; default 60)")
	fs.StringVar(&o.products, "products", "", "Link products, comma list (replaces the partner's)")
	fs.StringVar(&o.countryCodes, "country-codes", "", "Link country codes, comma list (default: PLAID_COUNTRY_CODES or the partner's)")
	fs.StringVar(&o.link, "link", linkShortcut, "how to get a public_token: shortcut (/sandbox/public_token/create), browser (Plaid Link on a local page) or hosted (Plaid's Hosted Link page)")
	fs.StringVar(&o.env, "env", "", "offline, sandbox or production (default: PLAID_ENV, or offline without keys)")
	fs.StringVar(&o.baseURL, "base-url", "", "Plaid-compatible API host (default: PLAID_BASE_URL)")
	fs.StringVar(&o.redirectURI, "redirect-uri", "", "OAuth redirect URI (default: PLAID_REDIRECT_URI)")
	fs.StringVar(&o.webhook, "webhook", "", "the link_token's webhook `URL` (default offline: plaidwalk's own receiver, whose webhooks the result lists; none with real keys, which cannot reach this machine)")
	fs.BoolVar(&o.json, "json", false, "print one JSON document (partner, item, account, tokens, API log) and nothing else")
	fs.BoolVar(&o.reveal, "reveal", false, "print tokens and account numbers in full instead of masked")
	fs.BoolVar(&o.repair, "repair", false, "after the partner's token, break the Item (/sandbox/item/reset_login) and repair it in Link's update mode (needs --link browser or hosted)")
	fs.BoolVar(&o.partnerView, "partner-view", false, "after the partner's token, read the account as the partner does (/processor/auth/get, balance, identity; a relay token's report)")
	fs.BoolVar(&o.noBrowser, "no-browser", false, "with --link browser or hosted: print Link's address instead of opening a browser")
	fs.IntVar(&o.port, "port", 0, "with --link browser: fixed loopback port for the Link page (for an allow-listed redirect URI)")
	fs.DurationVar(&o.linkTimeout, "link-timeout", plaidflow.DefaultLinkTimeout, "with --link browser or hosted: how long to wait for Link to finish, as in the terminal UI")
	fs.StringVar(&o.save, "save", "", "also save the session (inputs, API log, outcome; no secret, tokens masked) to this file")
	fs.BoolVar(&o.noSave, "no-save", false, "do not keep the session in the sessions directory ('plaidwalk sessions')")
	return fs
}

func printRunUsage(w io.Writer) {
	var o runOptions
	fmt.Fprint(w, `Usage: plaidwalk run --partner ID [flags]

Walks a partner flow without the terminal UI: link token, public token, exchange, accounts,
then the partner's token (a processor token, a Stripe btok_, or for credit_relay an Asset
Report, then a relay token). Offline (built-in emulator) unless Plaid keys are set.
The public token comes from the sandbox shortcut unless --link says otherwise: with
--link browser you log in through Plaid Link on a local page; with --link hosted you log in
on Plaid's Hosted Link page (its address is printed) while run polls /link/token/get.
After the partner's token, --partner-view reads the account as the partner does with it, and
--repair breaks the Item (/sandbox/item/reset_login) and has you repair it in Link's update
mode (with --link browser or hosted: the shortcut has no update mode).
Exit codes: 0 the partner token was made; 1 the walk ran and failed (Plaid's error and a hint
are printed, the session is saved), or it worked but the --save file could not be written; 2 a
usage or configuration error (a --save path that is a directory or in a missing one too),
found before any call (nothing is called or saved); 130 interrupted by ctrl+c, SIGTERM or SIGHUP
(the terminal closed): the session is saved as stopped.

Flags:
`)
	printFlags(w, runFlags(&o))
	fmt.Fprint(w, "\nExample:\n  plaidwalk run --partner dwolla --json\n  plaidwalk run --partner alloy-credit --secondary-client-id YOUR_ALLOY_ID\n"+
		"  plaidwalk run --partner dwolla --link hosted\n"+
		"  plaidwalk run --partner dwolla --partner-view\n"+
		"  plaidwalk run --partner dwolla --repair --link browser\n"+
		"  plaidwalk run --partner dwolla --auth-flow automated-microdeposits --partner-view\n"+
		"  plaidwalk run --partner dwolla --link browser --auth-flow same-day-microdeposits\n"+
		"  plaidwalk run --partner dwolla --password '"+plaidflow.CustomUserExample+"'\n")
}

// cmdRun parses the flags, prepares the environment, walks the flow and prints the result.
func cmdRun(ctx context.Context, c *cli, args []string) int {
	var o runOptions
	fs := runFlags(&o)
	if _, done, code := parseFlags(c, fs, args, 0, printRunUsage); done {
		return code
	}
	if code := checkPort(c, "plaidwalk run", o.port); code != 0 {
		return code
	}
	if code := settleAuthFlow(c, fs, &o); code != 0 {
		return code
	}
	if code := settleShortcutUser(c, fs, &o); code != 0 {
		return code
	}
	if code := checkSaveTarget(c, o.save); code != 0 {
		return code
	}
	p, code := resolvePartner(c, o)
	if code != 0 {
		return code
	}
	cfg, stop, err := setupEnv(ctx, c, o.overrides())
	defer stop()
	if err != nil {
		return exitForSetupError(c, err)
	}
	if code := checkRunMode(c, cfg, o); code != 0 {
		return code
	}
	if code := checkRepairMode(c, cfg, o); code != 0 {
		return code
	}
	if code := checkTypedInFlow(c, cfg, p, o); code != 0 {
		return code
	}
	res := walkPartner(ctx, c, cfg, p, o)
	markInterrupted(ctx, &res)
	printRunResult(c, res, o)
	if err := saveRun(c, res, o); res.exitCode() == 0 && saveFileFailed(err) {
		return 1 // the walk worked, but the file --save asked for was not written
	}
	return res.exitCode()
}

// resolvePartner finds the partner and checks its inputs before anything starts.
func resolvePartner(c *cli, o runOptions) (plaidflow.Partner, int) {
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return plaidflow.Partner{}, 1
	}
	if o.partner == "" {
		fmt.Fprintln(c.stderr, "plaidwalk run: --partner is required, e.g. --partner dwolla\nRun 'plaidwalk partners' to list the partners.")
		return plaidflow.Partner{}, 2
	}
	p, ok := catalog.Find(o.partner)
	if !ok {
		msg := fmt.Sprintf("plaidwalk run: unknown partner %q.", o.partner)
		if s := catalog.Suggest(o.partner); len(s) > 0 {
			msg += " Did you mean: " + strings.Join(s, ", ") + "?"
		}
		fmt.Fprintln(c.stderr, msg+"\nRun 'plaidwalk partners' to list the partners.")
		return p, 2
	}
	if !p.Runnable() {
		fmt.Fprintf(c.stderr, "plaidwalk run: %s cannot be walked: %s\n", p.Name, p.NotRunnable)
		return p, 2
	}
	if err := plaidflow.ValidateInputs(p, partnerInputs(o)); err != nil {
		fmt.Fprintln(c.stderr, "plaidwalk run: "+inputProblem(p, err))
		return p, 2
	}
	if _, err := resolveInstitution(o.institution); err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk run: %v\n", err)
		return p, 2
	}
	return p, 0
}

// inputFlags are the run flags behind the partners' extra inputs.
var inputFlags = map[string]string{
	plaidflow.InputSecondaryClientID: "--secondary-client-id",
	plaidflow.InputDaysRequested:     "--days-requested",
}

// inputProblem words a partner input error in terms of run's flags.
func inputProblem(p plaidflow.Partner, err error) string {
	var ie *plaidflow.InputError
	if !errors.As(err, &ie) {
		return err.Error()
	}
	flagName := inputFlags[ie.Input.Name]
	switch {
	case ie.Unexpected:
		return fmt.Sprintf("%s is not used by %s (only credit relay partners such as alloy-credit take it): leave it out.", flagName, p.Name)
	case ie.Input.Name == plaidflow.InputSecondaryClientID:
		return fmt.Sprintf("%s needs %s: %s.\nOffline, any value works, e.g. --secondary-client-id test-alloy.", p.Name, flagName, ie.Input.Label)
	}
	return fmt.Sprintf("%s for %s: %s.", flagName, p.Name, ie.Problem)
}

// checkRunMode refuses what cannot work in this environment before any call is made.
func checkRunMode(c *cli, cfg plaidflow.Config, o runOptions) int {
	switch o.link {
	case linkShortcut:
		if cfg.Env == plaidflow.EnvProduction {
			fmt.Fprintln(c.stderr, "plaidwalk run: the sandbox shortcut (/sandbox/public_token/create) does not exist in production.\n"+
				"  fix: use --link browser or --link hosted to log in at a real bank through Plaid Link, or run against sandbox (PLAID_ENV=sandbox).")
			return 2
		}
	case linkBrowser, linkHosted:
	default:
		fmt.Fprintf(c.stderr, "plaidwalk run: --link must be shortcut, browser or hosted, not %q\n", termtext.SingleLine(o.link))
		return 2
	}
	if o.webhook != "" && !httpURL(o.webhook) {
		fmt.Fprintf(c.stderr, "plaidwalk run: --webhook %q is not an http or https URL\n  fix: give your app's webhook endpoint, such as https://example.com/plaid/webhook, or leave --webhook out\n", termtext.SingleLine(o.webhook))
		return 2
	}
	return 0
}

// saveRun keeps the walk as a session (see save.go) and returns what could not be saved.
func saveRun(c *cli, res runResult, o runOptions) error {
	rec := sessions.Record{Config: res.Config, Partner: res.Partner, Options: res.Options,
		LinkMode: sessions.LinkModeShortcut, Result: res.Walk, Err: res.Err, Calls: res.Calls,
		Started: res.Started, Finished: res.Started.Add(res.Duration), AfterHandoff: afterHandoffSteps(res)}
	switch o.link {
	case linkBrowser:
		rec.LinkMode = sessions.LinkModeBrowser
	case linkHosted:
		rec.LinkMode = sessions.LinkModeHosted
	}
	if a := res.attempt.attempts; a != nil {
		ids := []sessions.AttemptID{res.attempt.id}
		if res.Code != nil {
			ids = append(ids, res.Code.attempt) // the deposit code's Link follows the walk's
		}
		if res.Repair != nil {
			ids = append(ids, res.Repair.attempt) // the update-mode Link's events follow the walk's
		}
		rec = a.WithAttempts(rec, ids...) // its calls, Link's events and outcome, webhooks
	}
	if res.ownWebhook != "" && rec.Options.Link.Webhook == res.ownWebhook {
		rec.Options.Link.Webhook = ""
	}
	return recordAndSave(c, "run", rec, o.save, o.noSave)
}

// runResult is everything one `run` produced; printing (and saving) read from it.
type runResult struct {
	Config   plaidflow.Config // in memory only: it holds the secret
	Options  plaidflow.WalkOptions
	Partner  plaidflow.Partner
	Env      plaidflow.Env
	EnvLabel string
	BaseURL  string
	Started  time.Time
	Duration time.Duration
	Walk     plaidflow.WalkResult
	Calls    []plaidflow.Call
	Warnings []string
	Err      error
	Link     *browserLink // with --link browser or hosted: how Link ended
	// PartnerView is what the partner read with its token (--partner-view).
	PartnerView *plaidflow.PartnerView
	Repair      *repairResult // --repair: the Item broken and fixed in update mode
	Code        *codeResult   // Same-Day Micro-deposits: the deposit code typed in update mode
	// VerifiedFrom is the account's verification_status before the walk verified it
	// (--auth-flow automated-microdeposits, or the deposit code of same-day-microdeposits); ""
	// when it did not.
	VerifiedFrom string
	// Webhooks are what plaidwalk's own receiver got (offline); ownWebhook is its URL, which
	// holds a per-walk secret and is not saved.
	Webhooks   []sessions.Webhook
	ownWebhook string
	attempt    linkAttempt // the run's one attempt: its calls, Link's events and outcome
}

// exitCode is 0 for a partner token, 130 when ctrl+c, SIGTERM or SIGHUP stopped the walk (one
// code for every interruption, as a shell reports SIGINT) and 1 for any other failure: by then calls were made, so it is never 2, which is
// kept for what is refused before the first call.
func (r runResult) exitCode() int {
	switch {
	case r.Err == nil:
		return 0
	case errors.Is(r.Err, errInterrupted):
		return 130
	}
	return 1
}
