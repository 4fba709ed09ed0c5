package sessions

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A page holding the link secret posted 1,500 events of 60 KB: the session keeps what the
// caps allow, says how many it dropped, and stays a file plaidwalk reads back.
func TestFloodOfLinkEventsIsCappedAndSaidSo(t *testing.T) {
	r := dwollaRecord()
	r.Link = &Link{}
	big := strings.Repeat("x", 60<<10)
	for i := range 1500 {
		r.Link.Events = append(r.Link.Events, LinkEvent{Time: t0.Add(time.Duration(i) * time.Millisecond), Name: "ERROR", ErrorMessage: big})
	}
	st := &Store{Dir: t.TempDir()}
	path, err := st.Save(Build(r))
	if err != nil {
		t.Fatal(err)
	}
	info, _ := os.Stat(path)
	if info.Size() > MaxFileSize {
		t.Fatalf("wrote %d bytes, more than the %d a reader takes", info.Size(), MaxFileSize)
	}
	s, err := ReadFile(path)
	if err != nil {
		t.Fatalf("the session written cannot be read back: %v", err)
	}
	kept := len(s.Link.Events)
	if kept == 0 || kept > MaxLinkEvents || kept*len(big) > MaxLinkEventBytes || kept+s.Link.DroppedEvents != 1500 {
		t.Fatalf("kept %d events, dropped %d", kept, s.Link.DroppedEvents)
	}
	var out bytes.Buffer
	if err := WriteTimeline(&out, s); err != nil || !strings.Contains(out.String(), "more events, not kept") {
		t.Errorf("the timeline does not say events were dropped (%v):\n%.2000s", err, out.String())
	}
}

func TestLinkEventCountIsCapped(t *testing.T) {
	l := &Link{}
	for range MaxLinkEvents + 7 {
		l.Events = append(l.Events, LinkEvent{Time: t0, Name: "OPEN"})
	}
	got := capLinkEvents(l)
	if len(got.Events) != MaxLinkEvents || got.DroppedEvents != 7 || len(l.Events) != MaxLinkEvents+7 {
		t.Fatalf("kept %d, dropped %d (the input now holds %d)", len(got.Events), got.DroppedEvents, len(l.Events))
	}
}

// However large the API log, nothing is written that the reader would refuse.
func TestEncodeRefusesASessionTooLargeToReadBack(t *testing.T) {
	r := dwollaRecord()
	body := `{"x":"` + strings.Repeat("y", 64<<10) + `"}`
	for i := range MaxFileSize/(64<<10) + 10 {
		r.Calls = append(r.Calls, flowCall(100+i, "/asset_report/get", 200, "", "{}", body))
	}
	path := filepath.Join(t.TempDir(), "big.json")
	err := WriteFile(path, Build(r))
	if err == nil || !strings.Contains(err.Error(), "more than the") {
		t.Fatalf("err = %v, want a refusal naming the limit", err)
	}
	if _, serr := os.Stat(path); serr == nil {
		t.Fatal("a file was written anyway")
	}
}
