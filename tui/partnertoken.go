package tui

import (
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// Step 6: the partner's token. For Alloy credit this is an Asset Report that takes a while:
// each poll of /asset_report/get shows up as progress.

type partnerTokenModel struct {
	running  bool
	progress []string
}

// PartnerRun is one partner token made on the walk's Item.
type PartnerRun struct {
	Partner plaidflow.Partner
	Account plaidflow.Account
	Result  plaidflow.PartnerResult
	session SessionRecord // this partner's walk, as saved
}

func (m Model) runPartnerToken() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.ptoken = partnerTokenModel{running: true}
	req := partnerRequest{partner: m.walk.partner, accessToken: m.walk.item.AccessToken,
		accountID: m.walk.account.ID, inputs: m.walk.inputs}
	return m, tea.Batch(partnerTokenCmd(ctx, m.deps.Client, m.deps.Log, req, op), m.startSpinner())
}

func (m Model) progressReported(msg progressReportedMsg) (tea.Model, tea.Cmd) {
	next := nextPartnerMsgCmd(msg.next)
	if msg.op == m.op && m.ptoken.running {
		p := msg.progress
		line := fmt.Sprintf("%s: attempt %d", oneLine(p.Step), p.Attempt)
		if p.Message != "" {
			line += " — " + oneLine(p.Message)
		}
		m.ptoken.progress = append(m.ptoken.progress, line)
	}
	return m, next
}

func (m Model) partnerTokenCreated(msg partnerTokenCreatedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.ptoken.running = false
	m.walk.runs = append(m.walk.runs, PartnerRun{Partner: m.walk.partner, Account: m.walk.account, Result: msg.result,
		session: m.sessionRecord(msg.result, nil)})
	m.walk.session.runFrom = m.walk.session.attemptFrom
	m.walk.session.attemptFrom = len(m.calls) // the next partner's attempt starts here
	return m.transition(partnerTokenMadeMsg{result: msg.result})
}

func partnerEndpoints(f plaidflow.FlowKind) string {
	switch f {
	case plaidflow.FlowStripe:
		return "/processor/stripe/bank_account_token/create"
	case plaidflow.FlowCreditRelay:
		return "/asset_report/create, /asset_report/get until ready, /credit/relay/create"
	}
	return "/processor/token/create"
}

func (m Model) viewPartnerToken(w int) string {
	p := m.walk.partner
	var b strings.Builder
	if p.Flow == plaidflow.FlowCreditRelay {
		b.WriteString(m.spin.View() + " Creating " + p.Name + "'s Asset Report of the whole Item, then its relay token …\n")
	} else {
		b.WriteString(m.spin.View() + " Creating " + p.Name + "'s token for " + oneLine(m.walk.account.Name) + " …\n")
	}
	b.WriteString(m.st.subtle.Render(wrapTo(partnerEndpoints(p.Flow), w-2, 0)) + "\n")
	for _, line := range lastN(m.ptoken.progress, max(m.bodyHeight()-4, 1)) {
		b.WriteString("  " + truncate(line, w-2) + "\n")
	}
	return strings.TrimRight(b.String(), "\n")
}

func lastN(s []string, n int) []string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}
