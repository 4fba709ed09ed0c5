package sessions

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
)

// A Hosted Link wait polled 12 times shows as the first poll and one folded line naming the
// last poll's request_id; a Link event between polls splits the run, as it is worth seeing.
func TestTimelineFoldsPolling(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	s := Session{ID: "fold", StartedAt: t0, FinishedAt: t0.Add(time.Minute),
		Calls: []Call{{Time: t0, Method: "POST", Path: "/link/token/create", Status: 200}}}
	for i := 1; i <= 12; i++ {
		s.Calls = append(s.Calls, Call{Time: t0.Add(time.Duration(i) * 2 * time.Second), Method: "POST", Path: "/link/token/get", Status: 200, RequestID: fmt.Sprintf("poll-%02d", i)})
	}
	s.Calls = append(s.Calls, Call{Time: t0.Add(30 * time.Second), Method: "POST", Path: "/item/public_token/exchange", Status: 200})
	s.Link = &Link{Events: []LinkEvent{{Time: t0.Add(19 * time.Second), Name: "HANDOFF"}}}

	var out bytes.Buffer
	if err := WriteTimeline(&out, s); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := strings.Count(text, "/link/token/get"); n != 2 {
		t.Errorf("%d /link/token/get lines, want 2 (the first poll of each run):\n%s", n, text)
	}
	for _, want := range []string{"… the same call 8 more times", "request_id poll-09", "Link HANDOFF", "… the same call 2 more times", "request_id poll-12", "/item/public_token/exchange"} {
		if !strings.Contains(text, want) {
			t.Errorf("timeline lacks %q:\n%s", want, text)
		}
	}
}

// The Markdown write-up folds the same way: one row for the first poll, one for the rest.
func TestMarkdownFoldsPolling(t *testing.T) {
	t0 := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	s := Session{ID: "fold", StartedAt: t0, FinishedAt: t0.Add(time.Minute), Inputs: Inputs{Partner: "dwolla", Env: "offline"}}
	for i := 1; i <= 10; i++ {
		s.Calls = append(s.Calls, Call{Time: t0.Add(time.Duration(i) * time.Second), Method: "POST", Path: "/link/token/get", Status: 200, RequestID: fmt.Sprintf("poll-%02d", i)})
	}
	s.Calls = append(s.Calls, Call{Time: t0.Add(20 * time.Second), Method: "POST", Path: "/item/public_token/exchange", Status: 200})
	var out bytes.Buffer
	if err := WriteMarkdown(&out, s); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if n := strings.Count(text, "`POST /link/token/get`"); n != 1 {
		t.Errorf("%d /link/token/get rows, want 1:\n%s", n, text)
	}
	if !strings.Contains(text, "| 2–10 | the same call 9 more times (polling) | 200 | - | last 0.0 ms | last poll-10 |") ||
		!strings.Contains(text, "| 11 | `POST /item/public_token/exchange`") {
		t.Errorf("the fold row or the numbering after it is wrong:\n%s", text)
	}
}
