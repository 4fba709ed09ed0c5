package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// The picker finishes with accountChosenMsg on an account the partner can use, and refuses
// one it cannot with a notice.
func TestExchangeStepFinishesWithAccountChosen(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	env.walk.accounts = testAccounts()
	e := newExchangeModel(env.walk.accounts.Accounts, env.walk.partner, nil, env.st)
	e.setSize(env.width, env.height)
	_, _, out := e.update(keyMsg("enter"), env)
	chosen, ok := out.(accountChosenMsg)
	if !ok || chosen.account.ID != e.accounts[e.table.Cursor()].ID {
		t.Fatalf("enter returned %#v, want accountChosenMsg", out)
	}
	bad := -1
	for i, why := range e.reasons {
		if why != "" {
			bad = i
		}
	}
	if bad < 0 {
		t.Fatal("the test accounts have none dwolla refuses")
	}
	e.table.SetCursor(bad)
	if _, _, out = e.update(keyMsg("enter"), env); out == nil {
		t.Fatal("enter on a refused account returned nothing")
	} else if _, ok := out.(noticeRaisedMsg); !ok {
		t.Fatalf("enter on a refused account returned %#v", out)
	}
	if v := e.view(env); !strings.Contains(v, "Choose the account for Dwolla") || !strings.Contains(v, "Not eligible:") {
		t.Errorf("view:\n%s", v)
	}
}

// While the exchange runs the step is busy and takes no keys; back stops it.
func TestExchangeStepWhileLoading(t *testing.T) {
	env := testEnv(t)
	e := exchangeModel{loading: true}
	if _, _, out := e.update(keyMsg("enter"), env); out != nil || !e.busy() {
		t.Fatalf("loading: out %#v busy %v", out, e.busy())
	}
	if !strings.Contains(e.view(env), "Exchanging the public_token") {
		t.Errorf("view: %q", e.view(env))
	}
	if e = e.back(); e.busy() {
		t.Error("back left it busy")
	}
}

// The partner step shows its progress and finishes with partnerTokenMadeMsg; late messages
// are ignored.
func TestPartnerTokenStepFinishesWithPartnerTokenMade(t *testing.T) {
	env := testEnv(t)
	env.op = 3
	env.walk.partner = partnerNamed(t, env, "dwolla")
	env.walk.account = plaidflow.Account{Name: "Plaid Checking"}
	p := partnerTokenModel{running: true}
	p, _, _ = p.update(progressReportedMsg{op: 3, progress: plaidflow.Progress{Step: "/asset_report/get", Attempt: 2}}, env)
	p, _, _ = p.update(progressReportedMsg{op: 2, progress: plaidflow.Progress{Step: "late", Attempt: 1}}, env)
	v := p.view(env)
	if !strings.Contains(v, "/asset_report/get: attempt 2") || strings.Contains(v, "late") ||
		!strings.Contains(v, "Creating Dwolla's token for Plaid Checking") {
		t.Errorf("view:\n%s", v)
	}
	if _, _, out := p.update(partnerTokenCreatedMsg{op: 2}, env); out != nil {
		t.Fatalf("a late answer returned %#v", out)
	}
	res := plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: "processor_token", Value: "processor-x"}}}
	p, _, out := p.update(partnerTokenCreatedMsg{op: 3, result: res}, env)
	if made, ok := out.(partnerTokenMadeMsg); !ok || len(made.result.Tokens) != 1 || p.busy() {
		t.Fatalf("returned %#v busy %v, want partnerTokenMadeMsg", out, p.busy())
	}
}

// The picker says when an account is waiting for micro-deposit verification.
func TestExchangePickerShowsVerificationStatus(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	accts := []plaidflow.Account{{ID: "acc-pending", Name: "Plaid Checking", Mask: "0000", Type: "depository", Subtype: "checking",
		Verification: "pending_automatic_verification"}}
	e := newExchangeModel(accts, env.walk.partner, nil, env.st)
	e.setSize(env.width, env.height)
	if v := e.view(env); !strings.Contains(v, "yes · pending") {
		t.Errorf("the picker does not show the verification status:\n%s", v)
	}
}
