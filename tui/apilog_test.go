package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// A sub-millisecond call reads 850µs, as run writes it, not 0s.
func TestAPILogLatencyLikeRun(t *testing.T) {
	for d, want := range map[time.Duration]string{850 * time.Microsecond: " 850µs", 4200 * time.Microsecond: " 4.2ms"} {
		line := callLine(plaidflow.Call{Method: "POST", Path: "/item/get", Status: 200, Latency: d})
		if !strings.Contains(line, want) {
			t.Errorf("latency %v: %q lacks %q", d, line, want)
		}
	}
}

// The open API log says what it is and how to close and scroll it, in the pane and in the
// help bar; in a text field the close key is ctrl+l.
func TestAPILogPaneHasHeaderAndKeys(t *testing.T) {
	m := send(atResults(t), keyMsg("l"))
	v := m.View()
	mustContain(t, v, "API log · l close · d whole bodies · pgup/pgdn scroll")
	if last := lastLine(v); !strings.HasPrefix(last, "l close log") {
		t.Errorf("help bar while the log is open: %q", last)
	}
	if n := strings.Count(v, "\n") + 1; n != 24 {
		t.Errorf("view is %d lines with the log open, want 24", n)
	}
	o := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("ctrl+l"))
	mustContain(t, o.View(), "API log · ctrl+l close")
}

// Hosted Link polls /link/token/get every two seconds: the pane keeps the first and last poll
// whole (the last carries the result) and folds the ones between.
func TestAPILogFoldsPolling(t *testing.T) {
	calls := []plaidflow.Call{{Method: "POST", Path: "/link/token/create", Status: 200}}
	for i := 0; i < 20; i++ {
		calls = append(calls, plaidflow.Call{Method: "POST", Path: "/link/token/get", Status: 200, ResponseBody: `{"poll":` + strings.Repeat("1", i+1) + `}`})
	}
	text := formatCalls(calls, 100)
	if n := strings.Count(text, "/link/token/get"); n != 2 {
		t.Errorf("%d poll lines, want the first and the last:\n%s", n, text)
	}
	for _, want := range []string{"… 18 more alike call(s) folded", `{"poll":1}`, `{"poll":` + strings.Repeat("1", 20) + `}`, "API log: 21 call(s)"} {
		if !strings.Contains(text, want) {
			t.Errorf("pane lacks %q:\n%s", want, text)
		}
	}
}

// d with the API log open shows one call's whole bodies (the pane cuts them to a line):
// indented, wrapped to the window, scrollable, ←/→ for the other calls, esc back to the step;
// the help bar names the keys.
func TestCallDetailShowsTheWholeBodies(t *testing.T) {
	m := atResults(t)
	long := strings.Repeat("x", 150)
	m.calls = []plaidflow.Call{
		{Method: "POST", Path: "/link/token/create", Status: 200, RequestID: "reqA",
			RequestBody: `{"client_name":"plaidwalk","user":{"client_user_id":"u1"}}`, ResponseBody: `{"link_token":"link-sandbox-…5555"}`},
		{Method: "POST", Path: "/processor/token/create", Status: 200, RequestID: "reqB",
			RequestBody: `{"account_id":"acc-checking","note":"` + long + `"}`, ResponseBody: `{"processor_token":"processor-sandbox-…4321","request_id":"reqB"}`},
	}
	m = send(m, keyMsg("l"))
	mustContain(t, m.helpView(), "d call details")
	m = send(m, keyMsg("d"))
	v := m.View()
	// The detail hides the log pane, border and all: the body takes every line the pane had.
	if h := lipgloss.Height(v); h != 24 || m.detail.view.Height != 24-2-1-1-1 {
		t.Errorf("with the call detail open the screen is %d lines (want 24) and the bodies get %d (want 19)", h, m.detail.view.Height)
	}
	mustContain(t, v, "API call 2 of 2", "POST /processor/token/create 200", "Request:", `"account_id": "acc-checking",`, "esc close")
	for _, l := range strings.Split(v, "\n") {
		if lipgloss.Width(l) > 80 || strings.Contains(l, "…\"") {
			t.Errorf("a body line is cut instead of wrapped: %q", l)
		}
	}
	mustContain(t, strings.ReplaceAll(formatCallDetail(m.calls[1], 80), "\n", ""), long) // wrapped, whole
	m = send(m, tea.KeyMsg{Type: tea.KeyPgDown})
	mustContain(t, m.View(), `"processor_token": "processor-sandbox-…4321"`)
	m = send(m, keyMsg("left"))
	mustContain(t, m.View(), "API call 1 of 2", `"client_user_id": "u1"`, `"link_token": "link-sandbox-…5555"`)
	mustContain(t, m.helpView(), "esc close", "←/→ other call")
	m = send(m, keyMsg("esc"))
	if m.detail.open || m.step != stepResults {
		t.Fatalf("esc left the detail open (%v) or moved the step (%v)", m.detail.open, m.step)
	}
	mustContain(t, m.View(), "API log · l close · d whole bodies")
}
