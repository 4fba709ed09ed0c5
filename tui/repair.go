package tui

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// After the hand-off: break and repair the Item. b on the partner view (or the results)
// resets the Item's login, shows the app's next call failing with ITEM_LOGIN_REQUIRED, makes
// a link_token in update mode and opens Link on the local page at the login of the Item's
// bank; once the user logs in again, /item/get shows no error and the partner's reads work
// again with the same tokens. plaidflow/repair.go owns the calls; this step only shows them.

type repairModel struct {
	// What the root hands the step when it starts (runRepair): the operation's context, the
	// page server and the page's options (in updatePage), and the partner's reads to make after.
	updatePage
	in plaidflow.PartnerViewInput

	running       bool
	loginRequired *plaidflow.PlaidError
	token         plaidflow.LinkToken
	read          *plaidflow.PartnerView
	revealed      bool
}

// repairRequestedMsg: b: break the Item and repair it.
type repairRequestedMsg struct{}

// itemBrokenMsg: reset_login done, the next call failed, the update-mode link_token made.
type itemBrokenMsg struct {
	op            int
	loginRequired *plaidflow.PlaidError
	token         plaidflow.LinkToken
	apiSnapshot
}

// repairPageOpenedMsg: the local page serves the update-mode link_token.
type repairPageOpenedMsg struct {
	op      int
	session linkSession
}

// repairLinkEndedMsg: update-mode Link finished (or the wait failed).
type repairLinkEndedMsg struct {
	op      int
	outcome linkserver.Outcome
	err     error
}

// itemRepairedMsg: /item/get has no error and the partner read the account again.
type itemRepairedMsg struct {
	op   int
	view plaidflow.PartnerView
	apiSnapshot
}

// runRepair starts the repair: break the Item and make the update-mode link_token.
func (m Model) runRepair() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.repair = repairModel{running: true, updatePage: updatePage{ctx: ctx, start: m.start, page: m.linkServerOptions()}, in: m.partnerViewInput()}
	m.noteAfterHandoff(sessions.AfterRepair)
	return m, tea.Batch(breakItemCmd(ctx, m.deps.Client, m.deps.Log, m.walk.linkConfig, m.walk.item.AccessToken, op), m.startSpinner())
}

func breakItemCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, lc plaidflow.LinkConfig, access string, op int) tea.Cmd {
	return func() tea.Msg {
		pe, err := c.BreakItem(ctx, access)
		if err != nil {
			return stepFailedMsg{op: op, step: stepRepair, err: err, apiSnapshot: snapshot(log)}
		}
		lt, err := c.CreateUpdateLinkToken(ctx, lc, access)
		if err != nil {
			return stepFailedMsg{op: op, step: stepRepair, err: err, apiSnapshot: snapshot(log)}
		}
		return itemBrokenMsg{op: op, loginRequired: pe, token: lt, apiSnapshot: snapshot(log)}
	}
}

// startUpdatePageCmd starts the local page for an update-mode link_token, for the step s that
// opens it (the repair, the deposit code).
func startUpdatePageCmd(ctx context.Context, start startSessionFunc, o linkserver.Options, s step, op int) tea.Cmd {
	return func() tea.Msg {
		if start == nil {
			return stepFailedMsg{op: op, step: s, err: errors.New("no Link server is available in this build")}
		}
		sess, err := start(ctx, o)
		if err != nil {
			return stepFailedMsg{op: op, step: s, err: fmt.Errorf("starting the local Link page for update mode: %w", err)}
		}
		return repairPageOpenedMsg{op: op, session: wrapSession(sess)}
	}
}

// waitRepairLinkCmd waits for update-mode Link; the page closes when it is done.
func waitRepairLinkCmd(ctx context.Context, s linkSession, op int) tea.Cmd {
	return func() tea.Msg {
		out, err := s.Wait(ctx)
		_ = s.Close()
		return repairLinkEndedMsg{op: op, outcome: out, err: err}
	}
}

// checkRepairCmd reads the Item's state and the partner's view after update mode.
func checkRepairCmd(ctx context.Context, c *plaidflow.Client, log *plaidflow.APILog, access string, in plaidflow.PartnerViewInput, op int) tea.Cmd {
	return func() tea.Msg {
		code, err := c.ItemErrorCode(ctx, access)
		if err == nil && code != "" {
			err = fmt.Errorf("update-mode Link finished, but /item/get still reports %s: log in with the test user the Item was made with", code)
		}
		if err != nil {
			return stepFailedMsg{op: op, step: stepRepair, err: err, apiSnapshot: snapshot(log)}
		}
		v, err := c.PartnerView(ctx, in)
		if err != nil {
			return stepFailedMsg{op: op, step: stepRepair, err: err, apiSnapshot: snapshot(log)}
		}
		return itemRepairedMsg{op: op, view: v, apiSnapshot: snapshot(log)}
	}
}

// update moves the repair through its phases; keys: o and c for the page, v the numbers.
func (r repairModel) update(msg tea.Msg, env stepEnv) (repairModel, tea.Cmd, tea.Msg) {
	switch msg := msg.(type) {
	case itemBrokenMsg:
		if msg.op == env.op {
			r.loginRequired, r.token = msg.loginRequired, msg.token
			return r, r.openPage(msg.token.Token, stepRepair, env.op), nil
		}
	case repairPageOpenedMsg:
		return r, r.pageOpened(msg, env), nil
	case repairLinkEndedMsg:
		return r.repairLinkEnded(msg, env)
	case itemRepairedMsg:
		if msg.op == env.op {
			r.running, r.read = false, &msg.view
		}
	case tea.KeyMsg:
		return r.key(msg, env)
	}
	return r, nil, nil
}

func (r repairModel) repairLinkEnded(msg repairLinkEndedMsg, env stepEnv) (repairModel, tea.Cmd, tea.Msg) {
	if msg.op != env.op {
		return r, nil, nil
	}
	if err := r.linkEnded(msg, "Link in update mode closed without logging in again: the Item still needs its login (b tries again)"); err != nil {
		r.running = false
		return r, nil, failureShownMsg{f: failureFrom(stepRepair, err)}
	}
	return r, checkRepairCmd(r.ctx, env.deps.Client, env.deps.Log, env.walk.item.AccessToken, r.in, env.op), nil
}

func (r repairModel) key(km tea.KeyMsg, env stepEnv) (repairModel, tea.Cmd, tea.Msg) {
	if cmd, ok := r.pageKey(km, env); ok {
		return r, cmd, nil
	}
	k := env.keys
	switch {
	case key.Matches(km, k.Reveal) && r.read != nil:
		r.revealed = !r.revealed
	case key.Matches(km, k.Repair) && !r.running:
		return r, nil, repairRequestedMsg{}
	}
	return r, nil, nil
}

// openBrowser opens url unless the user said never to.
func (e stepEnv) openBrowser(url string) tea.Cmd {
	if e.deps.NoBrowser {
		return nil
	}
	return openBrowserCmd(e.deps.OpenBrowser, url)
}

// back stops waiting; the root cancels the calls and the page's wait, which closes it.
func (r repairModel) back() repairModel {
	r.running = false
	return r
}

func (r repairModel) busy() bool { return r.running && r.session == nil }

func (r repairModel) help(env stepEnv) []key.Binding {
	k := env.keys
	switch {
	case r.session != nil:
		return r.pageHelp(env)
	case r.read != nil:
		return []key.Binding{withHelp(k.Reveal, "reveal numbers"), withHelp(k.Repair, "break it again"), withHelp(k.Back, "results")}
	}
	return []key.Binding{withHelp(k.Back, "cancel")}
}

func (r repairModel) view(env stepEnv) string {
	w := env.width
	lines := []string{env.st.accent.Render("Break the Item, then repair it in Link's update mode"), ""}
	add := func(s string) { lines = append(lines, strings.Split(wrapTo(s, w-2, 2), "\n")...) }
	if pe := r.loginRequired; pe != nil {
		add("✓ /sandbox/item/reset_login (as if the user changed their bank password); the app's next call, " +
			oneLine(pe.Endpoint) + ", failed: " + oneLine(pe.Code))
		add("✓ /link/token/create in update mode (access_token, no products): " + plaidflow.Mask(r.token.Token))
	}
	if r.publicToken != "" {
		add("✓ Link in update mode handed back " + plaidflow.Mask(r.publicToken) + ": not exchanged, the Item keeps its access_token")
	}
	switch {
	case r.loginRequired == nil:
		add(env.spin + " Resetting the Item's login …")
	case r.session != nil:
		add(env.spin + " Link waits in update mode at " + r.session.URL())
		add("  Log in again at " + oneLine(env.walk.accounts.InstitutionName) + " (user_good / pass_good): update mode goes straight to the bank's login.")
	case r.publicToken == "":
		add(env.spin + " Opening Link in update mode …")
	case r.read == nil:
		add(env.spin + " Checking /item/get and the partner's token …")
	default:
		add("✓ /item/get reports no error, and the partner's token reads the account again:")
		view := partnerViewLines(env, r.read, r.revealed)
		for len(view) > 0 && view[0] != "" { // the partner view's note was said before
			view = view[1:]
		}
		lines = append(lines, view...)
		lines = append(lines, "")
		add(plaidflow.RepairNote)
	}
	return strings.Join(lines, "\n")
}

// canRepair: the Item can be broken on purpose only where /sandbox/item/reset_login exists.
func canRepair(env stepEnv) bool { return env.deps.Config.Env != plaidflow.EnvProduction }

// updateRepair hands the repair's own messages to its step, whichever step is current (a
// late one is dropped by its op).
func (m Model) updateRepair(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var out tea.Msg
	m.repair, cmd, out = m.repair.update(msg, m.env())
	return m.reply(cmd, out)
}
