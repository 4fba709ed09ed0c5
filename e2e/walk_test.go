package e2e

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/internal/browsertest"
)

var linkURL = regexp.MustCompile(`http://127\.0\.0\.1:\d+/[A-Za-z0-9_-]{22,}/`)

// TestWalkDwollaInTmux is the whole product as a person meets it: the built binary in a
// 100x30 terminal, offline; type "dwolla", accept the defaults, complete Link in a real
// (headless) Chromium, pick the account, and read the processor token off the results screen.
// After quitting, the summary must be on stdout and the exit code 0.
func TestWalkDwollaInTmux(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	exitFile, outFile := filepath.Join(dir, "exit"), filepath.Join(dir, "stdout.txt")
	env := []string{"XDG_STATE_HOME=" + filepath.Join(dir, "state"), "HOME=" + dir, "PLAID_CLIENT_ID=", "PLAID_SECRET="}
	term := startTmux(t, 100, 30, env, exitFile, "sh", "-c", "cd "+dir+" && exec "+bin+" --no-browser > "+outFile)

	term.waitFor(`OFFLINE EMULATOR`, 10*time.Second)
	term.waitFor(`Step 1/7`, 5*time.Second)
	term.sendText("dwolla")
	term.waitFor(`1 of \d+ partners`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`Step 2/7 · Link options`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`link_token created`, 10*time.Second)
	term.send("Enter")
	screen := term.waitFor(`Step 4/7(.|\n)*http://127`, 10*time.Second)
	url := linkURL.FindString(screen)
	if url == "" {
		t.Fatalf("no Link URL on the Link screen:\n%s", screen)
	}

	browser := browsertest.Start(t)
	if err := browsertest.CompleteEmulatedLink(browser, url, browsertest.UserGood, browsertest.NewShots(t)); err != nil {
		t.Fatalf("Link in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	// Step 5 first shows the exchange in progress; the picker follows once /accounts/get answers.
	screen = term.waitFor(`Step 5/7(.|\n)*Choose the account for Dwolla`, 20*time.Second)
	if !strings.Contains(screen, "Plaid Checking") || !strings.Contains(screen, "0000") {
		t.Fatalf("the account picker lacks Plaid Checking 0000:\n%s", screen)
	}
	term.send("Enter")
	saveScreen(t, "accounts", screen)
	screen = term.waitFor(`Step 7/7`, 20*time.Second)
	saveScreen(t, "results", screen)
	for _, want := range []string{"processor_token", "processor-sandbox-", "OFFLINE EMULATOR"} {
		if !strings.Contains(screen, want) {
			t.Errorf("results screen lacks %q:\n%s", want, screen)
		}
	}
	if regexp.MustCompile(`processor-sandbox-[0-9a-f]{8}-`).MatchString(screen) {
		t.Errorf("the processor token is shown unmasked before being revealed:\n%s", screen)
	}
	term.send("q")
	code := waitExit(t, exitFile, 10*time.Second)
	if code != "0" {
		t.Fatalf("exit code %s, want 0; screen:\n%s", code, term.screen())
	}
	out, _ := os.ReadFile(outFile)
	if !strings.Contains(string(out), "processor_token") || !strings.Contains(string(out), "Dwolla") {
		t.Errorf("stdout summary lacks the result:\n%s", out)
	}
}

// waitExit waits for the exit code the tmux shell writes when the program ends.
func waitExit(t *testing.T, file string, within time.Duration) string {
	t.Helper()
	deadline := time.Now().Add(within)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(file); err == nil && len(b) > 0 {
			return strings.TrimSpace(string(b))
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("plaidwalk did not exit within %s", within)
	return ""
}

// saveScreen keeps a screen's text beside the test's screenshots, for a person to read.
func saveScreen(t *testing.T, name, screen string) {
	t.Helper()
	root, err := browsertest.RepoRoot()
	if err != nil {
		t.Logf("no repo root for the screen %s: %v", name, err)
		return
	}
	dir := filepath.Join(root, "testdata-artifacts", t.Name())
	if err := os.MkdirAll(dir, 0o755); err == nil {
		_ = os.WriteFile(filepath.Join(dir, name+".txt"), []byte(screen), 0o644)
	}
}
