package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/teatest"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

func pendingAccount(status string) plaidflow.Account {
	return plaidflow.Account{ID: "acc-1", Name: "Plaid Checking", Mask: "0000", Type: "depository", Subtype: "checking", Verification: status}
}

// The verification step offers Enter (verify now) and s (go on pending) for an automated wait;
// the accounts read again finish it with the verified account; the Same-Day wait and
// production only go on.
func TestVerifyStepKeys(t *testing.T) {
	env := testEnv(t)
	v := newVerifyModel(pendingAccount(plaidflow.VerificationPendingAutomatic), plaidflow.EnvOffline)
	if _, _, out := v.update(keyMsg("enter"), env); out != (verificationRequestedMsg{}) {
		t.Fatalf("enter on the offer returned %#v", out)
	}
	if _, _, out := v.update(keyMsg("s"), env); out != (verificationSettledMsg{account: v.account}) {
		t.Fatalf("s on the offer returned %#v, want the pending account settled", out)
	}
	view := v.view(env)
	if !strings.Contains(view, "PRODUCT_NOT_READY") || !strings.Contains(view, "s makes the partner's token") || len(v.help(env)) < 3 {
		t.Errorf("offer view lacks the partner's side or the keys:\n%s", view)
	}
	v.running = true
	if _, _, out := v.update(keyMsg("enter"), env); out != nil || !v.busy() {
		t.Errorf("enter while the call runs returned %#v", out)
	}
	verified := pendingAccount(plaidflow.VerificationAutomatic)
	v, _, _ = v.update(accountVerifiedMsg{accounts: plaidflow.ItemAccounts{Accounts: []plaidflow.Account{verified}}}, env)
	if v.busy() || v.from != plaidflow.VerificationPendingAutomatic || !strings.Contains(v.view(env), "pending_automatic_verification → automatically_verified") {
		t.Fatalf("after the answer: %+v\n%s", v, v.view(env))
	}
	if _, _, out := v.update(keyMsg("enter"), env); out != (verificationSettledMsg{account: verified}) {
		t.Fatalf("enter after verifying returned %#v", out)
	}
	for _, c := range []struct {
		env    plaidflow.Env
		status string
		says   string
	}{
		{plaidflow.EnvOffline, "pending_manual_verification", "typed into Link"},
		{plaidflow.EnvProduction, plaidflow.VerificationPendingAutomatic, "In production"},
	} {
		v := newVerifyModel(pendingAccount(c.status), c.env)
		if _, _, out := v.update(keyMsg("enter"), env); out != (verificationSettledMsg{account: v.account}) {
			t.Errorf("%s %s: enter returned %#v, want to go on", c.env, c.status, out)
		}
		if _, _, out := v.update(keyMsg("s"), env); out != nil {
			t.Errorf("%s %s: s returned %#v", c.env, c.status, out)
		}
		if !strings.Contains(v.view(env), c.says) {
			t.Errorf("%s %s view:\n%s", c.env, c.status, v.view(env))
		}
	}
}

// walkAutomatedMicrodeposits walks Dwolla with the sandbox shortcut and the Auth flow
// Automated Micro-deposits up to the verification step.
func walkAutomatedMicrodeposits(t *testing.T, w offlineWorld) *teatest.TestModel {
	t.Helper()
	tm := w.start(t)
	waitFor(t, tm, "Step 1/7")
	tm.Type("dwolla")
	waitFor(t, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 2/7 · Link options")
	press(tm, "tab", "tab", "tab", "tab", "tab", "tab", "right", "right", "tab", "right", "right")
	waitFor(t, tm, "Automated Micro-deposits", "microdeposits_good")
	press(tm, "enter")
	waitFor(t, tm, "link_token created")
	press(tm, "enter")
	waitFor(t, tm, "Choose the account for Dwolla", "yes · pending")
	press(tm, "enter")
	waitFor(t, tm, "Step 5/7 · Exchange and pick an account · Verification", "linked through micro-deposits")
	return tm
}

// TestFlowAutomatedMicrodeposits: the picked account is pending; Enter moves it along before
// the partner's token, the step shows the status change, and the partner then reads the
// numbers. The session keeps the calls in the order made, so a replay walks them again.
func TestFlowAutomatedMicrodeposits(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := walkAutomatedMicrodeposits(t, w)
	press(tm, "enter")
	waitFor(t, tm, "pending_automatic_verification → automatically_verified", "set_verification_status")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "p")
	waitFor(t, tm, "What Dwolla reads", "routing 021000021", "automatically_verified")
	_, m := finalView(t, tm)
	r := m.Result()
	if len(r.Sessions) != 1 {
		t.Fatalf("%d sessions", len(r.Sessions))
	}
	rec := r.Sessions[0].Record
	var paths []string
	for _, c := range rec.Calls {
		paths = append(paths, c.Path)
	}
	got := strings.Join(paths, " ")
	if !strings.Contains(got, "/sandbox/item/set_verification_status /accounts/get") && !strings.Contains(got, "/sandbox/item/set_verification_status /item/get") ||
		strings.Index(got, "set_verification_status") > strings.Index(got, "/processor/token/create") {
		t.Errorf("session calls %s: want the verification before the partner's token", got)
	}
	if rec.Result.Account.Verification != plaidflow.VerificationAutomatic || rec.Options.Password != "microdeposits_good" {
		t.Errorf("session account %+v, password %q", rec.Result.Account, rec.Options.Password)
	}
}

// TestFlowPendingAccountPartnerView: s makes the token while the account waits; the partner
// view reads the balance and says why the numbers are not there yet, without an error panel.
func TestFlowPendingAccountPartnerView(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := walkAutomatedMicrodeposits(t, w)
	press(tm, "s")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "p")
	waitFor(t, tm, "not ready: /processor/auth/get answered PRODUCT_NOT_READY", "AUTOMATICALLY_VERIFIED", "pending_automatic_verification")
	view, m := finalView(t, tm)
	if m.failure != nil || strings.Contains(view, "failed") {
		t.Errorf("a pending account's partner view ended on an error:\n%s", view)
	}
}
