package tui

import (
	"errors"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// A walk quit right after an error ended on that error: esc closes the panel, but the
// session and the summary still carry ITEM_LOCKED until another API call is made.
func TestEscFromAnErrorKeepsItAsTheWalksOutcome(t *testing.T) {
	m, _ := atLink(t, "stripe")
	locked := &plaidflow.PlaidError{Endpoint: "/sandbox/public_token/create", Type: "ITEM_ERROR", Code: "ITEM_LOCKED", Message: "the account is locked", Status: 400}
	calls := []plaidflow.Call{call("/link/token/create"), {Method: "POST", Path: "/sandbox/public_token/create", Status: 400, ErrorCode: "ITEM_LOCKED"}}
	m = send(m, stepFailedMsg{op: m.op, step: stepLink, err: locked, apiSnapshot: apiSnapshot{calls: calls}}, keyMsg("esc"))
	if m.failure != nil {
		t.Fatal("esc left the error panel open")
	}
	res := m.Result()
	var pe *plaidflow.PlaidError
	if n := len(res.Sessions); n != 1 || !errors.As(res.Sessions[0].Record.Err, &pe) || pe.Code != "ITEM_LOCKED" {
		t.Fatalf("after esc the session's error is %v, want ITEM_LOCKED", res.Sessions)
	}
	if res.Failure == nil || res.Failure.Code != "ITEM_LOCKED" || !strings.Contains(res.Summary(false), "ITEM_LOCKED") {
		t.Errorf("the summary lost the error:\n%s", res.Summary(false))
	}
	// A new link_token is a new try: the old error is no longer how the walk ends.
	m = send(m, keyMsg("esc"), keyMsg("enter"))
	m = send(m, linkTokenCreatedMsg{op: m.op, token: fakeToken(), apiSnapshot: apiSnapshot{calls: append(calls, call("/link/token/create"))}})
	if res := m.Result(); res.Failure != nil || res.Sessions[0].Record.Err != nil {
		t.Errorf("after a new call the walk still ends on the old error: %+v", res.Failure)
	}
}
