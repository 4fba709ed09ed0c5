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
