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
	for i := 0; i < len(calls); {
		j := i + 1
		for j < len(calls) && plaidflow.AlikeCalls(calls[i], calls[j]) {
			j++
		}
		// A run of polls (Hosted Link, an Asset Report) keeps its first and last call whole:
		// the last answer is the one the walk went on with.
		writeCall(&b, calls[i], width)
		if folded := j - i - 2; folded > 0 {
			fmt.Fprintf(&b, "  … %d more alike call(s) folded\n", folded)
		}
		if j-i > 1 {
			writeCall(&b, calls[j-1], width)
		}
		i = j
	}
	return strings.TrimRight(b.String(), "\n")
}

func writeCall(b *strings.Builder, c plaidflow.Call, width int) {
	b.WriteString(callLine(c) + "\n")
	for _, body := range []struct{ label, text string }{{"  → ", c.RequestBody}, {"  ← ", c.ResponseBody}} {
		if body.text != "" {
			b.WriteString(truncate(body.label+oneLine(body.text), max(width, 20)) + "\n")
		}
	}
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
