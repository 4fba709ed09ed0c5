package tui

import (
	"time"

	"context"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/spinner"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// step is where the walk is.
type step int

const (
	stepPartner step = iota
	stepOptions
	stepLinkToken
	stepLink
	stepExchange
	stepPartnerToken
	stepResults
	stepPartnerView // after the hand-off (p on the results)
	stepRepair      // after the hand-off (b on the partner view)
	stepVerify      // part of step 5: a picked account that waits on micro-deposits (verify.go)
	stepDepositCode // after the hand-off (m on the partner view): the Same-Day code in update mode
	stepTryItem     // after the hand-off (t on the results): calls on the Item (tryitem.go)
)

var stepNames = [...]string{"partner", "options", "link_token", "link", "exchange", "partner_token", "results", "partner_view", "repair", "verify", "deposit_code", "try_item"}

func (s step) String() string {
	if int(s) < len(stepNames) {
		return stepNames[s]
	}
	return "unknown"
}

// Model is the root of the UI: the walk's state plus one model per step.
type Model struct {
	ctx   context.Context
	deps  Deps
	st    styles
	keys  keyMap
	help  help.Model
	spin  spinner.Model
	start startSessionFunc

	width, height int
	step          step
	showLog       bool
	logView       viewport.Model
	detail        callDetail // one API call's whole bodies, in place of the step
	calls         []plaidflow.Call
	failure       *failure
	confirming    bool   // production: waiting for y before creating anything
	confirmFor    step   // what y creates: the link_token, or a partner token on a reused Item
	notice        string // one line of feedback (copied, browser failed to open)
	noticeWrap    wrappedNotice
	revealLink    bool        // v: the link_token, and the Hosted Link URL that carries it, shown whole
	codeLang      string      // the code view's language (code.go); g switches it
	hooks         webhookPane // what the walk's own receiver got (webhooks.go)
	quitting      bool

	op       int
	opCtx    context.Context // the current operation's context; cancelled by back and quit
	cancelOp context.CancelFunc

	partner  partnerModel
	options  optionsModel
	linktok  linkTokenModel
	link     linkModel
	exchange exchangeModel
	ptoken   partnerTokenModel
	results  resultsModel
	pview    partnerReadModel
	repair   repairModel
	verify   verifyModel
	code     depositCodeModel
	try      tryItemModel

	walk walkState
}

// walkState is what the walk has produced so far; it outlives the step models.
type walkState struct {
	partner     plaidflow.Partner
	linkConfig  plaidflow.LinkConfig
	inputs      plaidflow.PartnerInputs
	token       plaidflow.LinkToken
	publicToken string
	linkMeta    linkserver.Outcome
	item        plaidflow.Item
	exchanged   string // the public_token item came from
	accounts    plaidflow.ItemAccounts
	account     plaidflow.Account
	reuseItem   bool               // "another partner with this Item": Link is skipped
	authFlow    plaidflow.AuthFlow // the Link options' Auth flow; zero for the login
	runs        []PartnerRun
	session     sessionState // what saving the session needs
}

// New makes the root model; r renders the styles (nil: lipgloss's default renderer).
func New(ctx context.Context, d Deps, r *lipgloss.Renderer) Model {
	st := newStyles(r)
	m := Model{
		ctx: ctx, deps: d, st: st, keys: newKeyMap(), help: help.New(),
		spin:  spinner.New(spinner.WithSpinner(slowSpinner), spinner.WithStyle(st.accent)),
		width: 80, height: 24,
		logView:  viewport.New(80, 8),
		start:    adaptStart(d.StartLink),
		walk:     walkState{session: newSessionState(d.Log)},
		codeLang: d.CodeLang,
	}
	pre, found := d.Catalog.Find(d.PartnerID)
	m.partner = newPartnerModel(d.Catalog, pre.ID, st)
	if found && d.PartnerID != "" && pre.Runnable() {
		next, _ := m.transition(partnerChosenMsg{partner: pre}) // --partner: straight to its options; esc shows the list
		m = next.(Model)
	}
	m.resize(m.width, m.height)
	return m
}

// slowSpinner ticks four times a second: enough to show life, cheap while an API call runs.
var slowSpinner = spinner.Spinner{Frames: []string{"-", "\\", "|", "/"}, FPS: time.Second / 4}

func adaptStart(start StartLinkFunc) startSessionFunc {
	if start == nil {
		return nil
	}
	return func(ctx context.Context, o linkserver.Options) (linkSession, error) {
		s, err := start(ctx, o)
		if err != nil {
			return nil, err
		}
		return s, nil
	}
}

func (m Model) Init() tea.Cmd { return listenWebhooksCmd(m.deps.Webhooks) }

// busy reports whether an API call is running (the only time the spinner ticks).
func (m Model) busy() bool {
	s, ok := m.slot()
	return ok && s.get().busy()
}

// newOp starts a new operation: the previous one is cancelled and its late answers ignored.
func (m *Model) newOp() (context.Context, int) {
	m.cancel()
	m.op++
	ctx, cancel := context.WithCancel(m.ctx)
	m.opCtx, m.cancelOp = ctx, cancel
	return ctx, m.op
}

func (m *Model) cancel() {
	if m.cancelOp != nil {
		m.cancelOp()
		m.cancelOp = nil
	}
}

func (m Model) startSpinner() tea.Cmd { return m.spin.Tick }

// closeSession shuts the Link page server if one is open; Run calls it after the program ends.
func (m Model) closeSession() {
	if m.link.session != nil {
		_ = m.link.session.Close()
	}
}

func (m *Model) resize(w, h int) {
	m.width, m.height = w, h
	m.rewrapNotice()
	m.help.Width = w
	bodyH := m.bodyHeight()
	m.partner.setSize(w, bodyH)
	m.exchange.setSize(w, bodyH)
	m.logView.Width = w
	m.logView.Height = max(m.logHeight()-1, 1) // one line for the pane's header
	m.refreshLog()
	m.refreshCallDetail()
}

// Layout: banner, title, body, optional API log, notice, help.
func (m Model) logHeight() int {
	if !m.showLog || m.detail.open {
		return 0
	}
	return max(4, (m.height-4)/2)
}

// helpHeight is one line, or the full key list while ? is on.
func (m Model) helpHeight() int {
	if !m.help.ShowAll {
		return 1
	}
	return min(lipgloss.Height(m.helpView()), 6)
}

func (m Model) bodyHeight() int {
	h := m.height - 2 - m.noticeHeight() - m.helpHeight() - m.logHeight()
	if m.logHeight() > 0 {
		h-- // the pane's top border (the call detail hides the pane, border and all)
	}
	return max(h, 3)
}
