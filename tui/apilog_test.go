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
