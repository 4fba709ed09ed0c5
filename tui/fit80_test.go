package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// At 80x24 the production warning fits: every line of its box has both borders, and its
// text is all there (wrapped, not cut), for the link_token and for a partner token.
func TestProductionConfirmationFitsAt80x24(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvProduction, "dwolla"), keyMsg("enter"))
	if !m.confirming {
		t.Fatal("enter in production did not ask first")
	}
	checkBoxFits(t, m.View(), 80, "This is PRODUCTION.", "real link_token", "share real data.", "Create it? y yes · n no")
	m = send(m, keyMsg("n"))
	m.walk.item, m.walk.account = plaidflow.Item{ItemID: "item-production-0123456789"}, testAccounts().Accounts[1]
	m.confirming, m.confirmFor = true, stepPartnerToken
	checkBoxFits(t, m.View(), 80, "real Dwolla token", "Plaid Checking 0000", "share real data.", "Create it? y yes · n no")
}

func checkBoxFits(t *testing.T, view string, w int, wants ...string) {
	t.Helper()
	var box []string
	for _, l := range strings.Split(view, "\n") {
		if lipgloss.Width(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
		if strings.Contains(l, "│") {
			box = append(box, strings.TrimRight(l, " "))
		}
	}
	if len(box) < 4 {
		t.Fatalf("no box on screen:\n%s", view)
	}
	for _, l := range box {
		if !strings.HasPrefix(l, "│") || !strings.HasSuffix(l, "│") {
			t.Errorf("box line lost a border: %q", l)
		}
	}
	// The phrases are read across lines: wrapping may break between words, never inside one.
	text := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(box, " "), "│", " ")), " ")
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("the box lacks %q:\n%s", want, text)
		}
	}
}
