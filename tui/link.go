package tui

import (
	"errors"
	"time"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// Step 4: Link. In browser mode a local page serves Link and its callbacks stream in; Hosted
// Link opens Plaid's URL and polls /link/token/get; the sandbox shortcut needs no browser.
// While waiting nothing ticks: the UI wakes only when Link reports something.

type linkModel struct {
	mode            linkMode
	shortcut        shortcut
	session         linkSession
	sessionOp       int                // the operation that started session; its events are always shown
	attempt         sessions.AttemptID // the attempt this Link session is recorded in
	url             string
	feed            []string
	waiting         bool // the page is up and Link has not finished
	polling         bool // Hosted Link: /link/token/get is asked every few seconds
	shortcutRunning bool
	ended           string        // why Link stopped without a public_token (timeout, closed)
	since           time.Time     // when the wait began (the clock's zero)
	elapsed         time.Duration // how long the wait has lasted, moved by the clock's ticks
}

const maxFeed = 50

// busy: only the sandbox shortcut is an API call; waiting on the browser is not.
func (l linkModel) busy() bool { return l.shortcutRunning }

func (m Model) startLink() (tea.Model, tea.Cmd) {
	closeOld := closeSessionCmd(m.link.session)
	ctx, op := m.newOp()
	m.link = linkModel{mode: m.link.mode, shortcut: m.link.shortcut}
	m.openLinkAttempt(m.link.mode) // a new Link session, recorded in an attempt of its own
	switch m.link.mode {
	case modeShortcut:
		return m.runShortcut(closeOld)
	case modeHosted:
		url := m.walk.token.HostedLinkURL // checked when the token came (linkTokenCreated)
		m.link.url, m.link.polling = url, true
		return m, tea.Batch(closeOld, m.openBrowser(url), hostedLinkPollAfterCmd(linkserver.HostedInterval, op), m.startClock(time.Now(), op))
	}
	return m, tea.Batch(closeOld, startLinkServerCmd(ctx, m.start, m.linkServerOptions(), op))
}

// linkServerOptions are the page's options as given (plaidflow's script, origins, label),
// with this walk's link_token and redirect URI.
func (m Model) linkServerOptions() linkserver.Options {
	o := m.deps.Link
	o.LinkToken, o.RedirectURI = m.walk.token.Token, m.walk.linkConfig.RedirectURI
	return o
}

func (m Model) openBrowser(url string) tea.Cmd {
	if m.deps.NoBrowser {
		return nil
	}
	return openBrowserCmd(m.deps.OpenBrowser, url)
}

// switchToShortcut leaves the page or Hosted Link for the sandbox shortcut, in an attempt of
// its own.
func (m Model) switchToShortcut() (tea.Model, tea.Cmd) {
	closeCmd := closeSessionCmd(m.link.session)
	m.link.session, m.link.waiting, m.link.polling, m.link.ended = nil, false, false, ""
	m.openLinkAttempt(modeShortcut)
	return m.runShortcut(closeCmd)
}

func (m Model) runShortcut(first tea.Cmd) (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.link.mode = modeShortcut
	m.link.shortcutRunning = true
	cmd := sandboxPublicTokenCmd(ctx, m.deps.Client, m.deps.Log, m.link.shortcut, m.walk.linkConfig.Products, op)
	return m, tea.Batch(first, cmd, m.startSpinner())
}

func (m Model) linkServerStarted(msg linkServerStartedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, closeSessionCmd(msg.session) // the user left before the page was up
	}
	m.link.session, m.link.url, m.link.waiting = msg.session, msg.session.URL(), true
	m.link.sessionOp = msg.op
	return m, tea.Batch(
		listenLinkEventsCmd(msg.session.Events(), msg.op),
		waitLinkCmd(m.opCtx, msg.session, msg.op),
		m.openBrowser(m.link.url),
		m.startClock(time.Now(), msg.op),
	)
}

func (m Model) linkEventReceived(msg linkEventReceivedMsg) (tea.Model, tea.Cmd) {
	next := listenLinkEventsCmd(msg.events, msg.op)          // drain to the end, even for an old session
	if m.link.session != nil && msg.op == m.link.sessionOp { // late events of a finished session too
		m.keepLinkEvent(msg.event)
		m.link.feed = append(m.link.feed, formatLinkEvent(msg.event))
		if len(m.link.feed) > maxFeed {
			m.link.feed = m.link.feed[len(m.link.feed)-maxFeed:]
		}
	}
	return m, next
}

func (m Model) linkFinished(msg linkFinishedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.link.waiting = false
	out := msg.outcome
	if msg.err != nil {
		m.failure = &failure{step: stepLink, title: "Waiting for Link failed", text: msg.err.Error(), err: msg.err}
		m.closeAttempt(msg.err)
		return m, closeSessionCmd(m.link.session)
	}
	m.walk.session.attempts.LinkEnded(m.link.attempt, out)
	token, err := plaidflow.PublicTokenFrom(linkEnd(out, m.linkTimeout()))
	var pe *plaidflow.PlaidError
	switch {
	case err == nil:
		next, cmd := m.transition(publicTokenReceivedMsg{publicToken: token, outcome: out})
		return next, tea.Batch(cmd, closeSessionCmd(m.link.session))
	case errors.As(err, &pe):
		m.failure = linkExitFailure("Link exited with an error", pe)
	default: // closed, or plaidwalk gave up waiting
		m.link.ended = err.Error() + "."
	}
	m.closeAttempt(err)
	return m, closeSessionCmd(m.link.session)
}

// linkEnd is the page's outcome in plaidflow's terms; plaidflow decides what it means.
func linkEnd(out linkserver.Outcome, timeout time.Duration) plaidflow.LinkEnd {
	end := plaidflow.LinkEnd{What: "Link", PublicToken: out.PublicToken, ExitStatus: out.ExitStatus,
		TimedOut: out.TimedOut, Timeout: timeout}
	if e := out.ExitError; e != nil {
		end.ExitError = plaidflow.LinkExitError("", e.ErrorType, e.ErrorCode, e.ErrorMessage, e.DisplayMessage, out.RequestID)
	}
	return end
}

func (m Model) linkTimeout() time.Duration {
	if m.deps.Link.Timeout > 0 {
		return m.deps.Link.Timeout
	}
	return plaidflow.DefaultLinkTimeout
}

func (m Model) publicTokenCreated(msg publicTokenCreatedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.link.shortcutRunning = false
	return m.transition(publicTokenReceivedMsg{publicToken: msg.publicToken, outcome: linkserver.Outcome{PublicToken: msg.publicToken}})
}

func (m Model) hostedLinkPollDue(msg hostedLinkPollDueMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op || !m.link.polling {
		return m, nil
	}
	return m, pollHostedLinkCmd(m.opCtx, m.deps.Client, m.deps.Log, m.walk.token.Token, msg.op)
}

func (m Model) hostedLinkPolled(msg hostedLinkPolledMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op || !m.link.polling {
		return m, nil
	}
	r := msg.result
	if !r.Done {
		return m, hostedLinkPollAfterCmd(linkserver.HostedInterval, msg.op)
	}
	m.link.polling = false
	token, err := plaidflow.PublicTokenFrom(plaidflow.LinkEnd{What: "Hosted Link", PublicToken: r.PublicToken, ExitError: r.ExitError})
	var pe *plaidflow.PlaidError
	switch {
	case err == nil:
		return m.transition(publicTokenReceivedMsg{publicToken: token, outcome: linkserver.Outcome{PublicToken: token}})
	case errors.As(err, &pe):
		m.failure = linkExitFailure("Hosted Link exited with an error", pe)
		m.failure.err = pe // as /link/token/get's answer, it is recorded as the attempt's error
	default:
		m.link.ended = err.Error() + "."
	}
	m.closeAttempt(err)
	return m, nil
}

// leaveLink stops the Link step (cancel, back) and closes its page.
func (m Model) leaveLink() (Model, tea.Cmd) {
	switch {
	case m.link.polling:
		m.notice = "Hosted Link cancelled: plaidwalk stopped asking /link/token/get. Enter opens it again."
	case m.link.waiting:
		m.notice = "Link cancelled: its page is closed. Enter opens it again."
	case m.link.shortcutRunning:
		m.notice = "Sandbox shortcut cancelled. Enter runs it again."
	}
	m.cancel()
	m.op++
	closeCmd := closeSessionCmd(m.link.session)
	m.link = linkModel{mode: m.link.mode, shortcut: m.link.shortcut}
	return m, closeCmd
}

// update handles the Link step's keys. Leaving, the shortcut and opening Link again change
// the walk: it asks the root for them with a message.
func (l linkModel) update(msg tea.Msg, env stepEnv) (linkModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return l, nil, nil
	}
	k := env.keys
	switch {
	case key.Matches(km, k.Reopen) && l.url != "":
		return l, openBrowserCmd(env.deps.OpenBrowser, l.url), nil
	case key.Matches(km, k.CopyURL) && l.url != "":
		return l, env.copy(l.url, "Link URL"), nil
	case key.Matches(km, k.Shortcut) && env.deps.Config.Env != plaidflow.EnvProduction && !l.shortcutRunning:
		return l, nil, shortcutRequestedMsg{}
	case key.Matches(km, k.Cancel):
		return l, nil, backRequestedMsg{}
	case key.Matches(km, k.Retry) && l.ended != "":
		return l, nil, linkTokenAcceptedMsg{}
	case key.Matches(km, k.Reveal) && env.urlHidesToken(l.url):
		return l, nil, revealToggledMsg{}
	}
	return l, nil, nil
}

func (l linkModel) help(env stepEnv) []key.Binding {
	k := env.keys
	var ks []key.Binding
	if l.ended != "" {
		ks = append(ks, withHelp(k.Retry, "open Link again"))
	}
	if l.url != "" {
		ks = append(ks, k.Reopen, k.CopyURL)
	}
	if env.urlHidesToken(l.url) {
		what := "show URL"
		if env.reveal {
			what = "mask URL"
		}
		ks = append(ks, withHelp(k.Reveal, what))
	}
	ks = append(ks, k.Back) // esc and x both leave Link for the link_token screen
	if env.deps.Config.Env != plaidflow.EnvProduction && l.mode != modeShortcut {
		ks = append(ks, k.Shortcut)
	}
	return join(ks, env.saveKey(), []key.Binding{k.Cancel})
}
