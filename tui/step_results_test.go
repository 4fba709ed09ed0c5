package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// The results step draws itself from its state and the walk: the Done line, the tokens
// masked until v, the Item, the calls with the chosen one's curl.
func TestResultsStepView(t *testing.T) {
	m := atResultsWith(t, []plaidflow.Call{call("/item/public_token/exchange"), call("/processor/token/create")})
	env := m.env()
	v := m.results.view(env)
	for _, want := range []string{"Done: Dwolla's token for Plaid Checking 0000.", "processor-sandbox-…4321", "item123",
		"POST /item/public_token/exchange 200", "curl (keys as $PLAID_CLIENT_ID"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	chosen := false
	for _, l := range strings.Split(v, "\n") {
		chosen = chosen || strings.HasPrefix(l, "> ") && strings.Contains(l, "POST /processor/token/create 200")
	}
	if !chosen {
		t.Errorf("the newest call is not the chosen one:\n%s", v)
	}
	r := m.results
	r.revealed = true
	if v := r.view(env); !strings.Contains(v, "processor-sandbox-99999999-8888-7777-6666-555555554321") {
		t.Errorf("revealed view lacks the whole token:\n%s", v)
	}
	if r.busy() {
		t.Error("the results are never busy")
	}
	keys := ""
	for _, b := range r.help(env) {
		keys += b.Help().Key + " "
	}
	if !strings.HasPrefix(keys, "v c esc") || !strings.Contains(keys, "a ") {
		t.Errorf("help keys %q", keys)
	}
}

// Its keys: v, ↑/↓ and ←/→ move its own state; c and y copy; a finishes the step.
func TestResultsStepUpdate(t *testing.T) {
	m := atResultsWith(t, []plaidflow.Call{call("/item/public_token/exchange"), call("/processor/token/create")})
	env := m.env()
	env.deps.Clipboard = &bytes.Buffer{}
	r := m.results
	press := func(r resultsModel, k string) (resultsModel, tea.Cmd, tea.Msg) { return r.update(keyMsg(k), env) }
	if got, _, _ := press(r, "v"); !got.revealed {
		t.Error("v did not reveal the tokens")
	}
	if got, _, _ := press(r, "down"); got.sel != r.sel+1 {
		t.Errorf("down: row %d, want %d", got.sel, r.sel+1)
	}
	if got, _, _ := press(r, "left"); got.call != 1 || !got.follow {
		t.Errorf("left: call %d follow %v, want the older call followed", got.call, got.follow)
	}
	for _, k := range []string{"c", "y"} {
		if _, cmd, out := press(r, k); cmd == nil || out != nil {
			t.Errorf("%s: command %v message %#v, want a copy", k, cmd != nil, out)
		}
	}
	if _, _, out := press(r, "a"); out != (anotherPartnerRequestedMsg{}) {
		t.Errorf("a: %#v, want another partner requested", out)
	}
	if got, cmd, out := r.update(linkClockMsg{}, env); got != r || cmd != nil || out != nil {
		t.Errorf("a message that is not a key changed the step")
	}
}
