package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// linkEventAt is an onEvent callback stamped by Link at when and received at arrived.
func linkEventAt(name string, when, arrived time.Time, extra map[string]string) linkserver.Event {
	md := map[string]string{"timestamp": when.UTC().Format("2006-01-02T15:04:05.000Z")}
	for k, v := range extra {
		md[k] = v
	}
	raw, _ := json.Marshal(md)
	return linkserver.Event{Kind: linkserver.KindEvent, Name: name, Metadata: raw, At: arrived}
}

// threeLinks records what a walk that failed at Link twice and then succeeded leaves: Link
// exits on a bank that is down, then on a wrong password, then connects. Each Link hands its
// events over in one batch when it closes, all within milliseconds, though the user spent a
// minute on each.
func threeLinks(t *testing.T) (*Attempts, []AttemptID, time.Time) {
	t.Helper()
	a := NewAttempts()
	p := plaidflow.Partner{ID: "dwolla", Name: "Dwolla"}
	t0 := time.Now().Add(-10 * time.Minute).Truncate(time.Millisecond) // Link stamps milliseconds
	ends := []struct {
		code, view string
		out        linkserver.Outcome
	}{
		{"INSTITUTION_DOWN", "ERROR", linkserver.Outcome{Exited: true, ExitError: &linkserver.LinkError{ErrorType: "INSTITUTION_ERROR", ErrorCode: "INSTITUTION_DOWN"}}},
		{"INVALID_CREDENTIALS", "CREDENTIAL", linkserver.Outcome{Exited: true, ExitError: &linkserver.LinkError{ErrorType: "ITEM_ERROR", ErrorCode: "INVALID_CREDENTIALS"}}},
		{"", "CONNECTED", linkserver.Outcome{PublicToken: "public-sandbox-1", LinkSessionID: "ls-3"}},
	}
	var ids []AttemptID
	for i, end := range ends {
		id := a.Open(p)
		ids = append(ids, id)
		if i == 0 {
			a.AddCall(plaidflow.Call{Time: time.Now(), Method: "POST", Path: "/link/token/create", Status: 200})
		}
		a.LinkStarted(id, LinkModeBrowser)
		start := t0.Add(time.Duration(i) * 3 * time.Minute)
		arrived := start.Add(time.Minute) // the batch comes when Link closes
		a.LinkEvent(id, linkEventAt("OPEN", start, start, nil))
		a.LinkEvent(id, linkEventAt("SELECT_INSTITUTION", start.Add(20*time.Second), arrived, map[string]string{"institution_name": "First Platypus Bank"}))
		a.LinkEvent(id, linkEventAt("TRANSITION_VIEW", start.Add(40*time.Second), arrived.Add(time.Millisecond), map[string]string{"view_name": end.view, "error_code": end.code}))
		a.LinkEnded(id, end.out)
		if end.code != "" {
			a.Close(id, fmt.Errorf("Link exited with %s", end.code))
		}
	}
	a.AddCall(plaidflow.Call{Time: time.Now(), Method: "POST", Path: "/item/public_token/exchange", Status: 200})
	return a, ids, t0
}

func TestEveryAttemptsLinkEventsAreKeptAtTheirOwnTime(t *testing.T) {
	a, ids, t0 := threeLinks(t)
	r := a.WithAttempts(Record{Partner: plaidflow.Partner{ID: "dwolla", Name: "Dwolla"}}, ids...)
	if r.Link == nil || len(r.Link.Events) != 9 {
		t.Fatalf("Link %+v: want the 9 events of the three Links", r.Link)
	}
	for i, ev := range r.Link.Events {
		want := t0.Add(time.Duration(i/3)*3*time.Minute + time.Duration(i%3)*20*time.Second)
		if !ev.Time.Equal(want) {
			t.Errorf("event %d (%s) at %v, want Link's own %v", i, ev.Name, ev.Time, want)
		}
	}
	codes := []string{r.Link.Events[2].ErrorCode, r.Link.Events[5].ErrorCode}
	if codes[0] != "INSTITUTION_DOWN" || codes[1] != "INVALID_CREDENTIALS" {
		t.Errorf("the failed Links' events say %v", codes)
	}
	if o := r.Link.Outcome; o == nil || o.Status != "success" || o.LinkSessionID != "ls-3" || r.LinkMode != LinkModeBrowser {
		t.Errorf("outcome %+v mode %q: want the last Link's", o, r.LinkMode)
	}
	if got := pathsOf(Build(r).Calls); got != "link/token/create item/public_token/exchange" {
		t.Errorf("calls %s", got)
	}
	s := Build(r)
	var show, md bytes.Buffer
	if err := WriteTimeline(&show, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	// Markdown escapes the underscores of codes.
	for name, out := range map[string]string{"show": show.String(), "markdown": strings.ReplaceAll(md.String(), `\_`, "_")} {
		for _, want := range []string{"error=INSTITUTION_DOWN", "error=INVALID_CREDENTIALS", "view=CONNECTED"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s lacks %q:\n%s", name, want, out)
			}
		}
	}
}

// A call goes to the attempt open when it started: the answer to a call the user left
// (back, then a new try) arrives late but belongs to the try that made it.
func TestACallBelongsToTheAttemptOpenWhenItStarted(t *testing.T) {
	a := NewAttempts()
	first := a.Open(plaidflow.Partner{ID: "dwolla"})
	started := time.Now()
	second := a.Open(plaidflow.Partner{ID: "dwolla"})
	a.AddCall(plaidflow.Call{Time: started, Path: "/link/token/create", Status: 200})
	a.AddCall(plaidflow.Call{Time: time.Now(), Path: "/sandbox/public_token/create", Status: 200})
	got := a.Get(first, second)
	if len(got[0].Calls) != 1 || got[0].Calls[0].Path != "/link/token/create" || len(got[1].Calls) != 1 {
		t.Fatalf("first %+v, second %+v", got[0].Calls, got[1].Calls)
	}
	if !got[0].Closed || got[1].Closed {
		t.Errorf("opening the second closed the first: %v, %v", got[0].Closed, got[1].Closed)
	}
	// The second attempt reused the first's link_token: its walk starts with that call.
	r := a.WithAttempts(Record{}, second)
	if got := pathsOf(Build(r).Calls); got != "link/token/create sandbox/public_token/create" {
		t.Errorf("the second attempt's walk: %s", got)
	}
}

func TestEventTimeIsLinksOwnUnlessMissingOrImpossible(t *testing.T) {
	arrived := time.Date(2026, 12, 7, 3, 0, 0, 0, time.UTC)
	cases := map[string]struct {
		md   string
		want time.Time
	}{
		"Link's timestamp":        {`{"timestamp":"2026-12-07T02:59:00.250Z"}`, time.Date(2026, 12, 7, 2, 59, 0, 250e6, time.UTC)},
		"none":                    {`{"view_name":"CONSENT"}`, arrived},
		"not a time":              {`{"timestamp":"yesterday"}`, arrived},
		"not a string":            {`{"timestamp":12}`, arrived},
		"after it arrived":        {`{"timestamp":"2026-12-07T03:05:00Z"}`, arrived},
		"more than a day earlier": {`{"timestamp":"2026-12-05T03:00:00Z"}`, arrived},
		"metadata not JSON":       {`[1,2`, arrived},
	}
	for name, c := range cases {
		if got := EventTime(arrived, []byte(c.md)); !got.Equal(c.want) {
			t.Errorf("%s: %v, want %v", name, got, c.want)
		}
	}
}

// Memory stays bounded while a page floods one Link: the attempt keeps what a session keeps.
func TestAnAttemptCapsItsLinkEvents(t *testing.T) {
	a := NewAttempts()
	id := a.Open(plaidflow.Partner{ID: "dwolla"})
	a.LinkStarted(id, LinkModeBrowser)
	for i := range MaxLinkEvents + 7 {
		a.LinkEvent(id, linkserver.Event{Kind: linkserver.KindEvent, Name: fmt.Sprint("E", i), At: time.Now()})
	}
	a.LinkEvent(id, linkserver.Event{Kind: linkserver.KindSuccess, At: time.Now()}) // an outcome, not an event
	l := a.Get(id)[0].Link
	if len(l.Events) != MaxLinkEvents || l.DroppedEvents != 7 || l.Events[0].Name != "E0" {
		t.Errorf("kept %d (first %q), dropped %d", len(l.Events), l.Events[0].Name, l.DroppedEvents)
	}
}
