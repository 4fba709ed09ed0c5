package tui

import (
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// The walk's transitions. A step finishes by returning one of the messages below; the
// root's transition alone decides what comes next, and this file is the only place the
// current step changes. Adding a step is a file of its own plus a line in enter.

// partnerChosenMsg: Enter on a partner of the list. newLink: the reused Item cannot serve
// it, so Link runs again for it.
type partnerChosenMsg struct {
	partner plaidflow.Partner
	newLink bool
}

// optionsSubmittedMsg: the options form read without a problem.
type optionsSubmittedMsg struct {
	choices choices
	reuse   bool // only the partner's inputs were asked for: the Item is kept
}

// linkTokenAcceptedMsg: Enter on the link_token made: Link opens (or the shortcut runs).
type linkTokenAcceptedMsg struct{}

// publicTokenReceivedMsg: Link (the page, Hosted Link or the shortcut) gave a public_token.
type publicTokenReceivedMsg struct {
	publicToken string
	outcome     linkserver.Outcome
}

// itemReadMsg: the public_token was exchanged and the Item's accounts were read.
type itemReadMsg struct{}

// accountChosenMsg: Enter on an account the partner can use.
type accountChosenMsg struct{ account plaidflow.Account }

// partnerTokenMadeMsg: the partner token was made.
type partnerTokenMadeMsg struct{ result plaidflow.PartnerResult }

// shortcutRequestedMsg: s on the Link step: the sandbox shortcut instead of the page.
type shortcutRequestedMsg struct{}

// anotherPartnerRequestedMsg: a on the results: the Item is kept for another partner.
type anotherPartnerRequestedMsg struct{}

// steppedBackMsg: esc (or x on Link) left the step; it already reset itself.
type steppedBackMsg struct{}

// confirmedMsg: y on the production warning.
type confirmedMsg struct{}

// retryRequestedMsg: r on the error panel: the failed step runs again.
type retryRequestedMsg struct{ step step }

// transition moves the walk on after a step finished.
func (m Model) transition(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case partnerChosenMsg:
		return m.partnerChosen(msg)
	case optionsSubmittedMsg:
		return m.optionsSubmitted(msg)
	case linkTokenAcceptedMsg:
		return m.enter(stepLink)
	case publicTokenReceivedMsg:
		m.walk.publicToken, m.walk.linkMeta = msg.publicToken, msg.outcome
		return m.enter(stepExchange)
	case itemReadMsg:
		return m.openAccounts()
	case accountChosenMsg:
		if plaidflow.AwaitsMicrodeposits(msg.account.Verification) {
			return m.offerVerification(msg.account)
		}
		return m.accountSettled(msg.account)
	case verificationRequestedMsg:
		return m.enter(stepVerify)
	case depositCodeRequestedMsg:
		return m.enter(stepDepositCode)
	case verificationSettledMsg:
		return m.accountSettled(msg.account)
	case shortcutRequestedMsg:
		return m.switchToShortcut()
	case partnerTokenMadeMsg:
		m.closeAttempt(nil)
		m.walk.runs = append(m.walk.runs, PartnerRun{Partner: m.walk.partner, Account: m.walk.account, Result: msg.result,
			session: m.sessionRecord(msg.result, nil)})
		m.walk.session.own = nil // the next partner's attempts start here
		m.results = newResults(msg.result)
		return m.enter(stepResults)
	case codeLangNextMsg:
		m.codeLang = nextCodeLang(m.codeLang)
		return m, nil
	case partnerViewRequestedMsg:
		return m.enter(stepPartnerView)
	case repairRequestedMsg:
		return m.enter(stepRepair)
	case tryItemRequestedMsg:
		m.try = tryItemModel{}
		return m.enter(stepTryItem)
	case tryCallChosenMsg:
		return m.runTry(msg)
	case anotherPartnerRequestedMsg:
		m.walk.reuseItem = true
		m.partner.clearFilter()
		m.notice = "Pick another partner: Item " + maskID(m.walk.item.ItemID) + " is kept and Link is skipped."
		return m.enter(stepPartner)
	case steppedBackMsg:
		m.step = m.previous()
		return m, nil
	case confirmedMsg:
		m.confirming = false
		return m.enter(m.confirmFor)
	case retryRequestedMsg:
		return m.enter(msg.step)
	}
	return m, nil
}

// enter makes s the current step and starts it. A link_token and a partner token each open
// an attempt of the walk; Link opens one when it starts (see openLinkAttempt).
func (m Model) enter(s step) (tea.Model, tea.Cmd) {
	m.failure = nil
	m.step = s
	switch s {
	case stepLinkToken:
		m.openAttempt()
		return m.createLinkToken()
	case stepLink:
		return m.startLink()
	case stepExchange:
		return m.runExchange()
	case stepPartnerToken:
		m.openAttempt()
		return m.runPartnerToken()
	case stepPartnerView:
		return m.runPartnerView()
	case stepRepair:
		return m.runRepair()
	case stepVerify:
		return m.runVerify()
	case stepDepositCode:
		return m.runDepositCode()
	}
	return m, nil
}

// accountSettled goes on to the partner's token for account: picked, and verified or left
// waiting on its micro-deposits.
func (m Model) accountSettled(a plaidflow.Account) (tea.Model, tea.Cmd) {
	m.walk.account = a
	if m.walk.reuseItem && m.deps.Config.Env == plaidflow.EnvProduction {
		// Link's confirmation covered the first partner only: this one is asked for anew.
		m.confirming, m.confirmFor = true, stepPartnerToken
		return m, nil
	}
	return m.enter(stepPartnerToken)
}

// openAccounts enters the exchange step with the Item's accounts already read: the account
// picker opens without calling anything.
func (m Model) openAccounts() (tea.Model, tea.Cmd) {
	m.failure = nil
	m.step = stepExchange
	return m.showAccounts()
}

// partnerChosen moves on from the list. With an Item kept from a finished walk, Link is
// skipped: only the new partner's own inputs are asked for, then its account.
func (m Model) partnerChosen(msg partnerChosenMsg) (tea.Model, tea.Cmd) {
	if msg.newLink {
		m.walk.reuseItem = false
		m.walk.partner = plaidflow.Partner{} // fresh options for a fresh Link
	}
	p := msg.partner
	same := p.ID == m.walk.partner.ID && m.options.ready
	m.walk.partner = p
	if !same {
		m.options = newOptionsModel(m.deps.Config, p, m.walk.reuseItem)
	}
	if m.walk.reuseItem && len(p.Inputs) == 0 {
		return m.openAccounts()
	}
	return m.enter(stepOptions)
}

// optionsSubmitted starts Link's side of the walk, or on a reused Item the account picker.
func (m Model) optionsSubmitted(msg optionsSubmittedMsg) (tea.Model, tea.Cmd) {
	c := msg.choices
	m.walk.inputs = c.inputs
	if msg.reuse {
		return m.openAccounts()
	}
	m.walk.linkConfig = c.link
	if m.walk.linkConfig.Webhook == "" && !msg.reuse {
		m.walk.linkConfig.Webhook = m.deps.WebhookURL // offline: plaidwalk's own receiver, shown in the webhook pane
	}
	m.link.mode, m.link.shortcut, m.walk.authFlow = c.mode, c.shortcut, c.authFlow
	if m.deps.Config.Env == plaidflow.EnvProduction {
		m.confirming, m.confirmFor = true, stepLinkToken
		return m, nil
	}
	return m.enter(stepLinkToken)
}

// previous is where esc goes from the current step.
func (m Model) previous() step {
	switch m.step {
	case stepOptions:
		return stepPartner
	case stepLinkToken:
		return stepOptions
	case stepLink:
		return stepLinkToken
	case stepExchange:
		return m.beforeExchange()
	case stepPartnerToken, stepResults, stepVerify:
		return stepExchange
	case stepPartnerView, stepRepair, stepDepositCode:
		return stepResults
	case stepTryItem:
		if m.try.backToList { // esc left a call's outcome: the list stays
			return stepTryItem
		}
		return stepResults
	}
	return m.step
}

// beforeExchange is where Esc from the account picker goes: the link_token screen (from where
// Link can run again), or the partner choice when the Item is being reused.
func (m Model) beforeExchange() step {
	if !m.walk.reuseItem {
		return stepLinkToken
	}
	if len(m.walk.partner.Inputs) > 0 {
		return stepOptions
	}
	return stepPartner
}
