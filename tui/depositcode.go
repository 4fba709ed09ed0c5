package tui

import (
	"context"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// After the hand-off: the Same-Day micro-deposit code. An account linked by typing its numbers
// into Link waits (pending_manual_verification) until its owner types the deposit's code into
// Link opened again for the Item (update mode). m on the partner view does that: a link_token
// from the Item's access_token, the local page, Link on its code screen; once Link succeeds,
// /accounts/get must show the account manually_verified, and p reads it as the partner again
// (the partner view, a step of its own, as run and replay walk them). The update-mode page is
// the repair's (updatePage).

type depositCodeModel struct {
	updatePage // the operation's context, the page server and options; the page while it waits

	running bool
	token   plaidflow.LinkToken
	from    string            // the account's status before the code
	account plaidflow.Account // the account read again after Link; empty until then
}

// depositCodeRequestedMsg: m: open Link in update mode for the deposit code.
type depositCodeRequestedMsg struct{}

// codeLinkTokenCreatedMsg: the update-mode link_token for the code is made.
type codeLinkTokenCreatedMsg struct {
	op    int
	token plaidflow.LinkToken
	apiSnapshot
}

// depositCodeAcceptedMsg: after Link, /accounts/get shows the account verified.
type depositCodeAcceptedMsg struct {
	op       int
	accounts plaidflow.ItemAccounts
	apiSnapshot
}

// canTypeCode: the walk's account waits for a deposit code, which Link's update mode takes.
func canTypeCode(env stepEnv) bool {
	return env.walk.account.Verification == plaidflow.VerificationPendingManual && len(env.walk.runs) > 0
}

func (m Model) runDepositCode() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.code = depositCodeModel{running: true, updatePage: updatePage{ctx: ctx, start: m.start, page: m.linkServerOptions()},
		from: m.walk.account.Verification}
	m.noteAfterHandoff(sessions.AfterDepositCode)
	return m, tea.Batch(codeLinkTokenCmd(ctx, m.deps.Client, m.deps.Log, m.walk.linkConfig, m.walk.item.AccessToken, op), m.startSpinner())
}

func codeLinkTokenCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, lc plaidflow.LinkConfig, access string, op int) tea.Cmd {
	return func() tea.Msg {
		lt, err := c.CreateUpdateLinkToken(ctx, lc, access)
		if err != nil {
			return stepFailedMsg{op: op, step: stepDepositCode, err: err, apiSnapshot: snapshot(log)}
		}
		return codeLinkTokenCreatedMsg{op: op, token: lt, apiSnapshot: snapshot(log)}
	}
}

// checkCodeCmd reads the account again after Link: it must now be manually_verified.
func checkCodeCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, access, accountID string, op int) tea.Cmd {
	return func() tea.Msg {
		accts, err := c.Accounts(ctx, access)
		if a, ok := accts.Account(accountID); err == nil && (!ok || a.Verification != plaidflow.VerificationManual) {
			err = fmt.Errorf("Link took the code, but /accounts/get reports the account %s, not %s: type the code again (m)",
				oneLine(a.Verification), plaidflow.VerificationManual)
		}
		if err != nil {
			return stepFailedMsg{op: op, step: stepDepositCode, err: err, apiSnapshot: snapshot(log)}
		}
		return depositCodeAcceptedMsg{op: op, accounts: accts, apiSnapshot: snapshot(log)}
	}
}

// depositCodeAccepted keeps the account's new status for the walk, then hands the answer on.
func (m Model) depositCodeAccepted(msg depositCodeAcceptedMsg) (tea.Model, tea.Cmd) {
	if msg.op == m.op {
		m.walk.accounts = msg.accounts
		if a, ok := msg.accounts.Account(m.walk.account.ID); ok {
			m.walk.account = a
		}
	}
	return m.updateDepositCode(msg)
}

// updateDepositCode hands the step its messages, the update-mode page's included.
func (m Model) updateDepositCode(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var out tea.Msg
	m.code, cmd, out = m.code.update(msg, m.env())
	return m.reply(cmd, out)
}

func (d depositCodeModel) update(msg tea.Msg, env stepEnv) (depositCodeModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case codeLinkTokenCreatedMsg:
		if msg.op == env.op {
			d.token = msg.token
			return d, d.openPage(msg.token.Token, stepDepositCode, env.op), nil
		}
	case repairPageOpenedMsg:
		return d, d.pageOpened(msg, env), nil
	case repairLinkEndedMsg:
		return d.codeLinkEnded(msg, env)
	case depositCodeAcceptedMsg:
		if msg.op == env.op {
			d.running = false
			d.account, _ = msg.accounts.Account(env.walk.account.ID)
		}
	case tea.KeyMsg:
		if cmd, ok := d.pageKey(msg, env); ok {
			return d, cmd, nil
		}
		if key.Matches(msg, env.keys.PartnerView) && d.done() {
			return d, nil, partnerViewRequestedMsg{}
		}
	}
	return d, nil, nil
}

func (d depositCodeModel) codeLinkEnded(msg repairLinkEndedMsg, env stepEnv) (depositCodeModel, tea.Cmd, tea.Msg) {
	if msg.op != env.op {
		return d, nil, nil
	}
	if err := d.linkEnded(msg, "Link in update mode closed before the code was typed: the account still waits (m opens it again)"); err != nil {
		d.running = false
		return d, nil, failureShownMsg{f: failureFrom(stepDepositCode, err)}
	}
	return d, checkCodeCmd(d.ctx, env.deps.Client, env.deps.Log, env.walk.item.AccessToken, env.walk.account.ID, env.op), nil
}

// done: the account was read again after Link took the code.
func (d depositCodeModel) done() bool { return d.account.ID != "" }

// back stops waiting; the root cancels the calls and the page's wait, which closes it.
func (d depositCodeModel) back() depositCodeModel {
	d.running = false
	return d
}

func (d depositCodeModel) busy() bool { return d.running && d.session == nil }

func (d depositCodeModel) help(env stepEnv) []key.Binding {
	k := env.keys
	switch {
	case d.session != nil:
		return d.pageHelp(env)
	case d.done():
		return join([]key.Binding{withHelp(k.PartnerView, "partner view again"), withHelp(k.Back, "results")}, env.saveKey())
	}
	return []key.Binding{withHelp(k.Back, "cancel")}
}

func (d depositCodeModel) view(env stepEnv) string {
	w := env.width
	lines := []string{env.st.accent.Render("Type the micro-deposit code in Link's update mode"), ""}
	add := func(s string) { lines = append(lines, strings.Split(wrapTo(s, w-2, 2), "\n")...) }
	if d.token.Token != "" {
		add("✓ /link/token/create in update mode (the Item's access_token, no products): " + plaidflow.Mask(d.token.Token))
	}
	if d.publicToken != "" {
		add("✓ Link took the code and handed back " + plaidflow.Mask(d.publicToken) + ": not exchanged, the Item keeps its access_token")
	}
	switch {
	case d.token.Token == "":
		add(env.spin + " Creating the update-mode link_token …")
	case d.session != nil:
		add(env.spin + " Link waits on its code screen at:")
		lines = append(lines, env.st.accent.Render(urlLines(oneLine(d.session.URL()), w)))
		add("  Type the code of the deposit Plaid sent (in the Sandbox: ABC); three wrong codes lock the account.")
	case d.publicToken == "":
		add(env.spin + " Opening Link in update mode …")
	case !d.done():
		add(env.spin + " Reading the account again (/accounts/get) …")
	default:
		add("✓ verification_status " + oneLine(d.from) + " → " + oneLine(d.account.Verification) + " (/accounts/get)")
		lines = append(lines, "")
		add(plaidflow.DepositCodeNote)
	}
	return strings.Join(lines, "\n")
}
