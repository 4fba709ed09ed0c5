package sessions

// The numbers that bound a session, in one place: the reader's limit and the caps the writer
// applies so that everything written stays under it. A session plaidwalk writes can always
// be read back, shown and replayed.

// MaxFileSize is the largest file read as a session, so a wrong path (or a crafted file)
// cannot eat the memory. Encode refuses to produce anything larger.
const MaxFileSize = 64 << 20

// MaxLinkEvents is how many of Link's onEvent callbacks one session keeps. A real Link
// session sends a few dozen; a page that holds the link secret can post thousands.
const MaxLinkEvents = 500

// MaxLinkEventBytes bounds the text of the kept events together (names, messages, ids), so
// that a few huge events cannot fill the file either. The events beyond either cap are
// counted in Link.DroppedEvents, not kept.
const MaxLinkEventBytes = 1 << 20

// capLinkEvents keeps Link's events while both caps allow, in the order they came, and counts
// the rest as dropped. The first events are the ones kept: they show how the session began,
// and a page flooding the server is not allowed to push them out.
func capLinkEvents(l *Link) *Link {
	if l == nil {
		return nil
	}
	out := *l
	out.Events = nil
	size := 0
	for i, ev := range l.Events {
		size += eventSize(ev)
		if i >= MaxLinkEvents || size > MaxLinkEventBytes {
			out.DroppedEvents += len(l.Events) - i
			break
		}
		out.Events = append(out.Events, ev)
	}
	return &out
}

// eventSize is the text one event adds to the file, near enough (JSON keys and escapes
// aside; MaxLinkEventBytes is far below MaxFileSize to leave room for them).
func eventSize(ev LinkEvent) int {
	return len(ev.Name) + len(ev.ViewName) + len(ev.InstitutionID) + len(ev.InstitutionName) +
		len(ev.ErrorType) + len(ev.ErrorCode) + len(ev.ErrorMessage) + len(ev.ExitStatus) +
		len(ev.MFAType) + len(ev.RequestID)
}

// EventCap bounds a collector of Link's callbacks while Link runs: the first MaxLinkEvents
// are admitted, later ones only counted. The UI and `run` both collect through one, so a page
// that floods the local server grows neither memory nor the file, and both keep the same
// events and report the same count (Link.DroppedEvents).
type EventCap struct{ kept, dropped int }

// Admit says whether one more callback is kept, counting it as dropped when not.
func (c *EventCap) Admit() bool {
	if c.kept >= MaxLinkEvents {
		c.dropped++
		return false
	}
	c.kept++
	return true
}

// Dropped is how many callbacks were refused.
func (c EventCap) Dropped() int { return c.dropped }
