package sessions

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
)

// FileError is a session file that cannot be read: what is wrong and what to do about it.
type FileError struct {
	Path    string
	Problem string
	Fix     string
}

func (e *FileError) Error() string {
	where := "session"
	if e.Path != "" {
		where = "session file " + e.Path
	}
	if e.Fix == "" {
		return where + ": " + e.Problem
	}
	return where + ": " + e.Problem + "; " + e.Fix
}

// ErrFutureVersion is wrapped by the error for a file written by a newer plaidwalk.
var ErrFutureVersion = errors.New("written by a newer plaidwalk")

type futureError struct{ FileError }

func (e *futureError) Unwrap() error { return ErrFutureVersion }

// Encode renders a session as the file format: credentials filtered, the format and version
// stamped, and every value scrubbed of the given secrets and of whole tokens. The scrub runs
// on the decoded values, before JSON escapes them: a secret holding <, &, ", \, a control
// character or U+2028 is spelled differently in the encoded text, and would slip past a scrub
// of it. The result is refused when a reader would refuse it (a call that is not to a Plaid
// API path, more than MaxFileSize bytes).
func Encode(s Session, secrets ...string) ([]byte, error) {
	s.Format = FormatName
	s.Version = CurrentVersion
	s.Inputs = keepCredentials(s.Inputs)
	if s.Calls == nil {
		s.Calls = []Call{}
	}
	if err := checkCalls(s.Calls); err != nil {
		return nil, fmt.Errorf("encode session: %w", err)
	}
	s.Link = capLinkEvents(s.Link)
	s = mapStrings(s, func(v string) string { return Scrub(v, secrets...) })
	// The text alone is a floor of the file's size: a session far too large is refused
	// without encoding it first.
	text := 0
	mapStrings(s, func(v string) string { text += len(v); return v })
	if text > MaxFileSize {
		return nil, tooLarge(text)
	}
	raw, err := json.MarshalIndent(s, "", "  ")
	if err != nil {
		return nil, fmt.Errorf("encode session: %w", err)
	}
	if len(raw)+1 > MaxFileSize {
		return nil, tooLarge(len(raw) + 1)
	}
	return append(raw, '\n'), nil
}

func tooLarge(size int) error {
	return fmt.Errorf("encode session: it would take over %d MB, more than the %d MB plaidwalk reads back (the API log is too large to keep); record a shorter walk",
		size>>20, MaxFileSize>>20)
}

// Decode reads a session file's bytes, upgrading older versions. path is only for messages.
func Decode(data []byte, path string) (Session, error) {
	bad := func(problem, fix string) (Session, error) {
		return Session{}, &FileError{Path: path, Problem: problem, Fix: fix}
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return bad("the file is empty", "it was not written completely; record the walk again")
	}
	var doc map[string]json.RawMessage
	if err := json.Unmarshal(data, &doc); err != nil {
		var syn *json.SyntaxError
		if errors.As(err, &syn) {
			return bad(fmt.Sprintf("not valid JSON (damaged or cut short near byte %d)", syn.Offset),
				"restore it from where it came from or record the walk again")
		}
		return bad("not a plaidwalk session (the JSON is not an object)", "pass a file written by plaidwalk")
	}
	var format string
	_ = json.Unmarshal(doc["format"], &format)
	if format != FormatName {
		return bad(fmt.Sprintf(`not a plaidwalk session (no "format": %q field)`, FormatName), "pass a file written by plaidwalk")
	}
	var version int
	if err := json.Unmarshal(doc["version"], &version); err != nil || version < 1 {
		return bad(`its "version" field is missing or not a positive number`, "the file was edited by hand; fix the field or record the walk again")
	}
	if version > CurrentVersion {
		return Session{}, &futureError{FileError{Path: path,
			Problem: fmt.Sprintf("format version %d was written by a newer plaidwalk (this one reads versions 1 to %d)", version, CurrentVersion),
			Fix:     "upgrade plaidwalk to read it"}}
	}
	doc, err := upgrade(doc, version)
	if err != nil {
		return bad(err.Error(), "the file was edited by hand; fix it or record the walk again")
	}
	upgraded, _ := json.Marshal(doc)
	var s Session
	if err := json.Unmarshal(upgraded, &s); err != nil {
		return bad("a field has the wrong type: "+err.Error(), "the file was edited by hand; fix it or record the walk again")
	}
	if s.ID == "" || s.Inputs.Partner == "" {
		return bad(`the "id" or "inputs.partner" field is missing`, "the file was edited by hand; fix it or record the walk again")
	}
	if err := checkCalls(s.Calls); err != nil {
		return bad(err.Error(), "the file was edited by hand or made to mislead; plaidwalk writes only Plaid's paths, so record the walk again")
	}
	s.Outcome = settleOutcome(s)
	return s, nil
}
