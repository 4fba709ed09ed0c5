package tui

import (
	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// A step is one screen of the walk, a type of its own (partnerModel, optionsModel, ...). It
// updates and draws itself from a stepEnv, a copy of what it may read of the root, and tells
// the root anything else by returning a message: the message that finishes it (see
// transition.go), a notice, a failure. Its update has the shape
//
//	func (s xModel) update(msg tea.Msg, env stepEnv) (xModel, tea.Cmd, tea.Msg)
//
// where the last value, when not nil, is handled by the root at once, before it draws.
// Adding a step: its file, a step constant and a field of Model (model.go), its case in slot
// (below), and its line in the transition.
type stepModel interface {
	view(env stepEnv) string        // the body of the screen
	help(env stepEnv) []key.Binding // its keys, most useful first
	busy() bool                     // an API call runs: the spinner ticks
}

// stepSlot is the current step's model as the root drives it: read it (view, help, busy),
// update it in place, step it back.
type stepSlot struct {
	get    func() stepModel
	update func(msg tea.Msg, env stepEnv) (tea.Cmd, tea.Msg)
	back   func()
}

// slotOf makes the slot of the step model at p from its type's update and back (nil: the
// step has nothing of its own to undo).
func slotOf[S stepModel](p *S, update func(S, tea.Msg, stepEnv) (S, tea.Cmd, tea.Msg), back func(S) S) stepSlot {
	return stepSlot{
		get: func() stepModel { return *p },
		update: func(msg tea.Msg, env stepEnv) (tea.Cmd, tea.Msg) {
			var cmd tea.Cmd
			var out tea.Msg
			*p, cmd, out = update(*p, msg, env)
			return cmd, out
		},
		back: func() {
			if back != nil {
				*p = back(*p)
			}
		},
	}
}

// slot is the current step's slot: the one place that maps a step to its model, so that the
// root's update, view, help, busy and back need no case per step.
func (m *Model) slot() (stepSlot, bool) {
	switch m.step {
	case stepPartner:
		return slotOf(&m.partner, partnerModel.update, partnerModel.back), true
	case stepOptions:
		return slotOf(&m.options, optionsModel.update, nil), true
	case stepLinkToken:
		return slotOf(&m.linktok, linkTokenModel.update, linkTokenModel.back), true
	case stepLink:
		return slotOf(&m.link, linkModel.update, nil), true // leaving Link is the root's (leaveLink)
	case stepExchange:
		return slotOf(&m.exchange, exchangeModel.update, exchangeModel.back), true
	case stepPartnerToken:
		return slotOf(&m.ptoken, partnerTokenModel.update, partnerTokenModel.back), true
	case stepResults:
		return slotOf(&m.results, resultsModel.update, nil), true
	case stepPartnerView:
		return slotOf(&m.pview, partnerReadModel.update, partnerReadModel.back), true
	case stepRepair:
		return slotOf(&m.repair, repairModel.update, repairModel.back), true
	case stepVerify:
		return slotOf(&m.verify, verifyModel.update, verifyModel.back), true
	case stepDepositCode:
		return slotOf(&m.code, depositCodeModel.update, depositCodeModel.back), true
	case stepTryItem:
		return slotOf(&m.try, tryItemModel.update, tryItemModel.back), true
	}
	return stepSlot{}, false
}

// stepEnv is what a step reads of the root.
type stepEnv struct {
	st       styles
	keys     keyMap
	deps     Deps
	walk     walkState
	spin     string // the spinner's frame
	width    int
	height   int  // the body's lines
	reveal   bool // v: the link_token (and a URL that carries it) shown whole
	canSave  bool
	mode     linkMode // how Link runs (the Link step's mode)
	op       int      // the current operation: a message of another one is late
	codeLang string   // the code view's language (code.go)
}

func (m Model) env() stepEnv {
	e := m.keysEnv()
	e.height = m.bodyHeight()
	return e
}

// keysEnv is the env without the body's height, which depends on the help bar's: what a
// step's help reads.
func (m Model) keysEnv() stepEnv {
	return stepEnv{
		st: m.st, keys: m.keys, deps: m.deps, walk: m.walk, spin: m.spin.View(),
		width: m.width, reveal: m.revealLink, canSave: m.canSave(), mode: m.link.mode, op: m.op, codeLang: m.codeLang,
	}
}

// copy puts text on the clipboard (OSC 52).
func (e stepEnv) copy(text, what string) tea.Cmd {
	w := e.deps.Clipboard
	if w == nil {
		w = e.deps.Output
	}
	return copyCmd(w, e.deps.Getenv, text, what)
}

// revealToggledMsg: v on a screen with the link_token: it is shown whole, or masked again.
type revealToggledMsg struct{}

// saveKey is ctrl+s where a save is possible.
func (e stepEnv) saveKey() []key.Binding {
	if !e.canSave {
		return nil
	}
	return []key.Binding{e.keys.Save}
}

// backRequestedMsg: a step's own key for leaving it (x on Link) asks for what esc does.
type backRequestedMsg struct{}

// noticeRaisedMsg: a step has one line of feedback for the notice bar.
type noticeRaisedMsg struct{ text string }

// failureShownMsg: a step failed; the root shows the error panel.
type failureShownMsg struct{ f *failure }

// reply is what a step's update hands the root: its command, then the message (if any) the
// root handles now.
func (m Model) reply(cmd tea.Cmd, out tea.Msg) (tea.Model, tea.Cmd) {
	if out == nil {
		return m, cmd
	}
	next, more := m.update(out)
	return next, tea.Batch(cmd, more)
}

// reusedItemProducts are the products the reused Item was linked with (the link_token's);
// nil when no Item is reused.
func (w walkState) reusedItemProducts() []string {
	if !w.reuseItem {
		return nil
	}
	return append([]string{}, w.linkConfig.Products...)
}

// missingProducts are the partner's Link products the reused Item lacks; nil outside reuse.
func (w walkState) missingProducts(p plaidflow.Partner) []string {
	if !w.reuseItem {
		return nil
	}
	return productsMissing(p, w.linkConfig.Products)
}
