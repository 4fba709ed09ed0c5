package tui

import (
	"fmt"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// After the hand-off: the partner view. p on the results reads the account the way the
// newest partner does with its token (plaidflow.PartnerView owns which calls and why); the
// step shows what came back, account numbers to their last four digits until v.

type partnerReadModel struct {
	running  bool
	read     *plaidflow.PartnerView
	revealed bool
	waiting  string // why the reads wait, while they do (partner_view_txn.go)
}

// partnerViewRequestedMsg: p on the results: read the account as the partner.
type partnerViewRequestedMsg struct{}

// partnerViewReadMsg: the partner's reads came back.
type partnerViewReadMsg struct {
	op   int
	view plaidflow.PartnerView
	apiSnapshot
}

// runPartnerView starts the reads for the newest partner run.
func (m Model) runPartnerView() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.pview = partnerReadModel{running: true}
	m.noteAfterHandoff(sessions.AfterPartnerView)
	in := m.partnerViewInput()
	return m, tea.Batch(partnerViewCmd(ctx, m.deps.Client, m.deps.Log, in, op), m.startSpinner())
}

// noteAfterHandoff records a step walked after the newest run's partner token in that run's
// session, whose attempt gets the step's calls (sessions.Attempts.AddCall), so that its
// session tells the step and a replay walks it. The runs are copied: an older model keeps its own.
func (m *Model) noteAfterHandoff(step string) {
	n := len(m.walk.runs)
	if n == 0 {
		return
	}
	runs := slices.Clone(m.walk.runs)
	rec := &runs[n-1].session.Record
	rec.AfterHandoff = append(slices.Clip(rec.AfterHandoff), step)
	m.walk.runs = runs
}

// partnerViewInput is the newest run's partner and tokens, and the test user Link used.
func (m Model) partnerViewInput() plaidflow.PartnerViewInput {
	in := plaidflow.PartnerViewInput{InstitutionID: m.walk.accounts.InstitutionID,
		Username: m.link.shortcut.username, Password: m.link.shortcut.password}
	if n := len(m.walk.runs); n > 0 {
		in.Partner, in.Result = m.walk.runs[n-1].Partner, m.walk.runs[n-1].Result
	}
	return in
}

// update takes the reads' answer and v; esc is the root's (back to the results).
func (p partnerReadModel) update(msg tea.Msg, env stepEnv) (partnerReadModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case partnerViewProgressedMsg:
		p, cmd := p.progressed(msg, env)
		return p, cmd, nil
	case partnerViewReadMsg:
		if msg.op == env.op {
			p.running, p.read = false, &msg.view
		}
	case tea.KeyMsg:
		switch {
		case key.Matches(msg, env.keys.Reveal) && p.read != nil:
			p.revealed = !p.revealed
		case key.Matches(msg, env.keys.Repair) && p.read != nil && canRepair(env):
			return p, nil, repairRequestedMsg{}
		case key.Matches(msg, env.keys.DepositCode) && p.read != nil && canTypeCode(env):
			return p, nil, depositCodeRequestedMsg{}
		}
	}
	return p, nil, nil
}

// back stops waiting (the root cancels the calls).
func (p partnerReadModel) back() partnerReadModel {
	p.running = false
	return p
}

func (p partnerReadModel) busy() bool { return p.running }

func (p partnerReadModel) help(env stepEnv) []key.Binding {
	k := env.keys
	var keys []key.Binding
	if p.read != nil && len(p.read.Numbers) > 0 {
		keys = append(keys, withHelp(k.Reveal, "reveal numbers"))
	}
	if p.read != nil && canTypeCode(env) {
		keys = append(keys, k.DepositCode) // first: what the pending account needs
	}
	if p.read != nil && canRepair(env) {
		keys = append(keys, k.Repair)
	}
	return append(keys, withHelp(k.Back, "results"))
}

func (p partnerReadModel) view(env stepEnv) string {
	if p.read == nil {
		name := ""
		if n := len(env.walk.runs); n > 0 {
			name = env.walk.runs[n-1].Partner.Name
		}
		reading := env.spin + " Reading the account as " + name + " would, with its token …"
		if p.waiting != "" {
			reading += "\n\n" + wrapTo(oneLine(p.waiting), env.width-2, 0)
		}
		return reading
	}
	lines := []string{env.st.accent.Render("What " + oneLine(p.read.Partner) + " reads with its token"), ""}
	return strings.Join(append(lines, partnerViewLines(env, p.read, p.revealed)...), "\n")
}

// partnerViewLines draw what a partner read: the note, the account, its balance, the numbers
// (the account number to its last four digits unless revealed), owners, a relayed report.
func partnerViewLines(env stepEnv, v *plaidflow.PartnerView, revealed bool) []string {
	w := env.width
	lines := strings.Split(wrapTo(oneLine(v.Note), w-2, 0), "\n")
	lines = append(lines, "")
	row := func(label, value string) { lines = append(lines, truncate(fmt.Sprintf("  %-13s %s", label, value), w)) }
	if v.TestToken != "" {
		row("test token", plaidflow.Mask(v.TestToken))
	}
	if a := v.Account; a.ID != "" {
		row("account", fmt.Sprintf("%s ••%s  %s/%s", oneLine(a.Name), oneLine(a.Mask), oneLine(a.Type), oneLine(a.Subtype)))
		row("balance", balanceLine(a))
		if a.Verification != "" {
			row("verification", a.Verification) // verification_status: the micro-deposit flows set it
		}
	}
	if v.NumbersNotReady != nil { // the micro-deposit wait: what the partner meets, said in full
		row("ach", "not ready: /processor/auth/get answered "+oneLine(v.NumbersNotReady.Code))
		lines = append(lines, "")
		lines = append(lines, strings.Split(env.st.warn.Render(wrapTo(plaidflow.PendingPartnerNote(v.Account.Verification), w-2, 0)), "\n")...)
	}
	for _, n := range v.Numbers {
		acct := plaidflow.MaskNumber(n.Account)
		if revealed {
			acct = n.Account
		}
		row("ach", "routing "+oneLine(n.Routing)+"  account "+oneLine(acct))
	}
	for _, o := range v.Owners {
		row("owner", oneLine(strings.Join(o.Names, ", ")))
		for _, a := range o.Addresses {
			row("", oneLine(a))
		}
	}
	if rep := v.Report; rep != nil {
		row("asset report", fmt.Sprintf("%s, %d days", oneLine(rep.AssetReportID), rep.DaysRequested))
		for _, it := range rep.Items {
			row("item", fmt.Sprintf("%s: %d accounts", oneLine(it.Institution), it.Accounts))
		}
	}
	lines = append(lines, partnerTxnLines(env, v.Transactions)...)
	if len(v.Numbers) > 0 && !revealed {
		lines = append(lines, "", env.st.subtle.Render(truncate("Account numbers show their last four digits; v shows them whole.", w)))
	}
	return lines
}

func balanceLine(a plaidflow.Account) string {
	amount := func(p *float64) string {
		if p == nil {
			return "—"
		}
		return fmt.Sprintf("%.2f", *p)
	}
	return fmt.Sprintf("available %s  current %s %s", amount(a.Available), amount(a.Current), oneLine(a.Currency))
}
