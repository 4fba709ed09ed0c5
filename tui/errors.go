package tui

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// failure is what the error panel shows: a Plaid error in full, or a plain error with its cause.
type failure struct {
	step  step
	title string
	plaid *plaidflow.PlaidError
	text  string
	hint  string // what to check for a plain error (a network failure)
	err   error  // the step's error as it came, for the saved session (nil for Link's onExit)
}

func (m Model) stepFailed(msg stepFailedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.stopBusy()
	var ae accountsError
	if errors.As(msg.err, &ae) {
		m.adoptItem(ae.item) // the exchange worked; a retry only reads the accounts again
		m.walk.exchanged = m.walk.publicToken
	}
	m.failure = failureFrom(msg.step, msg.err)
	m.closeAttempt(msg.err)
	return m, nil
}

func (m *Model) stopBusy() {
	m.linktok = m.linktok.back()
	m.exchange = m.exchange.back()
	m.ptoken = m.ptoken.back()
	m.pview = m.pview.back()
	m.repair = m.repair.back()
	m.verify = m.verify.back()
	m.code = m.code.back()
	m.try = m.try.back()
	m.link.shortcutRunning = false
}

func failureFrom(s step, err error) *failure {
	f := &failure{step: s, title: failedTitle(s), err: err}
	var pe *plaidflow.PlaidError
	if errors.As(err, &pe) {
		f.plaid = pe
		return f
	}
	f.text = err.Error()
	f.hint = plainErrorHint(err)
	return f
}

// failedTitles head the error panel: what was being done, said as a sentence.
var failedTitles = [...]string{
	stepPartner:      "Choosing the partner failed",
	stepOptions:      "Reading the Link options failed",
	stepLinkToken:    "Creating the link_token failed",
	stepLink:         "Plaid Link failed",
	stepExchange:     "Exchanging the public_token or reading the accounts failed",
	stepPartnerToken: "Creating the partner token failed",
	stepResults:      "Showing the results failed",
	stepPartnerView:  "Reading the account as the partner failed",
	stepVerify:       "Moving the account's verification along failed",
	stepDepositCode:  "Typing the micro-deposit code in Link's update mode failed",
	stepRepair:       "Breaking or repairing the Item failed",
	stepTryItem:      "The call on the Item failed",
}

func failedTitle(s step) string {
	if int(s) < len(failedTitles) {
		return failedTitles[s]
	}
	return "The " + s.String() + " step failed"
}

// plainErrorHint is what to check for an error that is not Plaid's: plaidflow's own hint for
// a call that got no answer, else ours for any network failure (DNS, refused, timeout).
func plainErrorHint(err error) string {
	var ce *plaidflow.ConnectionError
	if errors.As(err, &ce) && ce.Hint != "" {
		return ce.Hint
	}
	var ne net.Error
	var ue *url.Error
	if errors.As(err, &ne) || errors.As(err, &ue) || errors.Is(err, syscall.ECONNREFUSED) {
		return "plaidwalk could not reach the Plaid API. Check the network connection (and any proxy), " +
			"PLAID_ENV and PLAID_BASE_URL; offline mode (no PLAID_CLIENT_ID or PLAID_SECRET) needs no network or keys."
	}
	return ""
}

// linkExitFailure shows onExit's error (plaidflow.LinkExitError: plaidflow's hint, the same
// words the run command and the shortcut give) on the panel, with the panel's keys when
// plaidflow has no advice.
func linkExitFailure(title string, pe *plaidflow.PlaidError) *failure {
	if pe.Hint == "" {
		pe.Hint = linkRetryHint
	}
	return &failure{step: stepLink, title: title, plaid: pe}
}

// linkRetryHint is for the errors plaidflow has no advice about: what the panel's keys do.
const linkRetryHint = "Retry (r) to open Link again, where another bank or test user can be picked, or go back (esc) to change the options."

func (m Model) handleFailureKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Retry):
		return m.retry()
	case key.Matches(msg, m.keys.Back):
		return m.back()
	}
	return m, nil
}

// retry runs the failed step again with what was entered.
func (m Model) retry() (tea.Model, tea.Cmd) {
	return m.transition(retryRequestedMsg{step: m.failure.step})
}

func (m Model) viewFailure(width int) string {
	return failurePanel(m.st, m.failure, width, "r retry · esc back (what you entered is kept)")
}

// failurePanel draws f: Plaid's error in full (cause, hint, docs) or a plain error's cause,
// then the keys line (the Try the Item screen draws a call's error with it too).
func failurePanel(st styles, f *failure, width int, keys string) string {
	var b strings.Builder
	b.WriteString(st.bad.Bold(true).Render(f.title) + "\n\n")
	inner := max(width-2, 20) - 2 // the panel's padding
	row := func(label, v string) {
		if v != "" {
			b.WriteString(st.lbl(label) + wrapTo(oneLine(v), inner-labelWidth, labelWidth) + "\n")
		}
	}
	urlRow := func(label, u string) { // a URL is never broken: on its own line when too long
		u = oneLine(u)
		switch {
		case u == "":
		case labelWidth+len(u) <= inner:
			b.WriteString(st.lbl(label) + u + "\n")
		default:
			b.WriteString(st.lbl(label) + "\n" + truncate(u, inner) + "\n")
		}
	}
	if pe := f.plaid; pe != nil {
		row("error_type", pe.Type)
		row("error_code", pe.Code)
		row("error_message", pe.Message)
		row("display_message", pe.DisplayMessage)
		row("request_id", pe.RequestID)
		if pe.Status != 0 {
			row("http status", fmt.Sprint(pe.Status))
		}
		row("endpoint", pe.Endpoint)
		row("hint", pe.Hint)
		urlRow("docs", pe.DocsURL)
	} else {
		row("cause", f.text)
		row("hint", f.hint)
	}
	b.WriteString("\n" + st.subtle.Render(keys))
	// Lines are fitted first so the panel never re-wraps one (it would break a URL anywhere).
	return st.errorPanel.Width(max(width-2, 20)).Render(fitLines(strings.TrimRight(b.String(), "\n"), inner))
}
