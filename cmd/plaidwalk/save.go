package main

import (
	"errors"
	"fmt"
	"time"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// This file is the seam through which a finished walk becomes a saved session. The run
// command and the terminal UI fill a sessions.Record, call buildSession, then saveSession.

// buildSession turns a finished walk into a session stamped with this plaidwalk's version.
// source is "run" or "tui"; set r.LinkMode (sessions.LinkMode*) when Link ran in a browser
// or as Hosted Link, and r.Link from the walk's attempts (sessions.Attempts).
func buildSession(source string, r sessions.Record) sessions.Session {
	r.Source, r.Plaidwalk = source, version
	if r.Finished.IsZero() {
		r.Finished = time.Now()
	}
	s := sessions.Build(r)
	noteCutCall(&s, r.Calls) // sessions says "stopped"; only the call log shows one was cut off
	return s
}

// saveSession writes s to file when file is set, and to the user's sessions directory unless
// noSave; both copies share one id. It returns the paths written; when file cannot be written
// the sessions directory still gets its copy (so the walk is not lost) and the error is
// file's. The client secret of cfg and of the environment is scrubbed from every byte, on
// top of the API log's redaction.
func saveSession(c *cli, cfg plaidflow.Config, s sessions.Session, file string, noSave bool) ([]string, error) {
	if s.ID == "" {
		s.ID = sessions.NewID(s.StartedAt, s.Inputs.Partner)
	}
	secrets := []string{cfg.Secret, c.getenv("PLAID_SECRET")}
	var saved []string
	var fileErr error
	if file != "" {
		if err := sessions.WriteFile(file, s, secrets...); err != nil {
			fileErr = &SaveError{File: file, Err: err}
		} else {
			saved = append(saved, file)
		}
	}
	if noSave {
		return saved, fileErr
	}
	store, err := sessions.OpenStore(c.getenv)
	if err == nil {
		var path string
		if path, err = store.Save(s, secrets...); err == nil {
			saved = append(saved, path)
		}
	}
	if err != nil {
		return saved, errors.Join(fileErr, &SaveError{Err: err})
	}
	return saved, fileErr
}

// recordAndSave is buildSession then saveSession, with a one-line report on stderr of where
// the session went, or why it could not be saved. It returns that error so that run can exit
// non-zero when --save was asked for and no file was written (the walk's own result is
// printed either way); a caller that only warns may ignore it.
func recordAndSave(c *cli, source string, r sessions.Record, file string, noSave bool) error {
	if file == "" && noSave {
		return nil
	}
	s := buildSession(source, r)
	if l := s.Link; l != nil && l.DroppedEvents > 0 {
		fmt.Fprintf(c.stderr, "plaidwalk: Link sent %d events more than a session keeps; the session has the first %d and notes the rest were dropped\n",
			l.DroppedEvents, len(l.Events))
	}
	paths, err := saveSession(c, r.Config, s, file, noSave)
	for _, p := range paths {
		fmt.Fprintf(c.stderr, "session saved: %s\n", p)
	}
	for _, e := range saveErrors(err) {
		fmt.Fprintf(c.stderr, "plaidwalk: the walk finished, but the session was not saved to %s: %s\n", e.where(), problemAndFix(e.Err))
	}
	return err
}

// SaveError is a session that could not be written: to File (--save), or to the sessions
// directory when File is empty.
type SaveError struct {
	File string
	Err  error
}

func (e *SaveError) Error() string { return "cannot write " + e.where() + ": " + problemAndFix(e.Err) }

func (e *SaveError) where() string {
	if e.File != "" {
		return e.File
	}
	return "the sessions directory"
}

// problemAndFix is a save error without the path the caller already named.
func problemAndFix(err error) string {
	var fe *sessions.FileError
	if errors.As(err, &fe) {
		if fe.Fix != "" {
			return fe.Problem + "; " + fe.Fix
		}
		return fe.Problem
	}
	return err.Error()
}

func (e *SaveError) Unwrap() error { return e.Err }

// saveErrors lists the SaveErrors in what saveSession returned (one per copy not written).
func saveErrors(err error) []*SaveError {
	if err == nil {
		return nil
	}
	if se, ok := err.(*SaveError); ok {
		return []*SaveError{se}
	}
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		var out []*SaveError
		for _, e := range j.Unwrap() {
			out = append(out, saveErrors(e)...)
		}
		return out
	}
	return []*SaveError{{Err: err}}
}

// saveFileFailed: the file --save named was not written (a failure in the sessions
// directory alone is only a warning).
func saveFileFailed(err error) bool {
	for _, e := range saveErrors(err) {
		if e.File != "" {
			return true
		}
	}
	return false
}

// checkSaveTarget refuses a --save path that cannot be written before the walk starts, so no
// Item is made for a file that will not exist: 2, as for any usage error, with the fix.
func checkSaveTarget(c *cli, file string) int {
	if file == "" {
		return 0
	}
	if err := sessions.CheckTarget(file); err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk: --save %s: %s\n", file, problemAndFix(err))
		return 2
	}
	return 0
}
