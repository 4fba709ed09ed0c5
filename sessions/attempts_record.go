package sessions

import (
	"encoding/json"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// WithAttempts is r with the calls, Link and times of the attempts ids names, put end to end
// in that order: the calls of every attempt; Link's events of every attempt (each at its own
// time, so a session shows them between the calls they came between); Link's outcome of the
// last attempt that ran Link, as that is the Link the walk went on (or stopped) with. A walk
// whose first attempt reopened Link with a link_token made in an earlier attempt starts with
// that /link/token/create, so that the session (and its replay) begins where the token came from.
// r.LinkMode is left as the caller set it (when empty, the last Link's mode is used), and so
// are r.Started and r.Finished (when zero, the first call's start and the last one's end).
func (a *Attempts) WithAttempts(r Record, ids ...AttemptID) Record {
	as := a.Get(ids...)
	r.Calls, r.Webhooks = nil, nil
	if len(as) > 0 && !hasLinkTokenCall(as) {
		if c, ok := a.linkTokenBefore(as[0].ID); ok {
			r.Calls = append(r.Calls, c)
		}
	}
	var link Link
	lastMode := ""
	for _, at := range as {
		r.Calls = append(r.Calls, at.Calls...)
		r.Webhooks = append(r.Webhooks, at.Webhooks...)
		link.Events = append(link.Events, at.Link.Events...)
		link.DroppedEvents += at.Link.DroppedEvents
		if at.LinkMode != "" {
			lastMode, link.Outcome = at.LinkMode, at.Link.Outcome
		}
	}
	if r.LinkMode == "" {
		r.LinkMode = lastMode
	}
	if len(link.Events) > 0 || link.Outcome != nil || link.DroppedEvents > 0 {
		r.Link = &link
	}
	if n := len(r.Calls); n > 0 && r.Started.IsZero() {
		last := r.Calls[n-1]
		r.Started, r.Finished = r.Calls[0].Time, last.Time.Add(last.Latency)
	}
	return r
}

func hasLinkTokenCall(as []Attempt) bool {
	for _, at := range as {
		for _, c := range at.Calls {
			if c.Path == "/link/token/create" {
				return true
			}
		}
	}
	return false
}

// linkTokenBefore is the last link_token made before attempt id.
func (a *Attempts) linkTokenBefore(id AttemptID) (plaidflow.Call, bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	for i := min(int(id), len(a.list)) - 1; i >= 0; i-- {
		calls := a.list[i].Calls
		for k := len(calls) - 1; k >= 0; k-- {
			if c := calls[k]; c.Path == "/link/token/create" && c.Status == 200 {
				return c, true
			}
		}
	}
	return plaidflow.Call{}, false
}

// LinkOutcomeOf is how Link ended, as linkserver reported it, in the session's terms.
func LinkOutcomeOf(out linkserver.Outcome) *LinkOutcome {
	lo := &LinkOutcome{Status: "success", LinkSessionID: out.LinkSessionID, ExitStatus: out.ExitStatus}
	switch {
	case out.TimedOut:
		lo.Status = "timeout"
	case out.Exited:
		lo.Status = "exit"
	}
	if out.Institution != nil {
		lo.InstitutionID, lo.InstitutionName = out.Institution.InstitutionID, out.Institution.Name
	}
	for _, a := range out.Accounts {
		lo.Accounts = append(lo.Accounts, AccountChoice{Mask: a.Mask, Name: a.Name, Type: a.Type, Subtype: a.Subtype})
	}
	if e := out.ExitError; e != nil {
		lo.ErrorType, lo.ErrorCode, lo.ErrorMessage = e.ErrorType, e.ErrorCode, e.ErrorMessage
	}
	return lo
}

// EventTime is when Link says an event happened: the timestamp of its metadata (ISO 8601),
// which Plaid's Link (and the emulated one) stamp as the event happens. Link hands most
// events over in one batch when it closes, so the time they arrived says nothing about the
// walk; arrived is used only when the metadata has no timestamp, or one that cannot be
// right (later than its arrival, or more than a day before it: the page's clock is this
// machine's).
func EventTime(arrived time.Time, metadata []byte) time.Time {
	var m struct {
		Timestamp string `json:"timestamp"`
	}
	_ = json.Unmarshal(metadata, &m) // metadata comes from a browser page: keep what parses
	t, err := time.Parse(time.RFC3339Nano, m.Timestamp)
	if err != nil || arrived.IsZero() {
		return arrived
	}
	if t.After(arrived.Add(maxClockSkew)) || arrived.Sub(t) > 24*time.Hour {
		return arrived
	}
	return t
}

// maxClockSkew is how far after its arrival an event's own timestamp may be: the page and
// plaidwalk read one clock, but the browser rounds it to the millisecond.
const maxClockSkew = time.Second
