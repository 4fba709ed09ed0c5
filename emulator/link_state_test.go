package emulator

import (
	"runtime"
	"testing"
	"time"
)

// An Emulator's Link sessions are its own: another Emulator does not see them, and they go
// with the Emulator (they once sat in a package-level map keyed by *Emulator, so every
// emulator a test made stayed in memory for good).
func TestLinkStateBelongsToItsEmulator(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	s := a.links().newSession(linkTokenView{Token: "link-sandbox-a"})
	if b.links().session(s.ID, func(*linkSession) {}) {
		t.Fatalf("a Link session of one emulator is found in another")
	}
	if !a.links().session(s.ID, func(*linkSession) {}) {
		t.Fatalf("the emulator lost its own Link session")
	}
	collected := make(chan struct{})
	func() {
		e := New(Options{})
		sess := e.links().newSession(linkTokenView{Token: "link-sandbox-gone"})
		e.links().newOAuth(sess.ID)
		runtime.AddCleanup(e, func(done chan struct{}) { close(done) }, collected)
	}()
	for range 50 {
		runtime.GC()
		select {
		case <-collected:
			return
		case <-time.After(10 * time.Millisecond):
		}
	}
	t.Fatal("an emulator with Link sessions was never collected: its Link state outlives it")
}
