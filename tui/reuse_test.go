package tui

import (
	"strings"
	"testing"
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
