package tui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
)

// linkEvent is an onEvent callback Link stamped at when.
func linkEvent(name string, when time.Time, md map[string]string) linkserver.Event {
	if md == nil {
		md = map[string]string{}
	}
	md["timestamp"] = when.UTC().Format(time.RFC3339Nano)
	raw, _ := json.Marshal(md)
	return linkserver.Event{Kind: linkserver.KindEvent, Name: name, Metadata: raw, At: time.Now()}
}

// Link exits with INSTITUTION_DOWN, r opens it again and it exits with INVALID_CREDENTIALS,
// r again and it connects: the walk's one session holds the three Links' events, each at
// Link's own time, and the last Link's outcome.
func TestEveryLinkOfTheWalkIsInItsSession(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	logCalls(m, call("/link/token/create"))
	t0 := time.Now().Add(-5 * time.Minute).Truncate(time.Millisecond)
	exits := []string{"INSTITUTION_DOWN", "INVALID_CREDENTIALS"}
	for i, code := range exits {
		at := t0.Add(time.Duration(i) * time.Minute)
		m = send(m, linkEventReceivedMsg{op: m.op, event: linkEvent("OPEN", at, nil)},
			linkEventReceivedMsg{op: m.op, event: linkEvent("ERROR", at.Add(30*time.Second), map[string]string{"error_code": code})})
		out := linkserver.Outcome{Exited: true, ExitError: &linkserver.LinkError{ErrorType: "ITEM_ERROR", ErrorCode: code}}
		m = send(m, linkFinishedMsg{op: m.op, outcome: out})
		if m.failure == nil || !strings.Contains(m.View(), code) {
			t.Fatalf("Link exit %s: no error panel:\n%s", code, m.View())
		}
		m = send(m, keyMsg("r")) // Link opens again, on a page of its own
		m = send(m, linkServerStartedMsg{op: m.op, session: newFakeSession()})
	}
	m = send(m, linkEventReceivedMsg{op: m.op, event: linkEvent("HANDOFF", t0.Add(3*time.Minute), nil)})
	m = send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{PublicToken: "public-sandbox-x", LinkSessionID: "ls-3"}})
	res := m.Result()
	if len(res.Sessions) != 1 {
		t.Fatalf("%d sessions, want the walk's one", len(res.Sessions))
	}
	l := res.Sessions[0].Record.Link
	if l == nil || len(l.Events) != 5 || l.Outcome == nil || l.Outcome.LinkSessionID != "ls-3" {
		t.Fatalf("Link %+v: want the five events of three Links and the last outcome", l)
	}
	for i, want := range []time.Duration{0, 30 * time.Second, time.Minute, 90 * time.Second, 3 * time.Minute} {
		if ev := l.Events[i]; !ev.Time.Equal(t0.Add(want)) {
			t.Errorf("event %d %s at %v, want Link's %v", i, ev.Name, ev.Time, t0.Add(want))
		}
	}
	if l.Events[1].ErrorCode != "INSTITUTION_DOWN" || l.Events[3].ErrorCode != "INVALID_CREDENTIALS" {
		t.Errorf("the failed Links' errors: %+v", l.Events)
	}
}

// The Item read again after a token was made (its accounts re-read) stays the Item of the
// attempts that made it: the next partner's session still starts with its link_token.
func TestTheSameItemReadAgainKeepsItsAttempts(t *testing.T) {
	m := browserWalk(t)
	item := m.walk.item
	m = send(m, keyMsg("esc")) // back to the account picker
	m = send(m, itemExchangedMsg{op: m.op, item: item, accounts: testAccounts()})
	m = send(m, keyMsg("a"))
	m = send(typeText(m, "stripe"), keyMsg("enter"), keyMsg("enter"))
	logCalls(m, call("/processor/stripe/bank_account_token/create"))
	m = send(m, stepFailedMsg{op: m.op, step: stepPartnerToken, err: plaidErr()})
	got := m.Result().Sessions
	if len(got) != 2 {
		t.Fatalf("%d sessions, want dwolla's and stripe's", len(got))
	}
	var paths []string
	for _, c := range got[1].Record.Calls {
		paths = append(paths, c.Path)
	}
	if strings.Join(paths, " ") != "/link/token/create /item/public_token/exchange /accounts/get /processor/stripe/bank_account_token/create" {
		t.Errorf("stripe's session calls: %v", paths)
	}
}
