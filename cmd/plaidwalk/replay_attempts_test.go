package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
	"plaidwalk/tui"
)

// tuiWalk is what a person did in the terminal UI, as API calls on one log: it returns the
// Record the UI fills for the last attempt (Options, LinkMode, Result, Err) without the calls.
type tuiWalk func(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record

// saveLikeTUI runs walk offline against the emulator and saves it through the UI's save hook,
// with every call the log holds, as the UI does; it returns the session file.
func (e *sessEnv) saveLikeTUI(partner string, walk tuiWalk) string {
	e.t.Helper()
	c, cfg, p := e.offline(partner)
	ctx := context.Background()
	log := plaidflow.NewAPILog()
	client := plaidflow.NewClient(cfg, log)
	defer client.Close()
	r := walk(ctx, client, cfg, p)
	r.Partner, r.Calls = p, log.Calls()
	if n := len(r.Calls); n > 0 { // the UI's times are its first and last call's
		r.Started, r.Finished = r.Calls[0].Time, r.Calls[n-1].Time
	}
	file := filepath.Join(e.t.TempDir(), "tui.json")
	if _, err := saveTUIRecord(c, cfg, tui.SessionRecord{Record: r}, file, true); err != nil {
		e.t.Fatal(err)
	}
	return file
}

var alloyInputs = plaidflow.PartnerInputs{"secondary_client_id": "alloy-test-client"}

// lockedThenGood: the first login fails with ITEM_LOCKED; the user goes back, a new link_token
// is made, and the second login gets the partner token.
func lockedThenGood(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	lc := plaidflow.DefaultLinkConfig(cfg, p)
	_, _ = plaidflow.Walk(ctx, client, p, plaidflow.WalkOptions{Link: lc, Password: "error_ITEM_LOCKED"})
	wo := plaidflow.WalkOptions{Link: lc, Password: "pass_good"}
	res, err := plaidflow.Walk(ctx, client, p, wo)
	return sessions.Record{Options: wo, LinkMode: sessions.LinkModeShortcut, Result: res, Err: err}
}

// backFromAccounts: Alloy's walk reaches the accounts, the user goes back to the options and
// walks again to the relay token.
func backFromAccounts(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	wo := plaidflow.WalkOptions{Link: plaidflow.DefaultLinkConfig(cfg, p), Inputs: alloyInputs}
	first, cancel := context.WithCancel(ctx)
	wo.OnStep = func(step string) {
		if step == plaidflow.StepPartnerToken {
			cancel()
		}
	}
	_, _ = plaidflow.Walk(first, client, p, wo)
	wo.OnStep = nil
	res, err := plaidflow.Walk(ctx, client, p, wo)
	return sessions.Record{Options: wo, LinkMode: sessions.LinkModeShortcut, Result: res, Err: err}
}

// quitOnLink: the link_token is made, Link opens in the browser, and the user presses q.
func quitOnLink(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	lc := plaidflow.DefaultLinkConfig(cfg, p)
	lt, err := client.CreateLinkToken(ctx, lc)
	if err != nil {
		panic(err)
	}
	return sessions.Record{Options: plaidflow.WalkOptions{Link: lc}, LinkMode: sessions.LinkModeBrowser,
		Result: plaidflow.WalkResult{LinkToken: lt}, Err: context.Canceled}
}

// escWhilePolling: Alloy's Asset Report is being polled when the user presses Esc.
func escWhilePolling(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	wo := plaidflow.WalkOptions{Link: plaidflow.DefaultLinkConfig(cfg, p), Inputs: alloyInputs}
	polling, cancel := context.WithCancel(ctx)
	defer client.Log().OnCall(func(c plaidflow.Call) {
		if c.Path == "/asset_report/get" {
			cancel()
		}
	})()
	res, err := plaidflow.Walk(polling, client, p, wo)
	return sessions.Record{Options: wo, LinkMode: sessions.LinkModeShortcut, Result: res, Err: err}
}

// escThenAgain: Esc while the Asset Report is polled, then the same account again on the same
// Item, to the relay token.
func escThenAgain(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	r := escWhilePolling(ctx, client, cfg, p)
	res := r.Result
	var err error
	res.Result, err = client.PartnerToken(ctx, p, res.Item.AccessToken, res.Account.ID, alloyInputs, nil)
	return sessions.Record{Options: r.Options, LinkMode: sessions.LinkModeShortcut, Result: res, Err: err}
}

// quitOnAccounts: the Item is made and its accounts listed; the user quits on the picker.
func quitOnAccounts(ctx context.Context, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner) sessions.Record {
	wo := plaidflow.WalkOptions{Link: plaidflow.DefaultLinkConfig(cfg, p)}
	var res plaidflow.WalkResult
	var err error
	if res.LinkToken, err = client.CreateLinkToken(ctx, wo.Link); err == nil {
		pt, _ := client.SandboxPublicToken(ctx, plaidflow.DefaultInstitutionID, wo.Link.Products, "user_good", "pass_good")
		if res.Item, err = client.Exchange(ctx, pt); err == nil {
			res.Accounts, err = client.Accounts(ctx, res.Item.AccessToken)
		}
	}
	if err != nil {
		panic(err)
	}
	return sessions.Record{Options: wo, LinkMode: sessions.LinkModeShortcut, Result: res}
}

func TestTUISessionsWithEarlierAttemptsOrEarlyStopsReplay(t *testing.T) {
	cases := []struct {
		name, partner string
		walk          tuiWalk
		listed        string
		replayOut     []string
		notCalled     []string
	}{
		{"ITEM_LOCKED, then a new link_token and success", "dwolla", lockedThenGood, "success: processor_token",
			[]string{"skipped: POST /sandbox/public_token/create -> 400 ITEM_LOCKED", "skipped: POST /link/token/create -> 200", "\nreproduced: "}, nil},
		{"back from the accounts, then success", "alloy-credit", backFromAccounts, "success: relay_token",
			[]string{"skipped: POST /accounts/get -> 200", "\nreproduced: "}, nil},
		{"q on the Link step", "dwolla", quitOnLink, "stopped at link (quit by the user)",
			[]string{"the replay stops there too (after 1 steps)", "\nreproduced: 1 steps"}, []string{"/sandbox/public_token/create", "/item/public_token/exchange"}},
		{"esc while polled, then the Asset Report again", "alloy-credit", escThenAgain, "success: relay_token",
			[]string{"skipped: POST /asset_report/create -> 200", "\nreproduced: "}, nil},
		{"quit on the account picker", "dwolla", quitOnAccounts, "stopped at accounts",
			[]string{"\nreproduced: "}, []string{"/processor/token/create"}},
		{"esc while the Asset Report is polled", "alloy-credit", escWhilePolling, "stopped at asset report (quit by the user)",
			[]string{"\nreproduced: "}, []string{"/credit/relay/create"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := newSessEnv(t)
			file := e.saveLikeTUI(tc.partner, tc.walk)
			saved, err := sessions.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			if got := saved.Outcome.Summary(); got != tc.listed {
				t.Errorf("outcome %q, want %q", got, tc.listed)
			}
			replayFile := filepath.Join(t.TempDir(), "replay.json")
			code, out, errOut := e.plaidwalk("replay", file, "--save", replayFile)
			if code != 0 {
				t.Fatalf("replay exit %d\n%s\n%s", code, out, errOut)
			}
			for _, want := range tc.replayOut {
				if !strings.Contains(out, want) {
					t.Errorf("replay output lacks %q:\n%s", want, out)
				}
			}
			data, err := os.ReadFile(replayFile)
			if err != nil {
				t.Fatal(err)
			}
			for _, path := range tc.notCalled {
				if bytes.Contains(data, []byte(`"path": "`+path+`"`)) || bytes.Contains(data, []byte(`"path":"`+path+`"`)) {
					t.Errorf("the replay called %s, past where the saved walk stopped", path)
				}
			}
		})
	}
}
