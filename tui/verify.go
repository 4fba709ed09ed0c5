package tui

import (
	"context"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// Step 5, after the account picker: an account that waits on its micro-deposits
// (verification_status pending_...). The step says what the wait means for the partner and,
// where the Sandbox can end it (an automated verification, offline or with sandbox keys),
// offers to move it along with /sandbox/item/set_verification_status before the partner's
// token, as Plaid would about a day later. s goes on with the account still pending: the
// partner's token is made anyway, and the partner view shows what the partner meets then.
// plaidflow/verification.go owns the calls and the words about the wait.

type verifyModel struct {
	account plaidflow.Account // the account picked, with its status now
	canMove bool              // /sandbox/item/set_verification_status can end its wait
	prod    bool              // production: only the deposits end the wait
	running bool
	from    string // the status before the walk moved it; "" until it did
}

// verificationRequestedMsg: Enter on the offer: move the verification along.
type verificationRequestedMsg struct{}

// accountVerifiedMsg: /sandbox/item/set_verification_status answered and the Item's accounts
// were read again.
type accountVerifiedMsg struct {
	op       int
	accounts plaidflow.ItemAccounts
	apiSnapshot
}

// verificationSettledMsg: the step is done; the partner's token is made for account, verified
// or still pending.
type verificationSettledMsg struct{ account plaidflow.Account }

func newVerifyModel(a plaidflow.Account, env plaidflow.Env) verifyModel {
	return verifyModel{account: a, canMove: plaidflow.CanMoveVerification(env, a.Verification), prod: env == plaidflow.EnvProduction}
}

// offerVerification shows the step for an account picked while it waits on micro-deposits;
// nothing is called until the user says so.
func (m Model) offerVerification(a plaidflow.Account) (tea.Model, tea.Cmd) {
	m.failure = nil
	m.verify = newVerifyModel(a, m.deps.Config.Env)
	m.step = stepVerify
	return m, nil
}

// runVerify moves the picked account's verification along (Enter on the offer, or r after a
// failure).
func (m Model) runVerify() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.verify.running = true
	return m, tea.Batch(moveVerificationCmd(ctx, m.deps.Client, m.deps.Log, m.walk.item.AccessToken, m.verify.account.ID, op), m.startSpinner())
}

func moveVerificationCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, access, accountID string, op int) tea.Cmd {
	return func() tea.Msg {
		accts, err := c.MoveVerificationAlong(ctx, access, accountID)
		if err != nil {
			return stepFailedMsg{op: op, step: stepVerify, err: err, apiSnapshot: snapshot(log)}
		}
		return accountVerifiedMsg{op: op, accounts: accts, apiSnapshot: snapshot(log)}
	}
}

// accountVerified keeps the accounts read again (the picker shows the new status too) and
// hands the answer to the step.
func (m Model) accountVerified(msg accountVerifiedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.walk.accounts = msg.accounts
	var cmd tea.Cmd
	var out tea.Msg
	m.verify, cmd, out = m.verify.update(msg, m.env())
	return m.reply(cmd, out)
}

// update takes the verification's answer and the step's keys: Enter moves the verification
// along, then goes on to the partner's token; s goes on with the account pending.
func (v verifyModel) update(msg tea.Msg, env stepEnv) (verifyModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case accountVerifiedMsg:
		v.running = false
		if a, ok := msg.accounts.Account(v.account.ID); ok {
			v.from, v.account = v.account.Verification, a
		}
	case tea.KeyMsg:
		switch {
		case v.running:
		case key.Matches(msg, env.keys.Enter) && v.canMove && v.from == "":
			return v, nil, verificationRequestedMsg{}
		case key.Matches(msg, env.keys.Enter):
			return v, nil, verificationSettledMsg{account: v.account}
		case key.Matches(msg, env.keys.GoOnPending) && v.canMove && v.from == "":
			return v, nil, verificationSettledMsg{account: v.account}
		}
	}
	return v, nil, nil
}

// back stops waiting (the root cancels the call).
func (v verifyModel) back() verifyModel {
	v.running = false
	return v
}

func (v verifyModel) busy() bool { return v.running }

func (v verifyModel) help(env stepEnv) []key.Binding {
	k := env.keys
	switch {
	case v.running:
		return []key.Binding{withHelp(k.Back, "cancel")}
	case v.canMove && v.from == "":
		return join([]key.Binding{withHelp(k.Enter, "verify it now"), k.GoOnPending, k.Back}, env.saveKey())
	}
	return join([]key.Binding{withHelp(k.Enter, "create the partner token"), k.Back}, env.saveKey())
}

func (v verifyModel) view(env stepEnv) string {
	st, w := env.st, env.width
	a := v.account
	lines := []string{st.accent.Render(oneLine(a.Name) + " ••" + oneLine(a.Mask) + " was linked through micro-deposits"), ""}
	add := func(s string) { lines = append(lines, strings.Split(wrapTo(s, w-2, 0), "\n")...) }
	switch {
	case v.running:
		add(env.spin + " /sandbox/item/set_verification_status " + plaidflow.VerificationAutomatic + ", then /accounts/get …")
	case v.from != "":
		add("✓ verification_status " + oneLine(v.from) + " → " + oneLine(a.Verification))
		add("/sandbox/item/set_verification_status ended the wait as Plaid would once the deposits land; " +
			"Plaid sent the AUTH AUTOMATICALLY_VERIFIED webhook (offline, plaidwalk's receiver shows it above), and /accounts/get reports the new status. " +
			"The partner's token can now read the account's numbers.")
	default:
		add(plaidflow.PendingPartnerNote(a.Verification))
		lines = append(lines, "")
		add(v.offer())
	}
	return strings.Join(lines, "\n")
}

// offer says what the keys do here, or why the wait cannot be ended from plaidwalk.
func (v verifyModel) offer() string {
	switch {
	case v.canMove:
		return "Enter moves it along now with /sandbox/item/set_verification_status (Plaid would take about a day); " +
			"s makes the partner's token while it still waits (the partner view then shows what the partner meets)."
	case v.prod:
		return "In production the wait ends when the deposits land; Enter makes the partner's token now."
	}
	return "/sandbox/item/set_verification_status ends automated verifications only; this one ends when the code is typed into Link. " +
		"Enter makes the partner's token now, as Plaid allows; then p (the partner view) shows what the partner meets, and m there opens Link again for the code."
}
