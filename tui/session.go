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

// SessionRecord is one partner's walk as the sessions package takes it: Record's calls and
// Link come from the walk's attempts (see sessions.Attempts), never from positions in the log.
type SessionRecord struct {
	// ID is the id the walk was saved under by an earlier save (ctrl+s), so that saving it
	// again (ctrl+s once more, or when the UI closes) overwrites that file rather than adding
	// a second copy; empty when it was never saved.
	ID       string
	Record   sessions.Record
	attempts []sessions.AttemptID // the attempts the walk was made of, oldest first
}

// sessionState is what a save needs beyond the walk itself. The walk opens attempts (a
// link_token, a Link session, a partner token) and the API log's listener fills them; a
// partner's walk is the attempts that made its Item and its own since the last token made.
type sessionState struct {
	attempts   *sessions.Attempts
	stop       func()               // stops the API log's listener (Run calls it at the end)
	item       []sessions.AttemptID // the attempts that made the current Item
	own        []sessions.AttemptID // the attempts since the last partner token was made
	earlier    []SessionRecord      // the partner walks of earlier Items, still to be saved
	saved      savedMark
	savedPaths []string
	savedIDs   []savedID // by position in sessionRecords: earlier Items, tokens made, the attempt
	failed     keptFailure
}

// newSessionState records the walk's attempts from log (nil: calls reach them only through
// AddCall, as in tests without an API).
func newSessionState(log *plaidflow.APILog) sessionState {
	a := sessions.NewAttempts()
	return sessionState{attempts: a, stop: a.Listen(log)}
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

// openAttempt starts a new attempt of the current partner's walk (the transition calls it).
func (m *Model) openAttempt() sessions.AttemptID {
	s := &m.walk.session
	id := s.attempts.Open(m.walk.partner)
	s.own = append(slices.Clip(s.own), id) // a copy: an older model keeps its own list
	return id
}

// openLinkAttempt is the attempt a Link session (in mode) is recorded in: the one the
// link_token was just made in, or a new one when Link already ran since (Link opened again
// with the same link_token, or the sandbox shortcut after the page).
func (m *Model) openLinkAttempt(mode linkMode) {
	s := &m.walk.session
	id, ok := s.attempts.Latest()
	if !ok || len(s.own) == 0 || s.own[len(s.own)-1] != id || s.attempts.Get(id)[0].LinkMode != "" {
		id = m.openAttempt()
	}
	s.attempts.LinkStarted(id, mode.sessionMode())
	m.link.attempt = id
}

// sessionMode is the mode's name in a saved session.
func (l linkMode) sessionMode() string {
	switch l {
	case modeShortcut:
		return sessions.LinkModeShortcut
	case modeHosted:
		return sessions.LinkModeHosted
	}
	return sessions.LinkModeBrowser
}

// closeAttempt ends the newest attempt with err (nil: it did what it set out to do).
func (m Model) closeAttempt(err error) {
	if id, ok := m.walk.session.attempts.Latest(); ok {
		m.walk.session.attempts.Close(id, err)
	}
}

// itemMade: the attempts since the last token made are the ones that made the new Item.
func (s *sessionState) itemMade() { s.item = slices.Clone(s.own) }

// walkAttempts are the current partner's walk: the attempts that made the Item, then its own.
func (s sessionState) walkAttempts() []sessions.AttemptID {
	out := slices.Clone(s.item)
	for _, id := range s.own {
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	slices.Sort(out)
	return out
}

func (m *Model) keepLinkEvent(ev linkserver.Event) {
	m.walk.session.attempts.LinkEvent(m.link.attempt, ev)
}

// sessionRecord is the current partner's walk so far, without its calls and Link (filled
// from its attempts when the walk is saved, see sessionRecords).
func (m Model) sessionRecord(res plaidflow.PartnerResult, err error) SessionRecord {
	w := m.walk
	opts := plaidflow.WalkOptions{Link: w.linkConfig, Inputs: w.inputs}
	if opts.Link.Webhook != "" && opts.Link.Webhook == m.deps.WebhookURL {
		opts.Link.Webhook = "" // the receiver's URL holds a per-walk secret; a replay gets its own
	}
	if m.link.mode == modeShortcut {
		sc := m.link.shortcut
		opts.InstitutionID, opts.Username, opts.Password = sc.institution, sc.username, sc.password
	}
	return SessionRecord{attempts: w.session.walkAttempts(), Record: sessions.Record{
		Partner: w.partner, Options: opts, LinkMode: m.link.mode.sessionMode(), Err: err,
		Result: plaidflow.WalkResult{LinkToken: w.token, Item: w.item, Accounts: w.accounts, Account: w.account, Result: res},
	}}
}

// filled is r with its calls, Link and times read from its attempts.
func (s sessionState) filled(r SessionRecord) SessionRecord {
	r.Record = s.attempts.WithAttempts(r.Record, r.attempts...)
	return r
}

// ownCalled: the current partner called something since the last token was made.
func (m Model) ownCalled() bool {
	for _, a := range m.walk.session.attempts.Get(m.walk.session.own...) {
		if len(a.Calls) > 0 {
			return true
		}
	}
	return false
}

// sessionRecords are every partner's walk: the tokens made, then the current attempt if it
// called anything since.
func (m Model) sessionRecords() []SessionRecord {
	out := append([]SessionRecord(nil), m.walk.session.earlier...)
	for _, run := range m.walk.runs {
		out = append(out, run.session)
	}
	if m.walk.partner.ID != "" && m.ownCalled() {
		var err error
		if f := m.endingFailure(); f != nil {
			err = f.err
		}
		out = append(out, m.sessionRecord(plaidflow.PartnerResult{}, err))
	}
	// Records only ever append (a token made turns the attempt into the run in the same
	// slot), so a record's position names the same partner walk from one save to the next.
	for k := range out {
		out[k] = m.walk.session.filled(out[k])
		if k < len(m.walk.session.savedIDs) && m.walk.session.savedIDs[k].partner == out[k].Record.Partner.ID {
			out[k].ID = m.walk.session.savedIDs[k].id
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
