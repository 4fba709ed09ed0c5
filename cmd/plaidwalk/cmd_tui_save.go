package main

import (
	"errors"
	"fmt"
	"slices"

	"plaidwalk/plaidflow"
	"plaidwalk/tui"
)

// The terminal UI's walk as saved sessions: one per partner walked (see tui.SessionRecord).

// saveTUISessions saves every partner's walk in r to the state dir (unless noSave); the
// newest one also to file when it is set. It returns the paths written. This is ctrl+s while
// the UI runs: a walk without its partner token is saved as stopped where it is.
func saveTUISessions(c *cli, cfg plaidflow.Config, r tui.Result, file string, noSave bool) ([]string, error) {
	return saveTUIWalks(c, cfg, r, file, noSave, false)
}

// saveTUIWalks is saveTUISessions; closed: the UI has closed, so a walk that did not make its
// partner token was quit by the user.
func saveTUIWalks(c *cli, cfg plaidflow.Config, r tui.Result, file string, noSave, closed bool) ([]string, error) {
	if len(r.Sessions) == 0 {
		return nil, errors.New("nothing was called yet, so there is no session to save")
	}
	var paths []string
	for i, s := range r.Sessions {
		f := ""
		if i == len(r.Sessions)-1 {
			f = file
		}
		s.Record.Quit = s.Record.Quit || closed
		p, err := saveTUIRecord(c, cfg, s, f, noSave)
		paths = appendNew(paths, p...)
		if err != nil {
			return paths, err
		}
	}
	return paths, nil
}

// saveTUIRecord saves one partner's walk under the id an earlier save gave it, if any, so
// that ctrl+s and the save on closing write one file per walk, the later overwriting the
// earlier, instead of two copies that `plaidwalk sessions` would both list.
func saveTUIRecord(c *cli, cfg plaidflow.Config, s tui.SessionRecord, file string, noSave bool) ([]string, error) {
	r := s.Record // its calls and Link come from the walk's attempts
	r.Config = cfg
	sess := buildSession("tui", r)
	sess.ID = s.ID
	return saveSession(c, cfg, sess, file, noSave)
}

// appendNew appends the paths not already listed: a file saved again is still one file.
func appendNew(paths []string, more ...string) []string {
	for _, p := range more {
		if !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	return paths
}

// saveAfterTUI saves the walk when the UI has closed, once a link_token was created, unless
// --no-save (without --save) or ctrl+s already saved it as it ended (a walk ctrl+s saved
// earlier is saved over that same file); then says on stderr where every saved copy is. A failed save is reported and never changes the exit code.
func saveAfterTUI(c *cli, cfg plaidflow.Config, res tui.Result, o tuiOptions) {
	paths := res.SavedPaths
	if res.LinkTokenCreated && !res.Saved && (o.save != "" || !o.noSave) {
		p, err := saveTUIWalks(c, cfg, res, o.save, o.noSave, true)
		paths = appendNew(paths, p...)
		if err != nil {
			fmt.Fprintf(c.stderr, "plaidwalk: the session was not saved: %v\n", err)
		}
	}
	for _, p := range paths {
		fmt.Fprintf(c.stderr, "session saved: %s\n", p)
	}
}

// keepCutCall finds the call that closing the UI cut off, if the walk had not finished: the
// UI never got its message, so the call is added to the last walk's record (and so to its
// saved session, whose outcome then says it may have completed) from the API log.
func keepCutCall(res *tui.Result, log *plaidflow.APILog) (plaidflow.Call, bool) {
	calls := log.Calls()
	c, ok := cutCall(calls)
	if !ok || res.Completed() || len(res.Sessions) == 0 {
		return c, false
	}
	last := &res.Sessions[len(res.Sessions)-1].Record
	if !slices.ContainsFunc(last.Calls, func(k plaidflow.Call) bool { return k.Time.Equal(c.Time) && k.Path == c.Path }) {
		last.Calls = append(last.Calls, c)
	}
	return c, true
}
