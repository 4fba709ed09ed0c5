package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// An Item linked with auth only cannot serve a partner that needs assets or transactions:
// the list says so, Enter refuses once with the reason, and Enter again runs Link again.
func TestReusedItemRefusesPartnersItsProductsCannotServe(t *testing.T) {
	m := send(atResults(t), keyMsg("a"))
	if got := strings.Join(m.walk.linkConfig.Products, ","); got != "auth" {
		t.Fatalf("dwolla's Item products %q, want auth", got)
	}
	m = typeText(m, "alloy-credit")
	v := m.View()
	mustContain(t, v, "new Link", "needs assets", "linked with auth", "needs a new Link")
	m = send(m, keyMsg("enter"))
	if m.step != stepPartner || !m.walk.reuseItem {
		t.Fatalf("enter on alloy-credit for an auth Item: step %v reuse %v, want refused", m.step, m.walk.reuseItem)
	}
	mustContain(t, m.View(), "Enter again runs Link")
	m = send(m, keyMsg("enter"))
	if m.step != stepOptions || m.walk.reuseItem || m.options.reuse {
		t.Fatalf("second enter: step %v reuse %v, want a new walk's Link options", m.step, m.walk.reuseItem)
	}
	mustContain(t, m.View(), "assets")

	k := send(atResults(t), keyMsg("a"))
	k = send(typeText(k, "knot"), keyMsg("enter"))
	if k.step != stepPartner || !strings.Contains(k.notice, "transactions") {
		t.Errorf("knot on an auth Item: step %v notice %q, want refused naming transactions", k.step, k.notice)
	}
	s := send(atResults(t), keyMsg("a"))
	s = send(typeText(s, "stripe"), keyMsg("enter"))
	if s.step != stepExchange {
		t.Errorf("stripe (auth) on an auth Item: step %v, want the account picker", s.step)
	}
}

// "Another partner with this Item" is not a fresh start: the partner list names the Item kept
// while the filter is typed, and the second partner's results show its own walk: the
// Item's calls and its own, and its own saved file, not the first partner's.
func TestAnotherPartnerSaysWhichItemAndShowsItsOwnWalk(t *testing.T) {
	stripe := atAccounts(t, "stripe")
	item := []plaidflow.Call{call("/link/token/create"), call("/item/public_token/exchange"), call("/accounts/get")}
	logCalls(stripe, item...) // the Item's calls, made by the Link attempt
	stripe.calls = item
	stripe = send(stripe, keyMsg("enter"))
	calls := append(item, call("/processor/stripe/bank_account_token/create"))
	stripe = send(stripe, partnerTokenCreatedMsg{op: stripe.op, apiSnapshot: apiSnapshot{calls: calls},
		result: plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenStripeBankAcct, Value: "btok_1"}}}})
	stripeFile := "/state/plaidwalk/sessions/20261122-070053.183-stripe-9abc.json"
	stripe = send(stripe, sessionSavedMsg{paths: []string{stripeFile}, ids: []savedID{{"stripe", "20261122-070053.183-stripe-9abc"}}})
	mustContain(t, stripe.View(), "stripe-9abc.json")

	list := typeText(send(stripe, keyMsg("a")), "dwolla")
	mustContain(t, list.View(), "Item item123 kept, Link skipped", "Filter: dwolla")
	m := send(list, keyMsg("enter"), keyMsg("enter"))
	calls = append(calls, call("/processor/token/create"))
	m = send(m, partnerTokenCreatedMsg{op: m.op, apiSnapshot: apiSnapshot{calls: calls},
		result: plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-1"}}}})
	v := m.View()
	mustContain(t, v, "Done: Dwolla", "API calls for Dwolla", "POST /item/public_token/exchange", "POST /processor/token/create")
	for _, other := range []string{"/processor/stripe/bank_account_token/create 200", "stripe-9abc.json"} {
		if strings.Contains(v, other) {
			t.Errorf("Dwolla's results show Stripe's %s:\n%s", other, v)
		}
	}
}
