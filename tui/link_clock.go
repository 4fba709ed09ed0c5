package tui

import (
	"fmt"
	"time"

	tea "github.com/charmbracelet/bubbletea"
)

// While Link waits on the browser (or Hosted Link is polled), the screen shows how long it
// has waited and a glyph that turns once a second, so that a stuck wait is told apart from a
// frozen program. It is the only timer of the wait: one update and one frame a second, which
// costs next to nothing (BenchmarkIdleWhileWaitingOnLink measures it).

// linkClockInterval is how often the elapsed time moves.
const linkClockInterval = time.Second

// linkClockMsg is one tick of the wait's clock; op ties it to the wait that started it.
type linkClockMsg struct {
	op  int
	now time.Time
}

func linkClockCmd(op int) tea.Cmd {
	return tea.Tick(linkClockInterval, func(t time.Time) tea.Msg { return linkClockMsg{op: op, now: t} })
}

// startClock starts the wait's clock at now.
func (m *Model) startClock(now time.Time, op int) tea.Cmd {
	m.link.since, m.link.elapsed = now, 0
	return linkClockCmd(op)
}

// linkClockTicked moves the elapsed time; the clock stops when the wait is over.
func (m Model) linkClockTicked(msg linkClockMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op || m.step != stepLink || !(m.link.waiting || m.link.polling) {
		return m, nil
	}
	m.link.elapsed = msg.now.Sub(m.link.since)
	return m, linkClockCmd(msg.op)
}

// waitClock is "| 1m05s": a glyph that turns each second, then the time waited.
func (l linkModel) waitClock() string {
	secs := int(l.elapsed / time.Second)
	frames := slowSpinner.Frames
	d := l.elapsed.Round(time.Second)
	return fmt.Sprintf("%s %s waited", frames[secs%len(frames)], formatWait(d))
}

// formatWait is 0:42 or 12:05: steady width, no unit to misread.
func formatWait(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}
