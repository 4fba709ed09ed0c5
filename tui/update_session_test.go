package tui

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// savingModel is a pure model whose SaveSession records what it was handed.
func savingModel(m Model, got *[]Result, err error) Model {
	m.deps.SaveSession = func(r Result) ([]string, error) {
		*got = append(*got, r)
		if err != nil {
			return nil, err
		}
		return []string{"/state/plaidwalk/sessions/one.json", "/tmp/walk.json"}, nil
	}
	return m
}

func call(path string) plaidflow.Call {
	return plaidflow.Call{Method: "POST", Path: path, Status: 200, RequestID: "req" + strings.Trim(path, "/")}
}

// browserWalk walks Dwolla with Link in the browser (two events, then onSuccess) to results,
// the API log growing as the real one would.
func browserWalk(t *testing.T) Model {
	t.Helper()
	m, _ := atLink(t, "dwolla")
	for _, name := range []string{"OPEN", "HANDOFF"} {
		m = send(m, linkEventReceivedMsg{op: m.op, event: linkserver.Event{Kind: linkserver.KindEvent, Name: name}})
	}
	out := linkserver.Outcome{PublicToken: "public-sandbox-x", LinkSessionID: "ls-1", Institution: &linkserver.Institution{InstitutionID: "ins_109508", Name: "First Platypus Bank"}}
	m = send(m, linkFinishedMsg{op: m.op, outcome: out})
	calls := []plaidflow.Call{call("/link/token/create"), call("/item/public_token/exchange"), call("/accounts/get")}
	item := plaidflow.Item{AccessToken: "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", ItemID: "item123"}
	m = send(m, itemExchangedMsg{op: m.op, item: item, accounts: testAccounts(), apiSnapshot: apiSnapshot{calls: calls}})
	m = send(m, keyMsg("enter"))
	res := plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-1"}}}
	calls = append(calls, call("/processor/token/create"))
	return send(m, partnerTokenCreatedMsg{op: m.op, result: res, apiSnapshot: apiSnapshot{calls: calls}})
}

func TestResultCarriesTheSessionOfABrowserWalk(t *testing.T) {
	m := browserWalk(t)
	if m.step != stepResults {
		t.Fatalf("step %v, want results", m.step)
	}
	res := m.Result()
	if len(res.Sessions) != 1 || !res.LinkTokenCreated || res.Saved {
		t.Fatalf("sessions %d, link_token %v, saved %v; want one unsaved session", len(res.Sessions), res.LinkTokenCreated, res.Saved)
	}
	s := res.Sessions[0]
	r := s.Record
	if r.Partner.ID != "dwolla" || r.LinkMode != sessions.LinkModeBrowser || len(r.Calls) != 4 || r.Err != nil ||
		r.Result.Account.ID != "acc-checking" || r.Result.Item.ItemID != "item123" || len(r.Result.Result.Tokens) != 1 ||
		r.Options.Link.ClientName == "" {
		t.Errorf("record %+v", r)
	}
	if l := r.Link; l == nil || len(l.Events) != 2 || l.Events[1].Name != "HANDOFF" || l.Outcome == nil || l.Outcome.LinkSessionID != "ls-1" {
		t.Errorf("Link %+v", l)
	}
}

// A second partner on the same Item is a session of its own: Link's calls, then only its token.
func TestAnotherPartnerIsASessionOfItsOwn(t *testing.T) {
	m := send(browserWalk(t), keyMsg("a"))
	m = send(typeText(m, "stripe"), keyMsg("enter"), keyMsg("enter"))
	if m.step != stepPartnerToken {
		t.Fatalf("step %v, want partner_token", m.step)
	}
	calls := append(append([]plaidflow.Call(nil), m.calls...), call("/processor/stripe/bank_account_token/create"))
	failed := send(m, stepFailedMsg{op: m.op, step: stepPartnerToken, err: plaidErr(), apiSnapshot: apiSnapshot{calls: calls}})
	got := failed.Result().Sessions
	if len(got) != 2 {
		t.Fatalf("%d sessions, want dwolla's and stripe's", len(got))
	}
	var paths []string
	for _, c := range got[1].Record.Calls {
		paths = append(paths, c.Path)
	}
	if got[1].Record.Partner.ID != "stripe" || got[1].Record.Err == nil ||
		strings.Join(paths, " ") != "/link/token/create /item/public_token/exchange /accounts/get /processor/stripe/bank_account_token/create" {
		t.Errorf("stripe's session: partner %s, err %v, calls %v", got[1].Record.Partner.ID, got[1].Record.Err, paths)
	}
}

func TestLinkEventsKeptAreBounded(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	for i := range sessions.MaxLinkEvents + 20 {
		m = send(m, linkEventReceivedMsg{op: m.op, event: linkserver.Event{Kind: linkserver.KindEvent, Name: fmt.Sprint("E", i)}})
	}
	kept := m.walk.session.attempts.Get(m.link.attempt)[0].Link
	ev := kept.Events
	if len(ev) != sessions.MaxLinkEvents || ev[0].Name != "E0" || ev[len(ev)-1].Name != fmt.Sprint("E", sessions.MaxLinkEvents-1) {
		t.Errorf("%d events kept, %q to %q; want the first %d", len(ev), ev[0].Name, ev[len(ev)-1].Name, sessions.MaxLinkEvents)
	}
	if d := kept.DroppedEvents; d != 20 {
		t.Errorf("%d events counted as dropped, want 20", d)
	}
}

func TestCtrlSSavesAndShowsWhere(t *testing.T) {
	var got []Result
	m := savingModel(browserWalk(t), &got, nil)
	mustContain(t, m.View(), "ctrl+s save")
	m, cmd := sendCmd(m, keyMsg("ctrl+s"))
	if cmd == nil {
		t.Fatal("ctrl+s on the results gave no command")
	}
	msg, ok := cmd().(sessionSavedMsg)
	if !ok || len(got) != 1 || len(got[0].Sessions) != 1 {
		t.Fatalf("ctrl+s: message %T, saved %d results", msg, len(got))
	}
	m = send(m, msg)
	mustContain(t, m.View(), "Session saved: /state/plaidwalk/sessions/one.json · /tmp/walk.json")
	if r := m.Result(); !r.Saved || len(r.SavedPaths) != 2 {
		t.Errorf("after the save: saved %v, paths %v", r.Saved, r.SavedPaths)
	}
	if m = send(m, keyMsg("a"), keyMsg("esc")); !m.Result().Saved {
		t.Errorf("moving around without new calls made the walk unsaved")
	}
}

func TestCtrlSFailureAndNothingToSave(t *testing.T) {
	var got []Result
	m := savingModel(browserWalk(t), &got, errors.New("mkdir /state: permission denied"))
	m, cmd := sendCmd(m, keyMsg("ctrl+s"))
	m = send(m, cmd())
	mustContain(t, m.View(), "Could not save the session: mkdir /state: permission denied")
	if m.Result().Saved {
		t.Errorf("a failed save counts as saved")
	}

	fresh := savingModel(pureModel(t, plaidflow.EnvOffline), &got, nil)
	fresh, cmd = sendCmd(fresh, keyMsg("ctrl+s"))
	if cmd != nil || len(got) != 1 {
		t.Fatalf("ctrl+s before any call ran a save")
	}
	mustContain(t, fresh.View(), "Nothing to save yet")
	if strings.Contains(fresh.View(), "ctrl+s") {
		t.Errorf("the help bar offers ctrl+s with nothing to save")
	}
	if !strings.Contains(KeysHelp, "ctrl+s save the session") {
		t.Errorf("KeysHelp does not list ctrl+s")
	}
}

// Link run again from the results (esc esc, enter, s) makes a new Item: the first Item's
// token must not be listed under the new item_id, in the UI or in the summary, and its
// session is still saved.
func TestNewItemDropsTheOldItemsTokens(t *testing.T) {
	m := send(browserWalk(t), keyMsg("esc"), keyMsg("esc"), keyMsg("enter"))
	if m.step != stepLink {
		t.Fatalf("esc esc enter from results: step %v, want link", m.step)
	}
	m = send(m, keyMsg("s"))
	if !m.link.shortcutRunning {
		t.Fatalf("s on the Link step did not start the shortcut")
	}
	m = send(m, publicTokenCreatedMsg{op: m.op, publicToken: "public-sandbox-second"})
	calls := append(append([]plaidflow.Call(nil), m.calls...), call("/sandbox/public_token/create"),
		call("/item/public_token/exchange"), call("/accounts/get"))
	item := plaidflow.Item{AccessToken: "access-sandbox-22222222-bbbb-cccc-dddd-ffffffffffff", ItemID: "item-second"}
	m = send(m, itemExchangedMsg{op: m.op, item: item, accounts: testAccounts(), apiSnapshot: apiSnapshot{calls: calls}})
	if len(m.walk.runs) != 0 || m.walk.reuseItem {
		t.Fatalf("after a new Item: %d runs kept, reuseItem %v", len(m.walk.runs), m.walk.reuseItem)
	}
	m = send(m, keyMsg("enter"))
	res := plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-2"}}}
	calls = append(calls, call("/processor/token/create"))
	m = send(m, partnerTokenCreatedMsg{op: m.op, result: res, apiSnapshot: apiSnapshot{calls: calls}})
	m = send(m, keyMsg("v"))
	if v := m.View(); strings.Contains(v, "processor-sandbox-1") || !strings.Contains(v, "processor-sandbox-2") {
		t.Errorf("results of the new Item:\n%s", v)
	}
	r := m.Result()
	// The old token is listed only under its own, earlier Item, never under the new item_id.
	if sum := r.Summary(true); strings.Count(sum, "processor-sandbox-1") != 1 || !strings.Contains(sum, "earlier Item item123\naccess_token   access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\nprocessor_token            processor-sandbox-1") || !strings.Contains(sum, "item-second") {
		t.Errorf("summary lists the old Item's token other than under its Item:\n%s", sum)
	}
	if len(r.Sessions) != 2 || r.Sessions[0].Record.Result.Item.ItemID != "item123" || r.Sessions[1].Record.Result.Item.ItemID != "item-second" {
		t.Fatalf("sessions: %d, want the first Item's and the second's", len(r.Sessions))
	}
	var paths []string
	for _, c := range r.Sessions[1].Record.Calls {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths, " "); got != "/link/token/create /sandbox/public_token/create /item/public_token/exchange /accounts/get /processor/token/create" {
		t.Errorf("second Item's session calls: %s", got)
	}
}
