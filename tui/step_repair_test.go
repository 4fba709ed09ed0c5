package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"plaidwalk/emulator"
	"plaidwalk/internal/browsertest"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// atPartnerView has the partner view on screen with what the partner read.
func atPartnerView(t *testing.T) Model {
	t.Helper()
	m := send(atResultsWith(t, nil), keyMsg("p"))
	return send(m, partnerViewReadMsg{op: m.op, view: testPartnerView()})
}

// b on the partner view starts the repair; each phase's answer (of this operation only) moves
// it on: the Item broken and the update-mode link_token made, the page open, Link's
// public_token, then the Item and the partner's reads checked. esc goes back to the results.
func TestRepairStepUpdate(t *testing.T) {
	m, cmd := sendCmd(atPartnerView(t), keyMsg("b"))
	if m.step != stepRepair || !m.repair.busy() || cmd == nil {
		t.Fatalf("b on the partner view: step %v busy %v, want the repair running", m.step, m.repair.busy())
	}
	mustContain(t, m.View(), "After the hand-off · Break and repair the Item", "Resetting the Item's login")
	pe := &plaidflow.PlaidError{Endpoint: "/accounts/get", Type: "ITEM_ERROR", Code: "ITEM_LOGIN_REQUIRED"}
	lt := plaidflow.LinkToken{Token: "link-sandbox-12345678-1234-1234-1234-123456789abc"}
	if stale := send(m, itemBrokenMsg{op: m.op - 1, loginRequired: pe, token: lt}); stale.repair.loginRequired != nil {
		t.Error("an answer of an older operation was taken")
	}
	m, cmd = sendCmd(m, itemBrokenMsg{op: m.op, loginRequired: pe, token: lt})
	if m.repair.loginRequired == nil || cmd == nil {
		t.Fatalf("the broken Item was not taken or no page was started: %+v", m.repair)
	}
	s := newFakeSession()
	m = send(m, repairPageOpenedMsg{op: m.op, session: s})
	mustContain(t, m.View(), "/accounts/get, failed: ITEM_LOGIN_REQUIRED", "in update mode (access_token, no products)", "Link waits in update mode at "+s.url,
		"Log in again at First Platypus Bank")
	if keys := helpKeys(m.repair.help(m.env())); keys != "o c esc " {
		t.Errorf("help while Link waits: %q", keys)
	}
	m, cmd = sendCmd(m, repairLinkEndedMsg{op: m.op, outcome: linkserver.Outcome{PublicToken: "public-sandbox-12345678-1234-1234-1234-123456789abc"}})
	if m.repair.publicToken == "" || cmd == nil {
		t.Fatalf("Link's public_token was not taken, or nothing was checked after it")
	}
	m = send(m, itemRepairedMsg{op: m.op, view: testPartnerView()})
	mustContain(t, m.View(), "handed back public-sandbox-…9abc: not exchanged", "Item keeps its access_token", "/item/get reports no error",
		"routing 011401533  account ••••0000", "LOGIN_REPAIRED")
	if m.repair.busy() {
		t.Error("still busy once repaired")
	}
	if m = send(m, keyMsg("esc")); m.step != stepResults {
		t.Errorf("esc: step %v, want the results", m.step)
	}
}

// Link closed without logging in again: the failure says the Item still needs its login.
func TestRepairStepLinkExited(t *testing.T) {
	m := send(atPartnerView(t), keyMsg("b"))
	m = send(m, itemBrokenMsg{op: m.op, loginRequired: &plaidflow.PlaidError{Code: "ITEM_LOGIN_REQUIRED"}, token: plaidflow.LinkToken{Token: "link-sandbox-x"}})
	m = send(m, repairPageOpenedMsg{op: m.op, session: newFakeSession()})
	m = send(m, repairLinkEndedMsg{op: m.op, outcome: linkserver.Outcome{Exited: true}})
	if m.failure == nil || !strings.Contains(m.View(), "still needs its login") {
		t.Errorf("exit without a login: failure %+v\n%s", m.failure, m.View())
	}
}

// Production has no reset_login: b is neither offered nor taken.
func TestRepairNotOfferedInProduction(t *testing.T) {
	m := atPartnerView(t)
	m.deps.Config.Env = plaidflow.EnvProduction
	if keys := helpKeys(m.pview.help(m.env())); strings.Contains(keys, "b ") {
		t.Errorf("help offers b in production: %q", keys)
	}
	if m = send(m, keyMsg("b")); m.step != stepPartnerView {
		t.Errorf("b in production: step %v", m.step)
	}
}

func helpKeys(bs []key.Binding) string {
	keys := ""
	for _, b := range bs {
		keys += b.Help().Key + " "
	}
	return keys
}

// TestFlowRepairInChromium: the real thing. A dwolla walk through the sandbox shortcut, p, b:
// the UI breaks the Item and opens Link in update mode in the "browser"; a person in Chromium
// sees the login of the same bank (no search), logs in again, and the UI shows the Item
// repaired and the partner's reads working.
func TestFlowRepairInChromium(t *testing.T) {
	tab := browsertest.Start(t)
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	toLinkStep(t, tm, []string{"tab", "tab", "tab", "tab", "tab", "tab", "right", "right"}, "[sandbox shortcut]")
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "p")
	waitFor(t, tm, "What Dwolla reads with its token")
	press(tm, "b")
	waitFor(t, tm, "ITEM_LOGIN_REQUIRED", "Link waits in update mode")
	first, err := browsertest.ReloginEmulatedLink(tab, waitOpened(t, w), browsertest.UserGood, nil)
	if err != nil {
		t.Fatalf("update-mode Link: %v", err)
	}
	if first.Bank != "First Platypus Bank" || first.BackShow {
		t.Errorf("update-mode Link opened on %+v, want First Platypus Bank's login with no way back to a search", first)
	}
	waitFor(t, tm, "/item/get reports no error", "routing 011401533")
	_, m := finalView(t, tm)
	exchanges := 0
	for _, c := range w.deps.Log.Calls() {
		if c.Path == "/item/public_token/exchange" {
			exchanges++
		}
	}
	if exchanges != 1 || m.step != stepRepair {
		t.Errorf("%d exchanges (want 1: the repair exchanges nothing), step %v", exchanges, m.step)
	}
	rec := m.Result().Sessions[0].Record
	built := sessions.Build(rec)
	if strings.Join(built.Inputs.AfterHandoff, ",") != "partner_view,repair" || sessions.HandoffEnd(built.Calls) == len(built.Calls) {
		t.Errorf("session: after_handoff %v, %d calls after the hand-off", built.Inputs.AfterHandoff, len(built.Calls)-sessions.HandoffEnd(built.Calls))
	}
}
