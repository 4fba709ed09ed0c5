package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// atResults walks the pure Update from a Dwolla account pick to the results step.
func atResults(t *testing.T) Model {
	t.Helper()
	m := send(atAccounts(t, "dwolla"), keyMsg("enter"))
	if m.step != stepPartnerToken || !m.ptoken.running {
		t.Fatalf("enter on an eligible account: step %v", m.step)
	}
	res := plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-99999999-8888-7777-6666-555555554321", RequestID: "reqProcessor001"}}}
	calls := []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200, RequestID: "reqProcessor001"}}
	return send(m, partnerTokenCreatedMsg{op: m.op, result: res, apiSnapshot: apiSnapshot{calls: calls}})
}

func TestPartnerTokenProgressAndResults(t *testing.T) {
	m := send(atAccounts(t, "dwolla"), keyMsg("enter"))
	ch := make(chan any)
	m, cmd := sendCmd(m, progressReportedMsg{op: m.op, progress: plaidflow.Progress{Step: "asset_report", Attempt: 2, Message: "not ready yet"}, next: ch})
	if cmd == nil {
		t.Fatal("progress without a next read")
	}
	mustContain(t, m.View(), "asset_report: attempt 2 — not ready yet", "/processor/token/create")

	r := atResults(t)
	v := r.View()
	mustContain(t, v, "Step 7/7 · Results", "processor_token", "processor-sandbox-…4321", "access-sandbox-…eeee", "item123",
		"Plaid Checking 0000", "POST /processor/token/create 200", "curl")
	if strings.Contains(v, "555555554321") {
		t.Errorf("token shown in full before reveal")
	}
	rv := send(r, keyMsg("v"))
	mustContain(t, rv.View(), "processor-sandbox-99999999-8888-7777-6666-555555554321")
	if res := r.Result(); !res.Completed() || len(res.Runs) != 1 || !strings.Contains(res.Summary(false), "processor-sandbox-…4321") {
		t.Errorf("result %+v", res)
	}
}

func TestAnotherPartnerReusesTheItem(t *testing.T) {
	r := send(atResults(t), keyMsg("esc"), keyMsg("down"), keyMsg("enter")) // Dwolla on the savings account
	r.walk.linkConfig.Products = []string{"auth", "assets"}                 // an Item Alloy credit can use too
	r = send(r, partnerTokenCreatedMsg{op: r.op, result: plaidflow.PartnerResult{}})
	if r.step != stepResults || r.walk.account.ID != "acc-savings" {
		t.Fatalf("second Dwolla token: step %v account %s", r.step, r.walk.account.ID)
	}
	m := send(r, keyMsg("a"))
	if m.step != stepPartner || !m.walk.reuseItem {
		t.Fatalf("a: step %v", m.step)
	}
	mustContain(t, m.View(), "Link is skipped")
	m = typeText(m, "stripe")
	m = send(m, keyMsg("enter"))
	if m.step != stepExchange || m.exchange.loading || len(m.exchange.accounts) != 3 {
		t.Fatalf("stripe on the same Item: step %v", m.step)
	}
	if got := m.exchange.accounts[m.exchange.table.Cursor()].ID; got != "acc-savings" {
		t.Errorf("reused Item: cursor on %s, want the account used last (acc-savings)", got)
	}
	m = send(m, keyMsg("esc"))
	if m.step != stepPartner {
		t.Fatalf("esc from the reused picker: step %v", m.step)
	}
	m = send(m, keyMsg("ctrl+u"))
	m = typeText(m, "alloy-credit")
	m = send(m, keyMsg("enter"))
	if m.step != stepOptions || !m.options.reuse {
		t.Fatalf("alloy-credit on the same Item: step %v", m.step)
	}
	mustContain(t, m.View(), "Link is skipped", "Secondary client ID (Alloy)")
	if strings.Contains(m.View(), "Country codes") {
		t.Errorf("Link options shown although Link is skipped")
	}
	m = send(m, keyMsg("enter"))
	if m.step != stepExchange {
		t.Fatalf("enter on the inputs: step %v", m.step)
	}
}
