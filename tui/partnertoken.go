package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
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

// update shows the partner step's progress and finishes with partnerTokenMadeMsg.
func (p partnerTokenModel) update(msg tea.Msg, env stepEnv) (partnerTokenModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case progressReportedMsg:
		next := nextPartnerMsgCmd(msg.next) // drained to the end, even for a step left
		if msg.op == env.op && p.running {
			pr := msg.progress
			line := fmt.Sprintf("%s: attempt %d", oneLine(pr.Step), pr.Attempt)
			if pr.Message != "" {
				line += " — " + oneLine(pr.Message)
			}
			p.progress = append(p.progress, line)
		}
		return p, next, nil
	case partnerTokenCreatedMsg:
		if msg.op != env.op {
			return p, nil, nil
		}
		p.running = false
		return p, nil, partnerTokenMadeMsg{result: msg.result}
	}
	return p, nil, nil
}

// back stops waiting (the root cancels the call).
func (p partnerTokenModel) back() partnerTokenModel {
	p.running = false
	return p
}

func (p partnerTokenModel) busy() bool { return p.running }

func (p partnerTokenModel) help(env stepEnv) []key.Binding {
	return []key.Binding{withHelp(env.keys.Back, "cancel")}
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

func (pt partnerTokenModel) view(env stepEnv) string {
	p, w := env.walk.partner, env.width
	var b strings.Builder
	if p.Flow == plaidflow.FlowCreditRelay {
		b.WriteString(env.spin + " Creating " + p.Name + "'s Asset Report of the whole Item, then its relay token …\n")
	} else {
		b.WriteString(env.spin + " Creating " + p.Name + "'s token for " + oneLine(env.walk.account.Name) + " …\n")
	}
	b.WriteString(env.st.subtle.Render(wrapTo(partnerEndpoints(p.Flow), w-2, 0)) + "\n")
	for _, line := range lastN(pt.progress, max(env.height-4, 1)) {
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
