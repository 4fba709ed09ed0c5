package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/sessions"
)

// A page holding the link secret posts 1,500 events of 60 KB each: the walk is saved to a
// file plaidwalk reads back, with the events the caps allow and a note of the rest, and the
// user is told.
func TestFloodOfLinkEventsSavesAReadableSession(t *testing.T) {
	e := newSessEnv(t)
	c, stderr, r := savedRecord(t, e)
	metadata, _ := json.Marshal(map[string]string{"error_message": strings.Repeat("m", 60<<10), "view_name": "ERROR"})
	// The flood goes through run's collector into the run's attempt, as the Link page's
	// callbacks do: the attempt keeps what a session keeps and counts the rest, so memory stays
	// bounded while Link runs.
	attempts := sessions.NewAttempts()
	rec := linkAttempt{attempts: attempts, id: attempts.Open(r.Partner)}
	attempts.LinkStarted(rec.id, sessions.LinkModeBrowser)
	ch := make(chan linkserver.Event)
	collector := collectEvents(ch, rec)
	for i := range 1500 {
		ch <- linkserver.Event{Kind: linkserver.KindEvent, Name: "ERROR", Metadata: metadata, At: time.Now().Add(time.Duration(i))}
	}
	close(ch)
	collector.drained()
	l := attempts.Get(rec.id)[0].Link
	if len(l.Events) != sessions.MaxLinkEvents || l.DroppedEvents != 1500-sessions.MaxLinkEvents {
		t.Errorf("the attempt kept %d and dropped %d of 1500", len(l.Events), l.DroppedEvents)
	}
	r.Link = &l
	file := filepath.Join(t.TempDir(), "flood.json")
	if err := recordAndSave(c, "run", r, file, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(stderr.String(), "events more than a session keeps") {
		t.Errorf("the user was not told events were dropped:\n%s", stderr)
	}
	info, err := os.Stat(file)
	if err != nil || info.Size() > sessions.MaxFileSize {
		t.Fatalf("saved %v bytes (%v), over the reader's %d", info, err, sessions.MaxFileSize)
	}
	code, out, errOut := e.plaidwalk("sessions", "show", file)
	if code != 0 || !strings.Contains(out, "more events, not kept") {
		t.Fatalf("show: exit %d\n%.3000s\n%s", code, out, errOut)
	}
	s, err := sessions.ReadFile(file)
	if err != nil || len(s.Link.Events)+s.Link.DroppedEvents != 1500 {
		t.Fatalf("read back: %v, %d kept + %d dropped", err, len(s.Link.Events), s.Link.DroppedEvents)
	}
}
