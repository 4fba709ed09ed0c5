package e2e

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/internal/browsertest"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// TestAuthFlowsInTmux walks Auth's verification flows (issue 15 §3) in the UI as a person
// does: the built binary in tmux, offline, the Auth flow picked in the Link options, Link in
// Chromium. One binary and one browser serve every flow. Each walk ends with Dwolla reading
// the account's numbers, and `replay latest` reproduces the saved walk.
func TestAuthFlowsInTmux(t *testing.T) {
	bin := buildBinary(t)
	browser := browsertest.Start(t)
	t.Run("InstantMatch", func(t *testing.T) { walkInstantMatch(t, bin, browsertest.NewTab(t, browser)) })
	t.Run("AutomatedMicrodeposits", func(t *testing.T) { walkAutomatedMicrodeposits(t, bin, browsertest.NewTab(t, browser)) })
	t.Run("SameDayMicrodeposits", func(t *testing.T) { walkSameDayMicrodeposits(t, bin, browser) })
	t.Run("InstantMicrodeposits", func(t *testing.T) { walkInstantMicrodeposits(t, bin, browsertest.NewTab(t, browser)) })
}

// startAuthFlowWalk starts bin for Dwolla, picks the Auth flow named in the Link options
// (browser Link), creates the link_token and returns Link's URL from the Link step, which
// repeats the flow's bank and login.
func startAuthFlowWalk(t *testing.T, bin, flowID string) (*tmuxTerm, string, string) {
	t.Helper()
	f, ok := plaidflow.AuthFlowByID(flowID)
	if !ok {
		t.Fatalf("no Auth flow %s in plaidflow.AuthFlows", flowID)
	}
	term, dir := startOfflineWith(t, bin, 100, 30, "--partner dwolla")
	term.waitFor(`Step 2/7 · Link options`, 10*time.Second)
	term.send("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Tab") // Products … Link mode, then Auth flow
	term.waitFor(`> Auth flow`, 5*time.Second)
	chosen := regexp.MustCompile(`Auth flow.*(\[` + f.Name + `\]|‹ ` + f.Name + ` ›)`)
	for range len(plaidflow.AuthFlows) {
		if chosen.MatchString(term.screen()) {
			break
		}
		term.send("Right")
		time.Sleep(150 * time.Millisecond)
	}
	term.waitFor(chosen.String()+`(.|\n)*`+regexp.QuoteMeta(f.Name+": "), 5*time.Second) // with its help line
	term.send("Enter")
	term.waitFor(`link_token created`, 10*time.Second)
	term.send("Enter")
	screen := term.waitFor(`Step 4/7(.|\n)*Auth flow `+f.Name, 10*time.Second)
	url := linkURL.FindString(screen)
	if url == "" {
		t.Fatalf("no Link URL on the Link screen:\n%s", screen)
	}
	return term, url, dir
}

// walkInstantMatch: Houndstooth Bank, user_good / pass_good, Plaid Saving confirmed by its
// numbers on Link's Instant Match screen; the account is verified at once, so the walk goes
// from the picker to the token, and Dwolla reads routing 021000021.
func walkInstantMatch(t *testing.T, bin string, tab context.Context) {
	term, url, dir := startAuthFlowWalk(t, bin, "instant-match")
	if err := browsertest.InstantMatchEmulatedLink(tab, url, browsertest.NewShots(t)); err != nil {
		t.Fatalf("Instant Match in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	screen := term.waitFor(`Choose the account for Dwolla(.|\n)*Plaid Saving`, 20*time.Second)
	if strings.Contains(screen, "pending") {
		t.Errorf("an Instant Match account shows as pending:\n%s", screen)
	}
	term.send("Enter")
	term.waitFor(`Step 7/7`, 20*time.Second)
	term.send("p")
	screen = term.waitFor(`What Dwolla reads(.|\n)*routing 021000021  account ••••1111`, 10*time.Second)
	saveScreen(t, "instant-match-partner-view", screen)
	quitAndReplay(t, term, bin, dir)
}

// walkAutomatedMicrodeposits: Houndstooth Bank with microdeposits_good; the picker marks the
// account pending; the verification step explains the partner's side and Enter moves it
// along, the API log showing /sandbox/item/set_verification_status; Dwolla then reads the
// numbers of the verified account.
func walkAutomatedMicrodeposits(t *testing.T, bin string, tab context.Context) {
	term, url, dir := startAuthFlowWalk(t, bin, "automated-microdeposits")
	login := browsertest.Login{BankQuery: "Houndstooth", InstitutionID: "ins_109512",
		Username: browsertest.UserGood.Username, Password: "microdeposits_good", Account: "Plaid Checking"}
	if err := browsertest.CompleteEmulatedLink(tab, url, login, nil); err != nil {
		t.Fatalf("Link in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	term.waitFor(`Choose the account for Dwolla(.|\n)*Plaid Checking.*yes · pending`, 20*time.Second)
	term.send("Enter")
	screen := term.waitFor(`linked through micro-deposits(.|\n)*PRODUCT_NOT_READY(.|\n)*enter verify it now`, 10*time.Second)
	saveScreen(t, "verification-offer", screen)
	term.send("Enter")
	// The webhook pane (above the step) has the AUTH webhook the verification made Plaid send.
	term.waitFor(`AUTH AUTOMATICALLY_VERIFIED .*✓ verified(.|\n)*pending_automatic_verification → automatically_verified`, 10*time.Second)
	term.send("l")
	screen = term.waitFor(`POST /sandbox/item/set_verification_status +200`, 5*time.Second)
	saveScreen(t, "verified-api-log", screen)
	term.send("l", "Enter")
	term.waitFor(`Step 7/7`, 20*time.Second)
	term.send("p")
	screen = term.waitFor(`What Dwolla reads(.|\n)*verification +automatically_verified(.|\n)*routing 021000021`, 10*time.Second)
	saveScreen(t, "verified-partner-view", screen)
	quitAndReplay(t, term, bin, dir)
}

// walkSameDayMicrodeposits: the account's numbers typed into Link ("Link with account
// numbers"); the picker marks it pending and the verification step says the code comes later;
// the token is made while it waits; the partner view explains PRODUCT_NOT_READY; m opens Link
// again in update mode, where a wrong code is refused and ABC verifies the account; p then
// reads routing 110000000. The saved session keeps the steps after the hand-off, and its
// replay, with both Links typed in Chromium again, reproduces it. The walk and the replay each
// get a tab of their own, so each has browsertest.Timeout for its two Links: one budget for
// all four ran out on a busy machine.
func walkSameDayMicrodeposits(t *testing.T, bin string, browser context.Context) {
	tab := browsertest.NewTab(t, browser)
	term, url, dir := startAuthFlowWalk(t, bin, "same-day-microdeposits")
	shots := browsertest.NewShots(t)
	if err := browsertest.EnterNumbersEmulatedLink(tab, url, browsertest.SameDayNumbers, shots); err != nil {
		t.Fatalf("numbers in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	term.waitFor(`Choose the account for Dwolla(.|\n)*yes · pending`, 20*time.Second)
	term.send("Enter")
	term.waitFor(`pending_manual_verification(.|\n)*typed into Link(.|\n)*m there opens Link again`, 10*time.Second)
	term.send("Enter")
	term.waitFor(`Step 7/7`, 20*time.Second)
	term.send("p")
	screen := term.waitFor(`not ready: /processor/auth/get answered PRODUCT_NOT_READY(.|\n)*deposit code(.|\n)*m type deposit code`, 10*time.Second)
	saveScreen(t, "same-day-pending-partner-view", screen)
	term.send("m")
	screen = term.waitFor(`Link waits on its code screen at:\s+http://127`, 10*time.Second)
	if err := browsertest.EnterCodeEmulatedLink(tab, linkURL.FindString(screen), shots, "XYZ", browsertest.DepositCode); err != nil {
		t.Fatalf("the code in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	screen = term.waitFor(`pending_manual_verification → manually_verified(.|\n)*no AUTH webhook`, 20*time.Second)
	saveScreen(t, "same-day-verified", screen)
	term.send("p")
	term.waitFor(`What Dwolla reads(.|\n)*verification +manually_verified(.|\n)*routing 110000000`, 10*time.Second)
	term.send("q")
	if code := waitExit(t, filepath.Join(dir, "exit"), 10*time.Second); code != "0" {
		t.Fatalf("exit %s; screen:\n%s", code, term.screen())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "state", "plaidwalk", "sessions", "*.json"))
	if len(files) != 1 {
		t.Fatalf("%d sessions saved, want 1", len(files))
	}
	s, err := sessions.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Inputs.AfterHandoff, ","); got != "partner_view,deposit_code,partner_view" || !s.Inputs.Link.SameDayMicrodeposits {
		t.Errorf("saved session: after the hand-off %q, same_day_microdeposits_enabled %v", got, s.Inputs.Link.SameDayMicrodeposits)
	}
	replaySameDay(t, bin, dir, browsertest.NewTab(t, browser))
}

// walkInstantMicrodeposits: Windowpane Bank's numbers and the deposit code typed in the same
// Link session; the account comes out manually_verified, so the picker says so and the walk
// goes straight to the token; Dwolla reads routing 333333334.
func walkInstantMicrodeposits(t *testing.T, bin string, tab context.Context) {
	term, url, dir := startAuthFlowWalk(t, bin, "instant-microdeposits")
	if err := browsertest.InstantMicrodepositsEmulatedLink(tab, url, browsertest.InstantNumbers, nil); err != nil {
		t.Fatalf("Windowpane in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	term.waitFor(`Choose the account for Dwolla(.|\n)*yes · verified`, 20*time.Second)
	term.send("Enter")
	term.waitFor(`Step 7/7`, 20*time.Second)
	term.send("p")
	term.waitFor(`What Dwolla reads(.|\n)*verification +manually_verified(.|\n)*routing 333333334`, 10*time.Second)
	term.send("q")
	if code := waitExit(t, filepath.Join(dir, "exit"), 10*time.Second); code != "0" {
		t.Fatalf("exit %s; screen:\n%s", code, term.screen())
	}
}

// replaySameDay replays the saved Same-Day walk, which needs a person in the browser twice
// (the numbers, then the code), as the replay says: Chromium types them on the pages whose
// addresses it prints.
func replaySameDay(t *testing.T, bin, dir string, tab context.Context) {
	t.Helper()
	cmd := exec.Command(bin, "replay", "latest")
	cmd.Dir = dir
	// No PATH: the replay's attempt to open a desktop browser fails at once, as on a server.
	cmd.Env = []string{"XDG_STATE_HOME=" + filepath.Join(dir, "state"), "HOME=" + dir, "PATH=/nonexistent"}
	var out bytes.Buffer
	cmd.Stdout = &out
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 2)
	var said bytes.Buffer
	go func() {
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			said.WriteString(sc.Text() + "\n")
			if u := linkURL.FindString(sc.Text()); u != "" && strings.Contains(sc.Text(), "Link is waiting at") {
				urls <- u
			}
		}
		close(urls)
	}()
	steps := []func(string) error{
		func(u string) error {
			return browsertest.EnterNumbersEmulatedLink(tab, u, browsertest.SameDayNumbers, nil)
		},
		func(u string) error { return browsertest.EnterCodeEmulatedLink(tab, u, nil, browsertest.DepositCode) },
	}
	for i, step := range steps {
		select {
		case u, ok := <-urls:
			if !ok {
				t.Fatalf("the replay ended before Link %d:\n%s%s", i+1, out.String(), said.String())
			}
			if err := step(u); err != nil {
				t.Fatalf("the replay's Link %d in Chromium: %v", i+1, err)
			}
		case <-time.After(20 * time.Second):
			_ = cmd.Process.Kill()
			t.Fatalf("the replay never opened Link %d", i+1)
		}
	}
	if err := cmd.Wait(); err != nil || !strings.Contains(out.String(), "\nreproduced: ") {
		t.Errorf("replay latest: %v, want the saved walk reproduced:\n%s", err, out.String())
	}
}

// quitAndReplay quits the walk (exit 0: a token was made) and replays the session it saved.
func quitAndReplay(t *testing.T, term *tmuxTerm, bin, dir string) {
	t.Helper()
	term.send("q")
	if code := waitExit(t, filepath.Join(dir, "exit"), 10*time.Second); code != "0" {
		t.Fatalf("exit %s; screen:\n%s", code, term.screen())
	}
	cmd := exec.Command(bin, "replay", "latest")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "XDG_STATE_HOME="+filepath.Join(dir, "state"), "HOME="+dir, "PLAID_CLIENT_ID=", "PLAID_SECRET=")
	out, err := cmd.CombinedOutput()
	if err != nil || !strings.Contains(string(out), "\nreproduced: ") {
		t.Errorf("replay latest: %v, want the saved walk reproduced:\n%s", err, out)
	}
}
