package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// atResults walks the pure Update from a Dwolla account pick to the results step.
func atResults(t *testing.T) Model {
	t.Helper()
	return atResultsWith(t, []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200, RequestID: "reqProcessor001"}})
}

// atResultsWith has Dwolla's token made, the walk's API calls being calls (the partner
// token's attempt made them all).
func atResultsWith(t *testing.T, calls []plaidflow.Call) Model {
	t.Helper()
	m := send(atAccounts(t, "dwolla"), keyMsg("enter"))
	if m.step != stepPartnerToken || !m.ptoken.running {
		t.Fatalf("enter on an eligible account: step %v", m.step)
	}
	res := plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-99999999-8888-7777-6666-555555554321", RequestID: "reqProcessor001"}}}
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

// pgup/pgdn find the offset on screen from resultsExtent, which counts the page without
// drawing it: its count must be the drawn page's, whatever the page holds.
func TestResultsExtentCountsThePageAsDrawn(t *testing.T) {
	base := atResults(t)
	var many []plaidflow.Call
	for _, p := range []string{"/link/token/create", "/item/public_token/exchange", "/accounts/get", "/processor/token/create"} {
		many = append(many, plaidflow.Call{Method: "POST", Path: p, Status: 200,
			RequestBody: `{"client_id":"x","access_token":"access-sandbox-1","account_id":"acc-checking","processor":"dwolla","institution_id":"ins_109508"}`})
	}
	long := atResultsWith(t, many)
	saved := base
	saved.walk.session.savedPaths = []string{"/very/long/state/directory/plaidwalk/sessions/20261122-070053.183-dwolla-9abc.json",
		"/very/long/state/directory/plaidwalk/sessions/20261122-071153.183-dwolla-9abd.json"}
	noCalls := atResultsWith(t, nil)
	states := map[string]Model{"results": base, "revealed": send(base, keyMsg("v")), "many calls": long,
		"first call chosen": send(long, keyMsg("left"), keyMsg("left")), "saved twice": saved, "no calls": noCalls}
	for name, m := range states {
		for _, w := range []int{40, 80, 120} {
			p := resultsPage{m.results, m.env()}
			top, pin := p.resultsTop(w)
			calls, focus := p.viewCalls(w)
			want := resultsExtent{lines: len(top) + len(calls), pin: pin, focus: -1}
			if focus >= 0 {
				want.focus = len(top) + focus
			}
			if got := p.resultsExtent(w); got != want {
				t.Errorf("%s at %d columns: counted %+v, drawn %+v", name, w, got, want)
			}
		}
	}
}

// pgdn at the end of the page, where ←/→ took it to the newest call, moves nothing; pgup
// then scrolls up from what was on screen.
func TestResultsPageKeysStartFromTheOffsetOnScreen(t *testing.T) {
	calls := []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200, RequestID: "reqProcessor001"}}
	for range 40 {
		calls = append(calls, plaidflow.Call{Method: "POST", Path: "/auth/get", Status: 200, RequestBody: `{"access_token":"access-sandbox-1"}`})
	}
	m := atResultsWith(t, calls)
	m = send(m, keyMsg("left"), keyMsg("right"))
	shown := m.View()
	if down := send(m, tea.KeyMsg{Type: tea.KeyPgDown}).View(); down != shown {
		t.Errorf("pgdn at the end moved the page:\n%s\nwas:\n%s", down, shown)
	}
	p := resultsPage{m.results, m.env()}
	onScreen, page := p.resultsOffset(p.resultsExtent(80)), m.bodyHeight()-2
	if onScreen <= page {
		t.Fatalf("the page opened at line %d: too near the top to scroll a page (%d) up", onScreen, page)
	}
	up := send(m, tea.KeyMsg{Type: tea.KeyPgUp})
	if up.View() == shown || up.results.offset != onScreen-page {
		t.Errorf("pgup did not scroll one page up from the screen's offset: offset %d\n%s", up.results.offset, up.View())
	}
}
