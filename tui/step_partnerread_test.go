package tui

import (
	"strings"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

func testPartnerView() plaidflow.PartnerView {
	return plaidflow.PartnerView{Partner: "Dwolla", Read: true, Note: "Offline, the emulator plays Dwolla.",
		Account: plaidflow.Account{ID: "acc1", Name: "Plaid Checking", Mask: "0000", Type: "depository", Subtype: "checking", Available: f64(100), Current: f64(110), Currency: "USD"},
		Numbers: []plaidflow.ACHNumbers{{Account: "1111222233330000", Routing: "011401533"}}}
}

// p on the results enters the partner view and starts the reads; their answer (of this
// operation only) fills it; v reveals the numbers; esc goes back to the results.
func TestPartnerViewStepUpdate(t *testing.T) {
	m := atResultsWith(t, nil)
	m, cmd := sendCmd(m, keyMsg("p"))
	if m.step != stepPartnerView || !m.pview.busy() || cmd == nil {
		t.Fatalf("p on the results: step %v busy %v cmd %v, want the partner view reading", m.step, m.pview.busy(), cmd != nil)
	}
	if !strings.Contains(m.View(), "After the hand-off · Partner view") || strings.Contains(m.View(), "Step 8") {
		t.Errorf("title:\n%s", m.View())
	}
	stale := send(m, partnerViewReadMsg{op: m.op - 1, view: testPartnerView()})
	if stale.pview.read != nil {
		t.Error("an answer of an older operation was taken")
	}
	m = send(m, partnerViewReadMsg{op: m.op, view: testPartnerView()})
	if m.pview.read == nil || m.pview.busy() {
		t.Fatalf("the answer was not taken: %+v", m.pview)
	}
	if m = send(m, keyMsg("v")); !m.pview.revealed {
		t.Error("v did not reveal the numbers")
	}
	if m = send(m, keyMsg("esc")); m.step != stepResults {
		t.Errorf("esc: step %v, want the results", m.step)
	}
}

// The view: the note, the account, its balance, the routing number whole and the account
// number to its last four digits until revealed; help names v, b and esc.
func TestPartnerViewStepView(t *testing.T) {
	m := atResultsWith(t, nil)
	env := m.env()
	v := testPartnerView()
	p := partnerReadModel{read: &v}
	mustContain(t, p.view(env), "What Dwolla reads with its token", "emulator plays Dwolla", "Plaid Checking ••0000  depository/checking",
		"available 100.00  current 110.00 USD", "routing 011401533  account ••••0000", "v shows them whole")
	if strings.Contains(p.view(env), "1111222233330000") {
		t.Error("the account number is whole before v")
	}
	p.revealed = true
	mustContain(t, p.view(env), "account 1111222233330000")
	keys := ""
	for _, b := range p.help(env) {
		keys += b.Help().Key + " "
	}
	if keys != "v b esc " {
		t.Errorf("help keys %q, want v, b (repair) then esc", keys)
	}
	if busy := (partnerReadModel{running: true}); !strings.Contains(busy.view(env), "Reading the account as Dwolla") {
		t.Errorf("busy view: %q", busy.view(env))
	}
}

// The real thing: a walk against the emulator, then p reads the account with the processor
// token through /processor/auth/get and /processor/balance/get.
func TestFlowPartnerView(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	walkToLink(t, tm, "dwolla")
	linkWithPublicToken(t, w, []string{"auth"})
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "p")
	waitFor(t, tm, "What Dwolla reads with its token", "routing 011401533  account ••••0000")
	press(tm, "v")
	waitFor(t, tm, "account 1111222233330000")
	_, m := finalView(t, tm)
	var paths []string
	for _, c := range w.deps.Log.Calls() {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths[len(paths)-2:], " "); got != "/processor/auth/get /processor/balance/get" {
		t.Errorf("last calls %q", got)
	}
	if m.step != stepPartnerView {
		t.Errorf("step %v", m.step)
	}
	// The walk's session tells the partner's reads, and a replay walks them.
	rec := m.Result().Sessions[0].Record
	if strings.Join(rec.AfterHandoff, ",") != "partner_view" || rec.Calls[len(rec.Calls)-1].Path != "/processor/balance/get" {
		t.Errorf("session: after_handoff %v, last call %s", rec.AfterHandoff, rec.Calls[len(rec.Calls)-1].Path)
	}
}
