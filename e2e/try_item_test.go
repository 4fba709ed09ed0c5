package e2e

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestTryItemInTmux walks Dwolla (sandbox shortcut) in an 80x24 terminal, presses t on the
// results and Enter on the first call of Try the Item: /accounts/get comes back with its
// request (the access_token masked), its response and a curl; esc returns to the list.
func TestTryItemInTmux(t *testing.T) {
	term, exitFile := startOffline(t, 80, 24)
	walkDwollaByShortcut(term)
	term.send("t")
	term.waitFor(`Try the Item(.|\n)*> /accounts/get`, 5*time.Second)
	term.send("Enter")
	screen := term.waitFor(`Tried /accounts/get(.|\n)*Request:(.|\n)*lines 1–`, 10*time.Second)
	saveScreen(t, "try-item-80x24", screen)
	if !regexp.MustCompile(`"access_token": "access-sandbox-…`).MatchString(screen) {
		t.Errorf("the request should show the access_token masked:\n%s", screen)
	}
	term.send("Escape")
	screen = term.waitFor(`Calls the Item's products`, 5*time.Second)
	if !strings.Contains(screen, "/auth/get") {
		t.Errorf("back on the list, /auth/get (a Dwolla Item has auth) is missing:\n%s", screen)
	}
	term.send("q")
	if code := waitExit(t, exitFile, 10*time.Second); code != "0" {
		t.Fatalf("exit code %s, want 0; screen:\n%s", code, term.screen())
	}
}
