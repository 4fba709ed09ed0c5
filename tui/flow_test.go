package tui

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// These flows drive the whole UI through Bubble Tea against the real offline stack; the
// browser's part is played by posting Link's callbacks to the real Link page server.

// linkWithPublicToken completes the Link step: a public_token made by the emulator for the
// products, posted as onSuccess with Link's metadata.
func linkWithPublicToken(t *testing.T, w offlineWorld, products []string) {
	t.Helper()
	s := w.linkServer(t)
	pt, err := w.tokenGen.SandboxPublicToken(t.Context(), "ins_109508", products, "user_good", "pass_good")
	if err != nil {
		t.Fatalf("making a public_token: %v", err)
	}
	postCallback(t, s, "load", `{}`)
	postCallback(t, s, "event", `{"event_name":"OPEN","metadata":{"view_name":"CONSENT"}}`)
	postCallback(t, s, "event", `{"event_name":"HANDOFF","metadata":{"institution_name":"First Platypus Bank"}}`)
	postCallback(t, s, "success", fmt.Sprintf(`{"public_token":%q,"metadata":{"institution":{"name":"First Platypus Bank","institution_id":"ins_109508"},"accounts":[],"link_session_id":"s1"}}`, pt))
}

func TestFlowProcessorPartnerDwolla(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	walkToLink(t, tm, "dwolla")
	linkWithPublicToken(t, w, []string{"auth"})
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	view, m := finalView(t, tm)
	mustContain(t, view, "processor_token", "processor-sandbox-…", "Plaid Checking 0000", "/processor/token/create")
	if got := w.opened.list(); len(got) != 1 || !strings.HasPrefix(got[0], "http://127.0.0.1:") {
		t.Errorf("browser opened %v, want the local Link page once", got)
	}
	res := m.Result()
	if !res.Completed() || res.Runs[0].Result.Tokens[0].Value == "" {
		t.Fatalf("result %+v", res)
	}
	// The session keeps Link's callbacks as the real page server reported them.
	if len(res.Sessions) != 1 || !linkEventsNamed(res.Sessions[0], "OPEN", "HANDOFF") ||
		res.Sessions[0].Record.Link.Outcome == nil || res.Sessions[0].Record.Link.Outcome.LinkSessionID != "s1" {
		t.Errorf("sessions %+v", res.Sessions)
	}
	requireGolden(t, view)
}

func TestFlowStripeAndAnotherPartnerOnTheSameItem(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	walkToLink(t, tm, "stripe")
	linkWithPublicToken(t, w, []string{"auth"})
	waitFor(t, tm, "Choose the account for Stripe")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results", "stripe_bank_account_token")
	press(tm, "a")
	waitFor(t, tm, "Link is skipped")
	tm.Type("dwolla")
	waitFor(t, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results", "Done: Dwolla")
	view, m := finalView(t, tm)
	mustContain(t, view, "processor_token", "stripe_bank_account_token", "btok_…")
	if runs := m.Result().Runs; len(runs) != 2 || runs[0].Result.Tokens[0].Value == runs[1].Result.Tokens[0].Value {
		t.Fatalf("runs %+v", runs)
	}
	if got := w.opened.list(); len(got) != 1 {
		t.Errorf("Link ran %d times; the second partner must skip it", len(got))
	}
	requireGolden(t, view)
}

func TestFlowAlloyCreditWaitsForTheAssetReport(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{AssetReportDelay: 300 * time.Millisecond})
	tm := w.start(t)
	walkToLink(t, tm, "alloy-credit", "Secondary client ID (Alloy)")
	linkWithPublicToken(t, w, []string{"assets"})
	waitFor(t, tm, "Asset Report covers the whole Item")
	press(tm, "enter")
	waitFor(t, tm, "Step 6/7 · Partner token", "attempt 1")
	waitFor(t, tm, "Step 7/7 · Results", "relay_token")
	view, m := finalView(t, tm)
	mustContain(t, view, "asset_report_token", "relay_token", "/credit/relay/create")
	run := m.Result().Runs[0]
	if run.Result.AssetReportID == "" || len(run.Result.Tokens) != 2 {
		t.Fatalf("alloy result %+v", run.Result)
	}
	requireGolden(t, view)
}

func TestFlowLinkExitWithErrorThenRetry(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	walkToLink(t, tm, "dwolla")
	s := w.linkServer(t)
	postCallback(t, s, "exit", `{"error":{"error_type":"ITEM_ERROR","error_code":"INVALID_CREDENTIALS","error_message":"the provided credentials were not correct","display_message":"The credentials you provided were incorrect."},"metadata":{"status":"requires_credentials","link_session_id":"s2","request_id":"reqExit00000001"}}`)
	waitFor(t, tm, "Link exited with an error", "INVALID_CREDENTIALS")
	press(tm, "r")
	waitFor(t, tm, "Waiting for Link")
	linkWithPublicToken(t, w, []string{"auth"})
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "esc")
	waitFor(t, tm, "Press Enter to open Link")
	press(tm, "enter")
	waitFor(t, tm, "Step 4/7 · Plaid Link")
	s = w.linkServer(t)
	postCallback(t, s, "exit", `{"error":{"error_type":"ITEM_ERROR","error_code":"INVALID_CREDENTIALS","error_message":"the provided credentials were not correct","display_message":"The credentials you provided were incorrect."},"metadata":{"status":"requires_credentials","link_session_id":"s3","request_id":"reqExit00000002"}}`)
	waitFor(t, tm, "Link exited with an error")
	view, _ := finalView(t, tm)
	mustContain(t, view, "ITEM_ERROR", "INVALID_CREDENTIALS", "mfa_device", "pass_good", "r retry")
	requireGolden(t, view)
}

func TestFlowSandboxShortcutMode(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	waitFor(t, tm, "Step 1/7")
	tm.Type("dwolla")
	waitFor(t, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 2/7 · Link options")
	press(tm, "tab", "tab", "tab", "tab", "tab", "tab", "right", "right")
	waitFor(t, tm, "[sandbox shortcut]")
	press(tm, "enter")
	waitFor(t, tm, "link_token created")
	press(tm, "enter")
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	_, m := finalView(t, tm)
	if !m.Result().Completed() || len(w.opened.list()) != 0 {
		t.Fatalf("shortcut: completed %v, browser opened %v", m.Result().Completed(), w.opened.list())
	}
}

func linkEventsNamed(s SessionRecord, names ...string) bool {
	if s.Record.Link == nil {
		return len(names) == 0
	}
	var got []string
	for _, ev := range s.Record.Link.Events {
		if ev.Name != "" {
			got = append(got, ev.Name)
		}
	}
	return strings.Join(got, " ") == strings.Join(names, " ")
}
