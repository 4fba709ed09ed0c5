package tui

import (
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// A walk becomes one saved session per partner: each partner token made on the Item is a
// session of its own (Link, exchange and that partner's calls), so that replaying it walks
// the same steps; a partner that did not get its token yet is one more, with its error.

// SessionRecord is one partner's walk as the sessions package takes it, with Link's
// callbacks and outcome as linkserver reported them (browser mode only).
type SessionRecord struct {
	// ID is the id the walk was saved under by an earlier save (ctrl+s), so that saving it
	// again (ctrl+s once more, or when the UI closes) overwrites that file rather than adding
	// a second copy; empty when it was never saved.
	ID         string
	Record     sessions.Record
	LinkEvents []linkserver.Event
	// LinkEventsDropped counts the callbacks beyond sessions.MaxLinkEvents, not kept.
	LinkEventsDropped int
	LinkOutcome       *linkserver.Outcome
}

// sessionState is what a save needs beyond the walk itself.
type sessionState struct {
	linkEvents  []linkserver.Event
	linkCap     sessions.EventCap // bounds linkEvents as they come; counts the rest
	linkOutcome *linkserver.Outcome
	itemCalls   int             // API calls up to and including the Item's exchange and accounts
	walkFrom    int             // first call of the current Item's walk (0 unless an earlier Item made tokens)
	earlier     []SessionRecord // the partner walks of earlier Items, still to be saved
	attemptFrom int             // first call of the current partner's attempt (after the last token made)
	runFrom     int             // first call of the newest token's partner (the attemptFrom it had)
	saved       savedMark
	savedPaths  []string
	savedIDs    []savedID // by position in sessionRecords: earlier Items, tokens made, the attempt
	failed      keptFailure
}

// keptFailure is the last error panel shown, with the number of API calls made when it was
// and the partner being walked. esc or r close the panel, but a walk quit right after an
// error ended on that error, not on the quit: it is the walk's outcome until another call.
type keptFailure struct {
	f       *failure
	calls   int
	partner string
}

// keepFailure notes the failure on screen, if any (Update calls it after every message).
func (m *Model) keepFailure() {
	if m.failure != nil {
		m.walk.session.failed = keptFailure{f: m.failure, calls: len(m.calls), partner: m.walk.partner.ID}
	}
}

// endingFailure is the failure the walk ends on if it ends now: the one on screen, else the
// last one shown when nothing was called since and the partner is still the same; nil if none.
func (m Model) endingFailure() *failure {
	if m.failure != nil {
		return m.failure
	}
	k := m.walk.session.failed
	if k.f != nil && k.calls == len(m.calls) && k.partner == m.walk.partner.ID {
		return k.f
	}
	return nil
}

// savedID is the id a record was saved under, with its partner: the attempt's slot is reused
// when the user switches partner, and another partner's walk must not overwrite the file.
type savedID struct{ partner, id string }

// savedMark identifies what was last saved: a walk that made no call since is not saved again.
type savedMark struct{ calls, runs int }

func (m Model) mark() savedMark {
	return savedMark{calls: len(m.calls), runs: len(m.walk.session.earlier) + len(m.walk.runs)}
}

func (m *Model) keepLinkEvent(ev linkserver.Event) {
	s := &m.walk.session
	if s.linkCap.Admit() {
		s.linkEvents = append(s.linkEvents, ev)
	}
}

// attemptCalls are the calls of the current partner's walk: everything up to the Item, then
// what was called for this partner after the last partner token.
func (m Model) attemptCalls() []plaidflow.Call { return m.walkCalls(m.walk.session.attemptFrom) }

// walkCalls are the calls of a partner's walk whose own calls start at own: everything up to
// the Item, then from own on.
func (m Model) walkCalls(own int) []plaidflow.Call {
	s := m.walk.session
	calls := m.linkTokenBefore(s.walkFrom)
	from := min(s.walkFrom, len(m.calls))
	if own <= s.itemCalls || own > len(m.calls) || s.itemCalls < from {
		return append(calls, m.calls[from:]...)
	}
	calls = append(calls, m.calls[from:s.itemCalls]...)
	return append(calls, m.calls[own:]...)
}

// linkTokenBefore is the link_token call a later Item's walk reused (Link opened again with
// the same link_token), so that its session still starts with it; nil when the walk made its
// own or starts at the first call.
func (m Model) linkTokenBefore(from int) []plaidflow.Call {
	from = min(from, len(m.calls))
	if from == 0 {
		return nil
	}
	for _, c := range m.calls[from:] {
		if c.Path == "/link/token/create" {
			return nil
		}
	}
	for i := from - 1; i >= 0; i-- {
		if c := m.calls[i]; c.Path == "/link/token/create" && c.Status == 200 {
			return []plaidflow.Call{c}
		}
	}
	return nil
}

// sessionRecord is the current partner's walk so far.
func (m Model) sessionRecord(res plaidflow.PartnerResult, err error) SessionRecord {
	w := m.walk
	opts := plaidflow.WalkOptions{Link: w.linkConfig, Inputs: w.inputs}
	mode := sessions.LinkModeBrowser
	switch m.link.mode {
	case modeShortcut:
		mode = sessions.LinkModeShortcut
		sc := m.link.shortcut
		opts.InstitutionID, opts.Username, opts.Password = sc.institution, sc.username, sc.password
	case modeHosted:
		mode = sessions.LinkModeHosted
	}
	calls := m.attemptCalls()
	r := SessionRecord{Record: sessions.Record{
		Partner: w.partner, Options: opts, LinkMode: mode, Err: err, Calls: calls,
		Result: plaidflow.WalkResult{LinkToken: w.token, Item: w.item, Accounts: w.accounts, Account: w.account, Result: res},
	}}
	if len(calls) > 0 {
		last := calls[len(calls)-1]
		r.Record.Started, r.Record.Finished = calls[0].Time, last.Time.Add(last.Latency)
	}
	if mode == sessions.LinkModeBrowser {
		r.LinkEvents = append([]linkserver.Event(nil), w.session.linkEvents...)
		r.LinkEventsDropped = w.session.linkCap.Dropped()
		r.LinkOutcome = w.session.linkOutcome
	}
	return r
}

// sessionRecords are every partner's walk: the tokens made, then the current attempt if it
// called anything since.
func (m Model) sessionRecords() []SessionRecord {
	out := append([]SessionRecord(nil), m.walk.session.earlier...)
	for _, run := range m.walk.runs {
		out = append(out, run.session)
	}
	if len(m.calls) > m.walk.session.attemptFrom && m.walk.partner.ID != "" {
		var err error
		if f := m.endingFailure(); f != nil {
			err = f.err
		}
		out = append(out, m.sessionRecord(plaidflow.PartnerResult{}, err))
	}
	// Records only ever append (a token made turns the attempt into the run in the same
	// slot), so a record's position names the same partner walk from one save to the next.
	for k, id := range m.walk.session.savedIDs {
		if k < len(out) && id.partner == out[k].Record.Partner.ID {
			out[k].ID = id.id
		}
	}
	return out
}

// canSave: there is something to save and somewhere to save it.
func (m Model) canSave() bool { return m.deps.SaveSession != nil && len(m.calls) > 0 }

func (m Model) saveSession() (tea.Model, tea.Cmd) {
	if !m.canSave() {
		m.notice = "Nothing to save yet: a session starts with the first API call."
		return m, nil
	}
	m.notice = "Saving the session …"
	return m, saveSessionCmd(m.deps.SaveSession, m.Result(), m.mark())
}

func saveSessionCmd(save func(Result) ([]string, error), r Result, mark savedMark) tea.Cmd {
	return func() tea.Msg {
		ids := make([]savedID, len(r.Sessions))
		for k := range r.Sessions {
			s := &r.Sessions[k]
			if s.ID == "" {
				s.ID = sessions.NewID(s.Record.Started, s.Record.Partner.ID)
			}
			ids[k] = savedID{partner: s.Record.Partner.ID, id: s.ID}
		}
		paths, err := save(r)
		return sessionSavedMsg{paths: paths, ids: ids, err: err, mark: mark}
	}
}

func (m Model) sessionSaved(msg sessionSavedMsg) (tea.Model, tea.Cmd) {
	s := &m.walk.session
	for _, p := range msg.paths {
		if !slices.Contains(s.savedPaths, p) { // saved again: the same file, overwritten
			s.savedPaths = append(s.savedPaths, p)
		}
	}
	s.savedIDs = msg.ids
	if msg.err != nil {
		m.notice = "Could not save the session: " + oneLine(msg.err.Error())
		return m, nil
	}
	m.walk.session.saved = msg.mark
	m.notice = "Session saved: " + joinPaths(msg.paths, m.deps.getenv("HOME"))
	return m, nil
}

// joinPaths lists saved files, $HOME shortened to ~ so that the file names fit the line.
func joinPaths(paths []string, home string) string {
	out := ""
	for i, p := range paths {
		if i > 0 {
			out += " · "
		}
		out += oneLine(homeTilde(p, home))
	}
	return out
}

func homeTilde(path, home string) string {
	home = strings.TrimRight(home, "/")
	if rest, ok := strings.CutPrefix(path, home+"/"); ok && home != "" {
		return "~/" + rest
	}
	return path
}

// saveKey is shown in the help bar wherever a save is possible.
func (m Model) saveKey() []key.Binding {
	if !m.canSave() {
		return nil
	}
	return []key.Binding{m.keys.Save}
}
