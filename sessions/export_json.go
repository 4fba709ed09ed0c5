package sessions

import (
	"encoding/json"
	"io"
)

// sessionDoc is a session as `sessions show --json` prints it: the file's fields, with each
// call a CallDoc (bodies embedded as JSON).
type sessionDoc struct {
	Session
	Calls []CallDoc `json:"calls"` // shadows Session.Calls
}

// WriteJSON writes a session as one indented JSON document for scripts. The session is read
// as untrusted, as for the timeline: call paths are checked and every string is cleaned of
// terminal escapes and masked, so piping it to a terminal is as safe as the timeline.
func WriteJSON(w io.Writer, s Session) error {
	if err := checkCalls(s.Calls); err != nil {
		return err
	}
	s = printable(s)
	doc := sessionDoc{Session: s, Calls: make([]CallDoc, 0, len(s.Calls))}
	for _, c := range s.Calls {
		doc.Calls = append(doc.Calls, c.Doc())
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}
