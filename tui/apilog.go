package tui

import (
	"fmt"
	"strings"

	"plaidwalk/plaidflow"
)

// The API log pane: every call the walk made, newest last, with its redacted bodies. The
// calls come from snapshots carried by messages, never from reading the log in View.

func (m *Model) refreshLog() {
	if !m.showLog {
		return
	}
	m.logView.SetContent(formatCalls(m.calls, m.logView.Width))
	m.logView.GotoBottom()
}

func formatCalls(calls []plaidflow.Call, width int) string {
	if len(calls) == 0 {
		return "API log: no calls yet."
	}
	var b strings.Builder
	fmt.Fprintf(&b, "API log: %d call(s), bodies redacted\n", len(calls))
	for _, c := range calls {
		b.WriteString(callLine(c) + "\n")
		for _, body := range []struct{ label, text string }{{"  → ", c.RequestBody}, {"  ← ", c.ResponseBody}} {
			if body.text != "" {
				b.WriteString(truncate(body.label+oneLine(body.text), max(width, 20)) + "\n")
			}
		}
	}
	return strings.TrimRight(b.String(), "\n")
}

func callLine(c plaidflow.Call) string {
	line := fmt.Sprintf("%s %s %s %d %s", c.Time.Format("15:04:05"), c.Method, oneLine(c.Path),
		c.Status, plaidflow.FormatLatency(c.Latency)) // as run writes it: 850µs, 4.2ms, 37ms
	if c.RequestID != "" {
		line += " request_id=" + oneLine(c.RequestID)
	}
	if c.ErrorCode != "" {
		line += " " + oneLine(c.ErrorCode)
	}
	return line
}
