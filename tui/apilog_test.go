package tui

import (
	"strings"
	"testing"
	"time"

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
	mustContain(t, v, "API log · l close · pgup/pgdn scroll")
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
