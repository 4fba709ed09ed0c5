package tui

import (
	"bytes"
	"io"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"
)

// TestLinkWaitRedrawsOnlyTheClock: while Link waits, each second's tick sends the terminal
// the clock's line and nothing else; the URL, the notes and the help stay as drawn (Bubble
// Tea's renderer skips unchanged lines, as long as the view leaves them byte for byte the
// same). A full redraw of the 100x30 screen would be thousands of bytes and repeat the notes.
func TestLinkWaitRedrawsOnlyTheClock(t *testing.T) {
	cm, tm := waitingOnLink(t)
	_, _ = io.ReadAll(tm.Output()) // what was drawn before the wait settled
	v0 := cm.views.Load()
	time.Sleep(2500 * time.Millisecond)
	out, _ := io.ReadAll(tm.Output())
	frames := cm.views.Load() - v0
	if frames < 2 {
		t.Fatalf("%d frames in 2.5s of waiting, want the clock's two or more", frames)
	}
	if !bytes.Contains(out, []byte("waited")) {
		t.Errorf("the clock's line was not redrawn; wrote %q", out)
	}
	for _, still := range []string{"finish it in the browser", "Link sends most of its events", "Step "} {
		if bytes.Contains(out, []byte(still)) {
			t.Errorf("a tick redrew %q, which did not change; wrote %q", still, out)
		}
	}
	// One line of 100 columns with its styling and cursor moves is well under 400 bytes.
	if perFrame := len(out) / int(frames); perFrame > 400 {
		t.Errorf("%d bytes a tick, want one line's worth (at most 400); wrote %q", perFrame, out)
	}
	_ = tm.Quit()
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
}
