package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

func TestStepStringNamesEveryStep(t *testing.T) {
	for s := stepPartner; s <= stepResults; s++ {
		if s.String() == "unknown" || stepTitle(s) == s.String() {
			t.Errorf("step %d has no name or title", s)
		}
	}
	if step(99).String() != "unknown" {
		t.Errorf("step 99 = %q", step(99).String())
	}
}

func TestTypingFiltersThePartnerListAtOnce(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "dwolla")
	items := m.partner.list.VisibleItems()
	if len(items) != 1 || items[0].(partnerItem).p.ID != "dwolla" {
		t.Fatalf("filter dwolla left %d items", len(items))
	}
	mustContain(t, m.View(), "Filter: dwolla", "1 of ", "Dwolla", "Docs: https://plaid.com/docs/auth/partnerships/dwolla/")
	m = send(m, keyMsg("ctrl+u"))
	if got := len(m.partner.list.VisibleItems()); got != m.partner.total {
		t.Errorf("after clearing the filter %d of %d partners show", got, m.partner.total)
	}
}

// A typo matches no partner: the list says so and names the partner meant, as the command
// line does for --partner, instead of an empty list.
func TestFilterWithATypoSuggestsThePartner(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "dwola")
	v := m.View()
	mustContain(t, v, `No partner matches "dwola"; did you mean dwolla?`)
	if strings.Contains(v, "No items") {
		t.Errorf("the list still says No items:\n%s", v)
	}
	m = send(m, keyMsg("enter"))
	mustContain(t, m.View(), "did you mean dwolla?")
	m = typeText(pureModel(t, plaidflow.EnvOffline), "zzzzqqq")
	mustContain(t, m.View(), `No partner matches "zzzzqqq": esc clears the filter`)
}

func TestFilterMatchesProcessorString(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "apex_clearing")
	p, ok := m.partner.selected()
	if !ok || p.Processor != "apex_clearing" {
		t.Fatalf("filter by processor string selected %+v", p)
	}
}

func TestEnterOnNotRunnablePartnerExplainsAndStays(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "prime-trust")
	m = send(m, keyMsg("enter"))
	if m.step != stepPartner {
		t.Fatalf("step %v, want partner", m.step)
	}
	mustContain(t, m.View(), "cannot be walked", "retired")
}

// --partner opens a runnable partner's options; esc shows the list with it highlighted.
// A partner that cannot be walked is only highlighted, with the list's explanation.
func TestPreselectedPartnerOpensItsOptions(t *testing.T) {
	d := Deps{Config: plaidflow.Config{Env: plaidflow.EnvOffline}, Catalog: testCatalog(t), PartnerID: "Stripe"}
	m := New(t.Context(), d, nil)
	if m.step != stepOptions || m.walk.partner.ID != "stripe" {
		t.Fatalf("step %v partner %q, want stripe's options", m.step, m.walk.partner.ID)
	}
	mustContain(t, m.View(), "Step 2/7 · Link options")
	m = send(m, keyMsg("esc"))
	if p, _ := m.partner.selected(); m.step != stepPartner || p.ID != "stripe" {
		t.Fatalf("esc: step %v selected %q, want the list on stripe", m.step, p.ID)
	}
	d.PartnerID = "prime-trust"
	m = New(t.Context(), d, nil)
	if p, _ := m.partner.selected(); m.step != stepPartner || p.ID != "prime-trust" {
		t.Fatalf("not runnable: step %v selected %q, want the list on it", m.step, p.ID)
	}
}

func TestQuitKeysOnTheList(t *testing.T) {
	m := pureModel(t, plaidflow.EnvOffline)
	m2, cmd := sendCmd(m, keyMsg("q"))
	if m2.quitting {
		t.Fatalf("q on the partner filter must type, not quit")
	}
	if m2.partner.filter.Value() != "q" {
		t.Errorf("filter %q, want q", m2.partner.filter.Value())
	}
	m3, cmd := sendCmd(m, keyMsg("ctrl+c"))
	if !m3.quitting || cmd == nil {
		t.Fatalf("ctrl+c did not quit")
	}
	if m3.View() != "" {
		t.Errorf("a quitting model draws nothing, got %q", m3.View())
	}
}

func TestEscOnListClearsFilter(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "zzz")
	mustContain(t, m.View(), "0 of ")
	m = send(m, keyMsg("enter"))
	mustContain(t, m.View(), "No partner matches")
	m = send(m, keyMsg("esc"))
	if m.partner.filter.Value() != "" {
		t.Errorf("esc left filter %q", m.partner.filter.Value())
	}
}

func TestViewFitsEveryTerminalSize(t *testing.T) {
	sizes := [][2]int{{80, 24}, {100, 30}, {140, 45}, {60, 20}}
	screens := map[string]Model{
		"partner": pureModel(t, plaidflow.EnvOffline),
		"options": atOptions(t, plaidflow.EnvOffline, "alloy-credit"),
		"results": atResults(t),
	}
	for name, m := range screens {
		for _, sz := range sizes {
			mm := send(m, resize(sz[0], sz[1]))
			for _, log := range []bool{false, true} {
				if log {
					mm = send(mm, keyMsg("ctrl+l"))
				}
				lines := strings.Split(mm.View(), "\n")
				if len(lines) > sz[1] {
					t.Errorf("%s at %dx%d (log %v): %d lines", name, sz[0], sz[1], log, len(lines))
				}
				for _, l := range lines {
					if w := len([]rune(l)); w > sz[0] {
						t.Errorf("%s at %dx%d: line of %d cells: %q", name, sz[0], sz[1], w, l)
						break
					}
				}
			}
		}
	}
}
