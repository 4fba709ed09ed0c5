package tui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// everyProduct links user_good with each product the Try the Item screen has calls for.
var everyProduct = []string{"auth", "identity", "transactions", "investments", "liabilities", "statements", "signal", "assets"}

// tryFromList highlights path on the Try the Item list (from its top) and makes the call.
func tryFromList(t *testing.T, tm *teatest.TestModel, offered []plaidflow.TryCall, path string) {
	t.Helper()
	i := slices.IndexFunc(offered, func(tc plaidflow.TryCall) bool { return tc.Path == path })
	if i < 0 {
		t.Fatalf("%s is not offered", path)
	}
	for range len(offered) {
		press(tm, "up")
	}
	for range i {
		press(tm, "down")
	}
	press(tm, "enter")
	waitFor(t, tm, "Tried "+path)
	press(tm, "esc") // back to the list, which stays
	waitFor(t, tm, "Calls the Item's products")
}

// TestFlowTryItem: after Boom's walk on an Item linked with every product, t on the results
// lists the Item's calls; Enter makes one of each product family against the emulator over
// loopback and shows it; /transactions/get before the history is there shows Plaid's
// PRODUCT_NOT_READY with its cause and fix. The access_token is never on screen whole, and
// the session notes each call after the hand-off, with the calls.
func TestFlowTryItem(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{TransactionsReadyDelay: time.Hour, AssetReportDelay: 50 * time.Millisecond})
	tm := w.start(t)
	walkToLink(t, tm, "boom")
	linkWithPublicToken(t, w, everyProduct)
	waitFor(t, tm, "Choose the account for Boom")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "t")
	// The heading is checked on the final view: a renderer that finds a line unchanged since
	// the frame before does not write it again, so the stream need not carry it here.
	waitFor(t, tm, "/accounts/balance/get", "Calls the Item's products")
	all := []plaidflow.Account{{Type: "depository"}, {Type: "investment"}, {Type: "credit"}}
	offered := plaidflow.TryCalls(everyProduct, all)
	tried := []string{"/accounts/balance/get", "/auth/get", "/identity/get", "/transactions/sync", "/investments/holdings/get",
		"/liabilities/get", "/statements/list", "/signal/evaluate", "/asset_report/create", "/item/get", "/institutions/get_by_id"}
	for _, path := range tried {
		tryFromList(t, tm, offered, path)
	}
	i := slices.IndexFunc(offered, func(tc plaidflow.TryCall) bool { return tc.Path == "/transactions/get" })
	for range len(offered) {
		press(tm, "up")
	}
	for range i {
		press(tm, "down")
	}
	press(tm, "enter")
	waitFor(t, tm, "Tried /transactions/get", "PRODUCT_NOT_READY", "INITIAL_UPDATE")
	view, m := finalView(t, tm)
	if m.step != stepTryItem || m.try.err == nil {
		t.Fatalf("step %v err %v: want the failed call shown on the screen", m.step, m.try.err)
	}
	status := map[string]int{}
	for _, c := range w.deps.Log.Calls() {
		status[c.Path] = c.Status
	}
	for _, path := range tried {
		if path == "/asset_report/create" {
			path = "/asset_report/get" // its last poll found the report
		}
		if status[path] != 200 {
			t.Errorf("%s answered %d, want 200", path, status[path])
		}
	}
	if !strings.Contains(view, "After the hand-off · Try the Item") {
		t.Errorf("the final view lacks the screen's heading:\n%s", view)
	}
	if token := m.walk.item.AccessToken; token == "" || strings.Contains(view, token) {
		t.Errorf("the access_token must never be on screen whole")
	}
	rec := m.Result().Sessions[0].Record
	if !slices.Contains(rec.AfterHandoff, sessions.AfterTry("/signal/evaluate")) || len(rec.AfterHandoff) != len(tried)+1 {
		t.Errorf("after_handoff %v: want a step per call made", rec.AfterHandoff)
	}
	if last := rec.Calls[len(rec.Calls)-1]; last.Path != "/transactions/get" || last.ErrorCode != "PRODUCT_NOT_READY" {
		t.Errorf("the session's last call %s %s, want the failed /transactions/get", last.Path, last.ErrorCode)
	}
}

// TestTryItemKeys: t on the results opens the list; esc on an outcome goes back to the list,
// esc on the list to the results; the help names the screen's keys.
func TestTryItemKeys(t *testing.T) {
	m := atTryItem(t, plaidflow.EnvOffline)
	if m.step != stepTryItem || !strings.Contains(m.View(), "/auth/get") || strings.Contains(m.View(), "/transactions/sync") {
		t.Fatalf("step %v, view:\n%s", m.step, m.View())
	}
	m.try.tried = "/auth/get"
	m.try.calls = []plaidflow.Call{{Method: "POST", Path: "/auth/get", Status: 200, RequestBody: `{"access_token":"access-sandbox-…0000"}`, ResponseBody: `{"request_id":"r"}`}}
	mustContain(t, m.View(), "Tried /auth/get", "Request:", "Response:", "curl")
	var keys []string
	for _, b := range m.try.help(m.env()) {
		keys = append(keys, b.Help().Key)
	}
	if got := strings.Join(keys, " "); got != "↑/↓ pgdn pgup g y r esc" {
		t.Errorf("outcome help %q", got)
	}
	if m = send(m, keyMsg("esc")); m.step != stepTryItem || m.try.tried != "" {
		t.Fatalf("esc on an outcome: step %v tried %q, want the list", m.step, m.try.tried)
	}
	if m = send(m, keyMsg("esc")); m.step != stepResults {
		t.Errorf("esc on the list: step %v, want the results", m.step)
	}
}

// TestTryItemProductionWarns: in production the list says the calls are real and some billed.
func TestTryItemProductionWarns(t *testing.T) {
	m := atTryItem(t, plaidflow.EnvProduction)
	mustContain(t, m.View(), "Production: these calls read the real account")
}

// atTryItem is a model whose results hold an auth Item with a checking account, after t.
func atTryItem(t *testing.T, env plaidflow.Env) Model {
	m := pureModel(t, env)
	m.walk.item = plaidflow.Item{AccessToken: "access-sandbox-0000", ItemID: "item"}
	m.walk.accounts = plaidflow.ItemAccounts{Products: []string{"auth"}, Accounts: []plaidflow.Account{{ID: "a1", Type: "depository"}}}
	m.step = stepResults
	return send(m, keyMsg("t"))
}
