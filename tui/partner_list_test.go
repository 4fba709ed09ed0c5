package tui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// At 100 columns the longest partner name is not cut.
func TestPartnerListKeepsLongNamesWhenThereIsRoom(t *testing.T) {
	m := send(typeText(pureModel(t, plaidflow.EnvOffline), "alloy-credit"), resize(100, 30))
	mustContain(t, m.View(), "> Alloy (credit decisioning) ")
}

// `/` opens the filter in bubbles list apps: here the filter always has the focus, so a
// leading / is dropped, typed or pasted, and /dwolla finds Dwolla.
func TestSlashBeforeTheFilterIsIgnored(t *testing.T) {
	base := pureModel(t, plaidflow.EnvOffline)
	pasted := send(base, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("/dwolla"), Paste: true})
	for name, m := range map[string]Model{"typed": typeText(base, "/dwolla"), "pasted": pasted} {
		if p, ok := m.partner.selected(); !ok || p.ID != "dwolla" || m.partner.filter.Value() != "dwolla" {
			t.Errorf("%s /dwolla: filter %q, selected %q; want dwolla", name, m.partner.filter.Value(), p.ID)
		}
		mustContain(t, m.View(), "Filter: dwolla ", "1 of ")
	}
	if m := typeText(base, "/"); m.partner.filter.Value() != "" || len(m.partner.list.VisibleItems()) != m.partner.total {
		t.Errorf("/ alone filtered the list by %q", m.partner.filter.Value())
	}
}

// End shows a full list ending with the last partner, not a last page of one; the header
// says where the cursor is.
func TestPartnerListStaysFullAndShowsThePosition(t *testing.T) {
	m := pureModel(t, plaidflow.EnvOffline)
	n := m.partner.total
	for range 11 {
		m = send(m, keyMsg("down"))
	}
	mustContain(t, m.View(), fmt.Sprintf("%d of %d partners · 12/%d", n, n, n))
	m = send(m, tea.KeyMsg{Type: tea.KeyEnd})
	v := m.View()
	h := m.partner.list.Height()
	for i, p := range m.deps.Catalog.Partners[n-h:] {
		row := "  " + p.Name[:min(len(p.Name), 12)]
		if i == h-1 {
			row = "> " + p.Name[:min(len(p.Name), 12)]
		}
		if !strings.Contains(v, row) {
			t.Errorf("End: the list of %d rows lacks %q:\n%s", h, row, v)
		}
	}
	mustContain(t, v, fmt.Sprintf(" · %d/%d", n, n))
}

// Clearing or shortening the filter keeps the partner the cursor was on, not its row number.
func TestClearingTheFilterKeepsThePartner(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "dwolla")
	for _, k := range []string{"ctrl+u", "esc", "backspace"} {
		after := send(m, keyMsg(k))
		if p, _ := after.partner.selected(); p.ID != "dwolla" {
			t.Errorf("%s on the filter dwolla: the cursor is on %q, want dwolla", k, p.ID)
		}
	}
}

// A partner plaidwalk cannot walk says why in one phrase, and one with no Link products
// says so instead of "Link products ·".
func TestNotRunnablePartnerIsWorded(t *testing.T) {
	m := typeText(pureModel(t, plaidflow.EnvOffline), "prime-trust")
	v := strings.Join(strings.Fields(m.View()), " ")
	mustContain(t, v, "Not runnable (retired): Plaid removed", "Needs: no Link products · US")
	if strings.Contains(v, "retired: ") && strings.Contains(v, "Not runnable: ") || strings.Contains(v, "Needs: Link products ·") {
		t.Errorf("the panel reads oddly:\n%s", m.View())
	}
	mustContainWords(t, send(m, keyMsg("enter")).View(), "cannot be walked: Plaid removed the prime_trust processor")
}
