package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"sync/atomic"
	"time"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

type replayOptions struct {
	env, baseURL, save string
	yes, keepWebhook   bool
}

func replayFlags(o *replayOptions) *flag.FlagSet {
	fs := flag.NewFlagSet("replay", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&o.env, "env", "", "offline, sandbox or production (default: PLAID_ENV, or offline without keys)")
	fs.StringVar(&o.baseURL, "base-url", "", "Plaid-compatible API host (default: PLAID_BASE_URL)")
	fs.StringVar(&o.save, "save", "", "also save the replayed walk to this file")
	fs.BoolVar(&o.yes, "yes", false, "allow a replay against production (real calls on real keys)")
	fs.BoolVar(&o.keepWebhook, "keep-webhook", false, "send the saved walk's webhook URL with /link/token/create again (it is dropped by default: Plaid would post this Item's webhooks there)")
	return fs
}

func printReplayUsage(w io.Writer) {
	var o replayOptions
	fmt.Fprint(w, `Usage: plaidwalk replay ID|FILE [flags]

Runs a saved walk again with the same inputs (partner, Link configuration, institution, test
user, account, partner inputs) against the current environment: the offline emulator unless
Plaid keys are set, the sandbox with keys, production only with --yes (and only a walk that
stopped at its link_token: production has no sandbox shortcut to log in). Then it compares the
two step by step (endpoints, HTTP statuses, error codes, outcome) and prints "reproduced" or
the first difference. A walk that used Plaid Link in a browser is replayed through the
sandbox shortcut with the same institution, user and account.
A session whose user went back or tried again holds several attempts; its inputs and outcome
are the last attempt's (from the last /link/token/create, and within it from the last
public_token made), so the replay compares against that one and lists the calls it skipped.
A walk that stopped before its partner token is replayed only as far as it went.
A webhook URL saved with the walk is not sent again unless --keep-webhook: the replay uses your
keys, and Plaid would post the new Item's webhooks to that address, which may not be yours.
Exit codes: 0 reproduced, 1 not reproduced, 2 usage, configuration or unreadable session.

Flags:
`)
	printFlags(w, replayFlags(&o))
	fmt.Fprint(w, "\nExample:\n  plaidwalk replay latest\n  plaidwalk replay ticket-4711.json\n")
}

// cmdReplay re-runs a saved walk and compares it with the original.
func cmdReplay(ctx context.Context, c *cli, args []string) int {
	var o replayOptions
	fs := replayFlags(&o)
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			printReplayUsage(c.stdout)
			return 0
		}
		return replayUsageError(c, err.Error())
	}
	if len(pos) != 1 {
		return replayUsageError(c, "give one session id or file, e.g. 'plaidwalk replay latest'")
	}
	if code := checkSaveTarget(c, o.save); code != 0 {
		return code
	}
	ref := pos[0]
	store, err := sessions.OpenStore(c.getenv)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk replay: %v\n", err)
		return 2
	}
	saved, ok := loadSession(c, store, ref)
	if !ok {
		return 2
	}
	return replaySession(ctx, c, saved, o)
}

func replayUsageError(c *cli, msg string) int {
	fmt.Fprintf(c.stderr, "plaidwalk replay: %s\nRun 'plaidwalk replay --help' for the flags.\n", msg)
	return 2
}

func replaySession(ctx context.Context, c *cli, saved sessions.Session, o replayOptions) int {
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
		return 1
	}
	p, found := catalog.Find(saved.Inputs.Partner)
	if !found || !p.Runnable() {
		fmt.Fprintf(c.stderr, "plaidwalk replay: the session's partner %q is not in this plaidwalk's catalog (or cannot be walked); a newer plaidwalk may know it\n", saved.Inputs.Partner)
		return 2
	}
	cfg, stop, err := setupEnv(ctx, c, plaidflow.Overrides{Env: o.env, BaseURL: o.baseURL})
	defer stop()
	if err != nil {
		return min(exitForSetupError(c, err), 2)
	}
	if cfg.Env == plaidflow.EnvProduction && !o.yes {
		fmt.Fprintln(c.stderr, "plaidwalk replay: this would replay against production, with real calls on your keys.\n"+
			"  fix: pass --yes to do it anyway, or replay in the sandbox (PLAID_ENV=sandbox) or offline (--env offline).")
		return 2
	}
	if cfg.Env == plaidflow.EnvProduction && passesLink(saved) {
		fmt.Fprintln(c.stderr, "plaidwalk replay: this walk went past Link, and a replay logs in through the sandbox shortcut,\n"+
			"  which production does not have; only a walk that stopped at its link_token replays there.\n"+
			"  fix: replay it in the sandbox (PLAID_ENV=sandbox) or offline (--env offline).")
		return 2
	}
	wo, notes := replayWalkOptions(cfg, p, saved)
	notes = append(notes, webhookNote(&wo, o.keepWebhook)...)
	fmt.Fprintf(c.stdout, "Replaying %s (%s, recorded %s) against %s\n", sessions.Clean(saved.ID),
		sessions.Clean(saved.Inputs.Partner), sessions.Clean(saved.Inputs.Env), plaidflow.EnvLabel(cfg))
	for _, n := range notes {
		fmt.Fprintf(c.stdout, "  note: %s\n", sessions.Clean(n))
	}
	stopAfter, stopsEarly := sessions.ReplayStopsEarly(saved)
	if stopsEarly {
		fmt.Fprintf(c.stdout, "  note: the saved walk %s; the replay stops there too (after %d steps)\n",
			sessions.Clean(saved.Outcome.Summary()), stopAfter)
	}
	if note := afterHandoffNote(saved.Inputs); note != "" && !stopsEarly {
		fmt.Fprintf(c.stdout, "  note: %s\n", sessions.Clean(note))
	}
	replayed := walkForReplay(ctx, c, cfg, p, wo, stopAfter, saved)
	cmp := sessions.Compare(saved, replayed)
	sessions.WriteComparison(c.stdout, saved, cmp)
	if o.save != "" {
		if paths, err := saveSession(c, cfg, replayed, o.save, true); err != nil {
			fmt.Fprintf(c.stderr, "plaidwalk replay: %v\n", err)
		} else {
			fmt.Fprintf(c.stderr, "replay saved: %s\n", paths[0])
		}
	}
	if !cmp.Reproduced {
		return 1
	}
	return 0
}

// walkForReplay runs the walk with a fresh API log and records it as a session. With
// stopAfter > 0 it makes no call past that many compared steps (dropShortcut as in
// sessions.Steps): a saved walk that stopped early is replayed only as far as it went. A
// pending account's verification is moved along where the saved walk moved it, if it did.
func walkForReplay(ctx context.Context, c *cli, cfg plaidflow.Config, p plaidflow.Partner, wo plaidflow.WalkOptions, stopAfter int, saved sessions.Session) sessions.Session {
	in := saved.Inputs
	attempt, _ := sessions.LastAttempt(saved.Calls)
	verifyAt := sessions.WhereVerified(attempt)
	dropShortcut := in.LinkMode != sessions.LinkModeShortcut
	log := plaidflow.NewAPILog()
	client := c.deps.newClient(cfg, log)
	defer client.Close()
	ctx, stop := context.WithCancel(ctx)
	defer stop()
	hooks, hooksErr := startWalkWebhooks(ctx, cfg, wo.Link.Webhook) // offline: its own receiver, as run has
	defer hooks.close()
	hooks.apply(client, &wo.Link)
	var kept atomic.Int64 // calls made up to the stop; -1 while the walk goes on
	kept.Store(-1)
	if stopAfter > 0 {
		defer log.OnCall(func(plaidflow.Call) {
			calls := log.Calls()
			if len(sessions.Steps(sessionCalls(calls), dropShortcut)) >= stopAfter && kept.CompareAndSwap(-1, int64(len(calls))) {
				stop() // called before the call returns to the walk, so the next call is never sent
			}
		})()
	}
	started := time.Now()
	var verifiedFrom string
	if verifyAt == sessions.VerifiedBeforeToken { // as the UI's verification step did
		wo.BeforePartnerToken = func(ctx context.Context, res *plaidflow.WalkResult) (err error) {
			verifiedFrom, err = verifyPending(ctx, client, res)
			return err
		}
	}
	res, err := replayWalk(ctx, c, client, cfg, p, &wo, saved)
	if err == nil && kept.Load() < 0 && verifyAt == sessions.VerifiedAfterToken {
		verifiedFrom, err = verifyPending(ctx, client, &res) // as run did, after the partner's token
	}
	if err == nil && stopAfter == 0 {
		err = replayAfterHandoff(ctx, c, client, cfg, p, wo, res, in)
	}
	calls := log.Calls()
	if n := kept.Load(); n >= 0 {
		calls = calls[:n]
	}
	rec := sessions.Record{
		Config: cfg, Partner: p, Options: wo, LinkMode: sessions.LinkModeShortcut,
		Result: res, Err: errors.Join(hooksErr, err), Calls: calls, Started: started, Finished: time.Now(),
		AfterHandoff: in.AfterHandoff, Webhooks: hooks.received(res.Result.AssetReportID, cfg.Secret, verifiedFrom != ""),
	}
	if hooks.own(rec.Options.Link.Webhook) {
		rec.Options.Link.Webhook = "" // its secret dies with the walk
	}
	s := buildSession("replay", rec)
	if kept.Load() >= 0 && s.Outcome.Result == sessions.ResultStopped {
		s.Outcome.Reason = "stopped where the saved walk stopped"
	}
	return s
}

func sessionCalls(calls []plaidflow.Call) []sessions.Call {
	out := make([]sessions.Call, len(calls))
	for i, c := range calls {
		out[i] = sessions.FromFlowCall(c)
	}
	return out
}

// webhookNote drops the saved walk's webhook URL unless keep, and says either way, before the
// walk, that it was in the file: a session from someone else's machine or ticket would
// otherwise have Plaid post webhooks for an Item made with your keys to their address.
func webhookNote(wo *plaidflow.WalkOptions, keep bool) []string {
	url := wo.Link.Webhook
	switch {
	case url == "":
		return nil
	case keep:
		return []string{"the saved walk's webhook URL " + url + " is sent with /link/token/create (--keep-webhook): Plaid will post this Item's webhooks there"}
	}
	wo.Link.Webhook = ""
	return []string{"the saved walk had the webhook URL " + url + "; it is not sent, so no webhook goes there (--keep-webhook sends it)"}
}

// passesLink: the saved walk's last attempt called more than the link_token endpoints, so
// its replay needs a public_token, which a replay gets from the sandbox shortcut.
func passesLink(s sessions.Session) bool {
	attempt, _ := sessions.LastAttempt(s.Calls)
	for _, c := range attempt {
		if c.Path != "/link/token/create" && c.Path != "/link/token/get" {
			return true
		}
	}
	return false
}
