package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"
)

// Update is the whole state machine; it does no I/O and returns commands for everything slow.
// A failure on screen is kept for the session, here; a new notice is wrapped once, here; one that wraps onto more lines (or fewer) than before
// resizes the step's body.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	next, cmd := m.update(msg)
	nm, ok := next.(Model)
	if !ok {
		return next, cmd
	}
	nm.keepFailure()
	if nm.rewrapNotice() {
		nm.resize(nm.width, nm.height)
	}
	return nm, cmd
}

func (m Model) update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if s, ok := msg.(apiLogged); ok && s.apiCalls() != nil {
		m.calls = s.apiCalls()
		m.refreshLog()
		m.refreshCallDetail()
	}
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.resize(msg.Width, msg.Height)
		return m, nil
	case tea.KeyMsg:
		return m.handleKey(msg)
	case spinner.TickMsg:
		if !m.busy() {
			return m, nil // nothing runs: let the tick loop stop
		}
		var cmd tea.Cmd
		m.spin, cmd = m.spin.Update(msg)
		return m, cmd
	case stepFailedMsg:
		return m.stepFailed(msg)
	case webhookReceivedMsg:
		return m.webhookReceived(msg)
	case clipboardCopiedMsg:
		m.notice = "Copied the " + msg.what + " to the clipboard (OSC 52)."
		if msg.err != nil {
			m.notice = "Could not copy the " + msg.what + ": " + msg.err.Error()
		}
		return m, nil
	case sessionSavedMsg:
		return m.sessionSaved(msg)
	case noticeRaisedMsg:
		m.notice = msg.text
		return m, nil
	case revealToggledMsg:
		m.revealLink = !m.revealLink
		return m, nil
	case failureShownMsg:
		m.failure = msg.f
		return m, nil
	case backRequestedMsg:
		return m.back()
	case browserOpenedMsg:
		if msg.err != nil {
			m.notice = "Could not open a browser (" + oneLine(msg.err.Error()) + "): open the URL yourself."
		}
		return m, nil
	}
	return m.updateFlow(msg)
}

// updateFlow routes the messages that move the walk forward.
func (m Model) updateFlow(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case linkTokenCreatedMsg:
		return m.linkTokenCreated(msg)
	case linkServerStartedMsg:
		return m.linkServerStarted(msg)
	case linkEventReceivedMsg:
		return m.linkEventReceived(msg)
	case linkEventsEndedMsg:
		return m, nil
	case linkFinishedMsg:
		return m.linkFinished(msg)
	case publicTokenCreatedMsg:
		return m.publicTokenCreated(msg)
	case linkClockMsg:
		return m.linkClockTicked(msg)
	case hostedLinkPollDueMsg:
		return m.hostedLinkPollDue(msg)
	case hostedLinkPolledMsg:
		return m.hostedLinkPolled(msg)
	case itemExchangedMsg:
		return m.itemExchanged(msg)
	case accountVerifiedMsg:
		return m.accountVerified(msg)
	case repairPageOpenedMsg, repairLinkEndedMsg: // the update-mode page of the repair or of the deposit code
		if m.step == stepDepositCode {
			return m.updateDepositCode(msg)
		}
		return m.updateRepair(msg)
	case itemBrokenMsg, itemRepairedMsg:
		return m.updateRepair(msg)
	case codeLinkTokenCreatedMsg:
		return m.updateDepositCode(msg)
	case depositCodeAcceptedMsg:
		return m.depositCodeAccepted(msg)
	case itemTriedMsg:
		var cmd tea.Cmd
		var out tea.Msg
		m.try, cmd, out = m.try.update(msg, m.env())
		return m.reply(cmd, out)
	case partnerViewReadMsg, partnerViewProgressedMsg:
		var cmd tea.Cmd
		var out tea.Msg
		m.pview, cmd, out = m.pview.update(msg, m.env())
		return m.reply(cmd, out)
	case progressReportedMsg, partnerTokenCreatedMsg:
		var cmd tea.Cmd
		var out tea.Msg
		m.ptoken, cmd, out = m.ptoken.update(msg, m.env())
		return m.reply(cmd, out)
	}
	return m.transition(msg)
}

func (m Model) handleKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	m.notice = ""
	if key.Matches(msg, m.keys.Help) && m.helpKeyFree(msg) {
		m.help.ShowAll = !m.help.ShowAll
		m.resize(m.width, m.height)
		return m, nil
	}
	if m.detail.open {
		return m.handleCallDetailKey(msg)
	}
	if m.showLog && len(m.calls) > 0 && (key.Matches(msg, m.keys.CallDetailAnywhere) ||
		(!m.textFocused() && key.Matches(msg, m.keys.CallDetail))) {
		return m.openCallDetail()
	}
	if m.confirming {
		return m.handleConfirmKey(msg)
	}
	if key.Matches(msg, m.keys.APILogAnywhere) {
		return m.toggleLog(), nil
	}
	if key.Matches(msg, m.keys.Save) {
		return m.saveSession()
	}
	if !m.textFocused() {
		switch {
		case key.Matches(msg, m.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.keys.WebhookBody) && m.webhookPaneShown():
			m.hooks.showBody = !m.hooks.showBody
			return m, nil
		case key.Matches(msg, m.keys.APILog):
			return m.toggleLog(), nil
		}
	}
	if m.showLog && key.Matches(msg, m.keys.PageUp, m.keys.PageDown) {
		var cmd tea.Cmd
		m.logView, cmd = m.logView.Update(msg)
		return m, cmd
	}
	if m.failure != nil {
		return m.handleFailureKey(msg)
	}
	if key.Matches(msg, m.keys.Back) {
		return m.back()
	}
	return m.handleStepKey(msg)
}

func (m Model) handleStepKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	s, ok := m.slot()
	if !ok {
		return m, nil
	}
	cmd, out := s.update(msg, m.env())
	return m.reply(cmd, out)
}

// textFocused is true where letters are typed into a field, so q and l must not quit or
// toggle: the partner filter and the option fields.
func (m Model) textFocused() bool {
	switch {
	case m.failure != nil:
		return false
	case m.step == stepPartner:
		return true
	case m.step == stepOptions:
		return m.options.focusedIsText()
	}
	return false
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	m.cancel()
	m.quitting = true
	return m, tea.Sequence(closeSessionCmd(m.link.session), tea.Quit)
}

func (m Model) toggleLog() Model {
	m.showLog = !m.showLog
	m.resize(m.width, m.height)
	return m
}

// back goes one step back; what was typed or chosen stays as it was.
func (m Model) back() (tea.Model, tea.Cmd) {
	m.cancel()
	m.op++ // anything still running belongs to the step being left
	m.failure = nil
	var cmd tea.Cmd
	if m.step == stepLink {
		m, cmd = m.leaveLink() // the page closes, and the notice says so
	} else if s, ok := m.slot(); ok {
		s.back()
	}
	if m.step == stepPartner { // esc on the list clears the filter; there is nothing before it
		return m, nil
	}
	next, _ := m.transition(steppedBackMsg{})
	return next, cmd
}
