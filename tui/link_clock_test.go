package tui

import (
	"strings"
	"testing"
	"time"
)

// The wait on Link shows how long it has waited; each tick moves it and asks for the next;
// a tick of a finished wait stops the clock.
func TestLinkWaitShowsElapsedTime(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	mustContain(t, m.View(), "Waiting for Link", "0:00 waited")
	m, cmd := sendCmd(m, linkClockMsg{op: m.op, now: m.link.since.Add(65 * time.Second)})
	if cmd == nil {
		t.Fatalf("the clock stopped while Link waits")
	}
	mustContain(t, m.View(), "1:05 waited")
	m.link.waiting = false
	if _, cmd := sendCmd(m, linkClockMsg{op: m.op, now: time.Now()}); cmd != nil {
		t.Errorf("the clock ticks on after the wait ended")
	}
}

// x and esc during the wait say that Link was cancelled.
func TestCancellingTheLinkWaitSaysSo(t *testing.T) {
	for _, k := range []string{"x", "esc"} {
		m, _ := atLink(t, "dwolla")
		m = send(m, keyMsg(k))
		if m.step != stepLinkToken || !strings.Contains(m.View(), "Link cancelled") {
			t.Errorf("%s while waiting: step %v, view:\n%s", k, m.step, m.View())
		}
		h, _ := atLink(t, "dwolla")
		h.link.session, h.link.waiting, h.link.polling = nil, false, true
		h = send(h, keyMsg(k))
		mustContain(t, h.View(), "Hosted Link cancelled")
	}
}
