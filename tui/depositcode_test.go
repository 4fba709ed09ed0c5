package tui

import (
	"strings"
	"testing"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// The deposit-code step is offered (m on the partner view) only while the walk's account waits
// for its code; it records itself as a step after the hand-off, and once the account reads
// manually_verified it shows the change and why no webhook came, and p reads it as the partner.
func TestDepositCodeStep(t *testing.T) {
	env := testEnv(t)
	env.walk.runs = []PartnerRun{{Partner: partnerNamed(t, env, "dwolla")}}
	env.walk.account = pendingAccount(plaidflow.VerificationPendingManual)
	read := partnerReadModel{read: &plaidflow.PartnerView{Partner: "Dwolla"}}
	if _, _, out := read.update(keyMsg("m"), env); out != (depositCodeRequestedMsg{}) {
		t.Fatalf("m on the partner view of a pending_manual account returned %#v", out)
	}
	if !strings.HasPrefix(helpKeys(read.help(env)), "m ") {
		t.Errorf("the partner view's help lacks m: %s", helpKeys(read.help(env)))
	}
	env.walk.account.Verification = plaidflow.VerificationManual
	if _, _, out := read.update(keyMsg("m"), env); out != nil {
		t.Errorf("m on a verified account returned %#v", out)
	}

	d := depositCodeModel{running: true, from: plaidflow.VerificationPendingManual}
	if !d.busy() || !strings.Contains(d.view(env), "Creating the update-mode link_token") {
		t.Fatalf("at start: %s", d.view(env))
	}
	d, _, out := d.update(repairLinkEndedMsg{op: env.op, outcome: linkserver.Outcome{}}, env)
	if f, ok := out.(failureShownMsg); !ok || f.f.step != stepDepositCode || !strings.Contains(f.f.err.Error(), "still waits") {
		t.Fatalf("Link closed without the code: %#v", out)
	}
	d = depositCodeModel{running: true, from: plaidflow.VerificationPendingManual, token: plaidflow.LinkToken{Token: "link-sandbox-x"}, updatePage: updatePage{publicToken: "public-sandbox-y"}}
	if _, _, out := d.update(keyMsg("p"), env); out != nil {
		t.Errorf("p before the account was read again returned %#v", out)
	}
	verified := pendingAccount(plaidflow.VerificationManual)
	env.walk.account = verified
	d, _, _ = d.update(depositCodeAcceptedMsg{op: env.op, accounts: plaidflow.ItemAccounts{Accounts: []plaidflow.Account{verified}}}, env)
	v := strings.Join(strings.Fields(d.view(env)), " ")
	for _, want := range []string{"pending_manual_verification → manually_verified", "no AUTH webhook", "not exchanged", "p shows them"} {
		if !strings.Contains(v, want) {
			t.Errorf("after the code the view lacks %q:\n%s", want, v)
		}
	}
	if d.busy() || !strings.HasPrefix(helpKeys(d.help(env)), "p ") {
		t.Errorf("after the code: busy %v, help %s", d.busy(), helpKeys(d.help(env)))
	}
	if _, _, out := d.update(keyMsg("p"), env); out != (partnerViewRequestedMsg{}) {
		t.Errorf("p after the code returned %#v, want the partner view", out)
	}
}

// runDepositCode notes the step in the newest run's session, so that replay walks it.
func TestDepositCodeIsRecordedAfterTheHandoff(t *testing.T) {
	m := pureModel(t, plaidflow.EnvOffline)
	m.walk.runs = []PartnerRun{{Partner: partnerNamed(t, m.env(), "dwolla")}}
	m.walk.account = pendingAccount(plaidflow.VerificationPendingManual)
	next, _ := m.transition(depositCodeRequestedMsg{})
	got := next.(Model)
	if got.step != stepDepositCode || strings.Join(got.walk.runs[0].session.Record.AfterHandoff, ",") != "deposit_code" {
		t.Errorf("step %s, after the hand-off %v", got.step, got.walk.runs[0].session.Record.AfterHandoff)
	}
	if got.previous() != stepResults {
		t.Errorf("esc from the code goes to %s", got.previous())
	}
}
