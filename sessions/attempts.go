package sessions

import (
	"sync"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// Attempts are recorded as they happen, not rebuilt afterwards from positions in the API
// log. The walk (the UI's transition, or `run`) opens an attempt when it starts something
// that can fail and be tried again (a link_token, a Link session, a partner token); the API
// log's listener adds each call to the attempt that was open when the call started; Link's
// events and outcome go to the attempt whose Link session sent them. A saved session is the
// attempts of one partner's walk put end to end (Record), so nothing an earlier try did is
// lost: the events of a Link that exited, then of one whose password was wrong, then of the
// one that worked, are all in the session, each at the time Link gave it.

// AttemptID names one attempt of a walk.
type AttemptID int

// Attempt is one try, as recorded so far.
type Attempt struct {
	ID       AttemptID
	Partner  plaidflow.Partner
	Opened   time.Time
	LinkMode string // LinkMode*, once Link runs in this attempt; "" when it does not
	Calls    []plaidflow.Call
	Link     Link      // the events of its Link session (each at its own time), dropped, outcome
	Webhooks []Webhook // what the walk's receiver got while this attempt was the newest (webhooks.go)
	Err      error     // why it failed, when it did
	Closed   bool
	cap      EventCap // bounds Link.Events while Link runs; counts the rest
}

// Attempts is every attempt of one walk; safe for concurrent use (the listener runs on the
// goroutine that made the call).
type Attempts struct {
	mu   sync.Mutex
	list []*Attempt
}

// NewAttempts starts an empty record of a walk.
func NewAttempts() *Attempts { return &Attempts{} }

// Listen feeds every call log records from now on to the attempts; the func stops it.
func (a *Attempts) Listen(log *plaidflow.APILog) (stop func()) {
	if log == nil {
		return func() {}
	}
	return log.OnCall(a.AddCall)
}

// Open starts a new attempt for partner (closing the one before) and returns its id.
func (a *Attempts) Open(partner plaidflow.Partner) AttemptID {
	a.mu.Lock()
	defer a.mu.Unlock()
	if n := len(a.list); n > 0 {
		a.list[n-1].Closed = true
	}
	id := AttemptID(len(a.list))
	a.list = append(a.list, &Attempt{ID: id, Partner: partner, Opened: time.Now()})
	return id
}

// Latest is the newest attempt's id; ok is false before any was opened.
func (a *Attempts) Latest() (id AttemptID, ok bool) {
	a.mu.Lock()
	defer a.mu.Unlock()
	return AttemptID(len(a.list) - 1), len(a.list) > 0
}

// at is the attempt id names, nil for an id this walk never gave; a.mu is held.
func (a *Attempts) at(id AttemptID) *Attempt {
	if id < 0 || int(id) >= len(a.list) {
		return nil
	}
	return a.list[id]
}

// AddCall puts c in the newest attempt opened before c started: a late answer to a call
// made before the user went back belongs to the try that made it. A call made before any
// attempt was opened goes to the first one (opened for it when there is none); one without
// a start time, to the newest.
func (a *Attempts) AddCall(c plaidflow.Call) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.list) == 0 {
		a.list = append(a.list, &Attempt{Opened: c.Time})
	}
	k := 0
	for i := len(a.list) - 1; i > 0; i-- {
		if c.Time.IsZero() || !a.list[i].Opened.After(c.Time) {
			k = i
			break
		}
	}
	at := a.list[k]
	at.Calls = append(at.Calls, c)
}

// LinkStarted says Link runs in attempt id, in mode (LinkMode*); its Link is a fresh one.
func (a *Attempts) LinkStarted(id AttemptID, mode string) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if at := a.at(id); at != nil {
		at.LinkMode, at.Link, at.cap = mode, Link{}, EventCap{}
	}
}

// LinkEvent records one onEvent callback of attempt id's Link (other callbacks are its
// outcome, see LinkEnded), at the time Link stamped it (see EventFromMetadata).
func (a *Attempts) LinkEvent(id AttemptID, ev linkserver.Event) {
	if ev.Kind != linkserver.KindEvent {
		return
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	at := a.at(id)
	if at == nil {
		return
	}
	if at.cap.Admit() {
		at.Link.Events = append(at.Link.Events, EventFromMetadata(ev.Name, ev.At, ev.Metadata))
	}
	at.Link.DroppedEvents = at.cap.Dropped()
}

// LinkEnded records how attempt id's Link ended.
func (a *Attempts) LinkEnded(id AttemptID, out linkserver.Outcome) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if at := a.at(id); at != nil {
		at.Link.Outcome = LinkOutcomeOf(out)
	}
}

// Close ends attempt id with err (nil: it did what it set out to do).
func (a *Attempts) Close(id AttemptID, err error) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if at := a.at(id); at != nil {
		at.Closed, at.Err = true, err
	}
}

// Get copies the attempts ids names, in the order given (unknown ids are left out).
func (a *Attempts) Get(ids ...AttemptID) []Attempt {
	a.mu.Lock()
	defer a.mu.Unlock()
	out := make([]Attempt, 0, len(ids))
	for _, id := range ids {
		if at := a.at(id); at != nil {
			out = append(out, at.copy())
		}
	}
	return out
}

func (at *Attempt) copy() Attempt {
	c := *at
	c.Calls = append([]plaidflow.Call(nil), at.Calls...)
	c.Link.Events = append([]LinkEvent(nil), at.Link.Events...)
	c.Webhooks = append([]Webhook(nil), at.Webhooks...)
	return c
}
