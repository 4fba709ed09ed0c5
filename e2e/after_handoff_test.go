package e2e

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/internal/browsertest"
	"plaidwalk/sessions"
)

// TestPartnerViewAndRepairInTmux is issue 15's UI as a person meets it: the built binary in
// tmux, offline; Link in Chromium; on the results p shows what Dwolla reads (the account
// number masked until v), b breaks the Item and opens Link in update mode, the person logs in
// again at the same bank in Chromium, and the UI shows the Item repaired. The saved session
// tells both steps.
func TestPartnerViewAndRepairInTmux(t *testing.T) {
	bin := buildBinary(t)
	term, dir := startOfflineWith(t, bin, 100, 30, "--partner dwolla")
	state, exitFile := filepath.Join(dir, "state"), filepath.Join(dir, "exit")
	term.waitFor(`Step 2/7 · Link options`, 10*time.Second)
	term.send("Enter")
	term.waitFor(`link_token created`, 10*time.Second)
	term.send("Enter")
	url := linkURL.FindString(term.waitFor(`Step 4/7(.|\n)*http://127`, 10*time.Second))
	browser := browsertest.Start(t)
	if err := browsertest.CompleteEmulatedLink(browser, url, browsertest.UserGood, nil); err != nil {
		t.Fatalf("Link in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	term.waitFor(`Choose the account for Dwolla`, 20*time.Second)
	term.send("Enter")
	term.waitFor(`Step 7/7`, 20*time.Second)

	term.send("p")
	screen := term.waitFor(`What Dwolla reads with its token(.|\n)*routing \d{9}  account ••••\d{4}`, 10*time.Second)
	saveScreen(t, "partner-view", screen)
	term.send("v")
	term.waitFor(`routing \d{9}  account \d{10,}`, 5*time.Second)

	term.send("b")
	screen = term.waitFor(`ITEM_LOGIN_REQUIRED(.|\n)*Link waits in update mode at http://127`, 10*time.Second)
	saveScreen(t, "repair-waiting", screen)
	first, err := browsertest.ReloginEmulatedLink(browser, linkURL.FindString(screen), browsertest.UserGood, browsertest.NewShots(t))
	if err != nil {
		t.Fatalf("update-mode Link: %v\nterminal:\n%s", err, term.screen())
	}
	if first.Bank != "First Platypus Bank" || first.BackShow {
		t.Errorf("update-mode Link first showed %+v, want First Platypus Bank's login and no search", first)
	}
	screen = term.waitFor(`/item/get reports no error(.|\n)*routing \d{9}`, 20*time.Second)
	saveScreen(t, "repaired", screen)
	term.send("q")
	if code := waitExit(t, exitFile, 10*time.Second); code != "0" {
		t.Fatalf("exit %s; screen:\n%s", code, term.screen())
	}
	checkSavedAfterHandoff(t, filepath.Join(state, "plaidwalk", "sessions"))
}

func checkSavedAfterHandoff(t *testing.T, dir string) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.json"))
	if len(files) != 1 {
		t.Fatalf("%d sessions saved in %s, want 1", len(files), dir)
	}
	s, err := sessions.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	after := s.Calls[sessions.HandoffEnd(s.Calls):]
	var paths []string
	for _, c := range after {
		paths = append(paths, c.Path)
	}
	want := regexp.MustCompile(`^/processor/auth/get /processor/balance/get /sandbox/item/reset_login /accounts/get /link/token/create /item/get /processor/auth/get /processor/balance/get$`)
	if strings.Join(s.Inputs.AfterHandoff, ",") != "partner_view,repair" || !want.MatchString(strings.Join(paths, " ")) {
		t.Errorf("saved session: after_handoff %v, calls after the hand-off %v", s.Inputs.AfterHandoff, paths)
	}
}
