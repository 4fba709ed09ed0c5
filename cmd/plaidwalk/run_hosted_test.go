package main

import (
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"plaidwalk/internal/browsertest"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// TestRunLinkHostedInChromium runs `plaidwalk run --link hosted --no-browser` offline: the
// command prints the emulator's hosted_link_url, headless Chromium opens it as a person would
// and logs in, and the command finds the public_token through /link/token/get and finishes
// Dwolla's walk. The saved session says Hosted Link; `sessions show` and `replay` read it.
func TestRunLinkHostedInChromium(t *testing.T) {
	e := newSessEnv(t)
	fastHostedPolls(e, 100*time.Millisecond, time.Minute)
	failOnOpen(t, e)
	tab := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	code, out, errOut, linkErr := runWithHostedPage(t, e, func(url string) error {
		return clickThroughHostedLink(tab, url, houndstooth, "pass_good", shots)
	}, "run", "--partner", "dwolla", "--link", "hosted", "--no-browser", "--json", "--link-timeout", "60s")
	if linkErr != nil {
		t.Fatalf("clicking through Hosted Link: %v\nstderr:\n%s", linkErr, errOut)
	}
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	for _, want := range []string{"Hosted Link is waiting at http://127.0.0.1:", "/link/emulated/hosted/", "open that address in a browser", "session saved: "} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	doc := decodeRunDoc(t, out)
	if doc.Account == nil || doc.Account.Mask != "0000" || !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-") {
		t.Fatalf("result: %+v", doc)
	}
	paths := map[string]int{}
	for _, c := range doc.APILog {
		paths[c.Path]++
	}
	if paths["/sandbox/public_token/create"] != 0 || paths["/link/token/create"] != 1 || paths["/link/token/get"] < 1 || paths["/item/public_token/exchange"] != 1 {
		t.Errorf("API log paths %v: want one link token, its polls, one exchange, no shortcut", paths)
	}
	s := latestSession(t, e)
	if s.Inputs.LinkMode != sessions.LinkModeHosted || !s.Inputs.Link.HostedLink || s.Link == nil || s.Link.Outcome == nil || s.Link.Outcome.Status != "success" {
		t.Fatalf("saved session: link mode %q, hosted_link %v, link %+v", s.Inputs.LinkMode, s.Inputs.Link.HostedLink, s.Link)
	}
	if s.Inputs.InstitutionID != houndstooth.id || s.Outcome.Result != sessions.ResultSuccess {
		t.Errorf("saved inputs %+v, outcome %+v", s.Inputs, s.Outcome)
	}
	if !hasLinkEvents(s.Webhooks) {
		t.Errorf("no verified LINK EVENTS webhook with the page's events among %+v", s.Webhooks)
	}
	code, out, errOut = e.plaidwalk("sessions", "show", "latest")
	if code != 0 || !strings.Contains(out, "Hosted Link") {
		t.Errorf("sessions show: exit %d, it should name Hosted Link:\n%s%s", code, out, errOut)
	}
	code, out, errOut = e.plaidwalk("replay", "latest")
	if code != 0 || !strings.Contains(out, "reproduced") || !strings.Contains(out, "Plaid Link (hosted); the replay uses the sandbox shortcut") {
		t.Errorf("replay: exit %d, want reproduced through the shortcut:\n%s%s", code, out, errOut)
	}
}

// TestRunLinkHostedExitErrorIsSaved: a locked account in Hosted Link ends the session in
// onExit; run reads Plaid's error from /link/token/get, prints it with a hint, exits 1, never
// exchanges, and saves the exit, which replay reproduces with the matching test password.
func TestRunLinkHostedExitErrorIsSaved(t *testing.T) {
	e := newSessEnv(t)
	fastHostedPolls(e, 100*time.Millisecond, time.Minute)
	failOnOpen(t, e)
	tab := browsertest.Start(t)
	code, _, errOut, linkErr := runWithHostedPage(t, e, func(url string) error {
		return clickThroughHostedLink(tab, url, firstPlatypus, "error_ITEM_LOCKED", nil)
	}, "run", "--partner", "dwolla", "--link", "hosted", "--no-browser", "--link-timeout", "60s")
	if linkErr != nil {
		t.Fatalf("clicking through Hosted Link: %v\nstderr:\n%s", linkErr, errOut)
	}
	if code != 1 || !strings.Contains(errOut, "Hosted Link onExit failed: ITEM_ERROR / ITEM_LOCKED\n") || !strings.Contains(errOut, "hint:") {
		t.Fatalf("exit %d, want 1 with Plaid's error and a hint; stderr:\n%s", code, errOut)
	}
	checkLinkExitDocs(t, errOut)
	s := latestSession(t, e)
	for _, c := range s.Calls {
		if c.Path == "/item/public_token/exchange" || c.Path == "/sandbox/public_token/create" {
			t.Errorf("%s was called after Hosted Link exited", c.Path)
		}
	}
	if o := s.Link.Outcome; s.Inputs.LinkMode != sessions.LinkModeHosted || o == nil || o.Status != "exit" || o.ErrorCode != "ITEM_LOCKED" || o.ErrorType != "ITEM_ERROR" {
		t.Fatalf("saved session: link mode %q, outcome %+v", s.Inputs.LinkMode, o)
	}
	if s.Outcome.ErrorCode != "ITEM_LOCKED" {
		t.Errorf("saved outcome %+v", s.Outcome)
	}
	code, out, errOut := e.plaidwalk("replay", "latest")
	if code != 0 || !strings.Contains(out, "error_ITEM_LOCKED") || !strings.Contains(out, "reproduced") {
		t.Errorf("replay: exit %d, want the lock reproduced with error_ITEM_LOCKED:\n%s%s", code, out, errOut)
	}
}

// TestRunLinkHostedTimesOut: nobody finishes Hosted Link. The page goes to the browser seam,
// the wait says now and then that it is still going (far less often than it polls), and
// --link-timeout ends it with exit 1 and a saved timeout.
func TestRunLinkHostedTimesOut(t *testing.T) {
	e := newSessEnv(t)
	fastHostedPolls(e, 50*time.Millisecond, 300*time.Millisecond)
	var mu sync.Mutex
	var opened []string
	e.deps.openURL = func(url string) error {
		mu.Lock()
		defer mu.Unlock()
		opened = append(opened, url)
		return nil
	}
	code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--link", "hosted", "--link-timeout", "3s")
	if code != 1 || !strings.Contains(errOut, "Hosted Link did not finish within 3s") || !strings.Contains(errOut, "--link-timeout") {
		t.Fatalf("exit %d, want 1 with the timeout; stderr:\n%s", code, errOut)
	}
	// The browser got the whole address; the terminal shows it with the link_token masked.
	m := hostedURLRE.FindStringSubmatch(errOut)
	mu.Lock()
	if m == nil || len(opened) != 1 || !strings.Contains(opened[0], "/link-sandbox-") {
		t.Fatalf("opened %v; the printed address was %v", opened, m)
	}
	token := opened[0][strings.LastIndex(opened[0], "/")+1:]
	if want := strings.ReplaceAll(opened[0], token, plaidflow.Mask(token)); m[1] != want || !strings.Contains(errOut, "--reveal prints it whole") {
		t.Errorf("printed %q, want %q with a word on --reveal", m[1], want)
	}
	mu.Unlock()
	s := latestSession(t, e)
	polls := 0
	for _, c := range s.Calls {
		if c.Path == "/link/token/get" {
			polls++
		}
	}
	notes := strings.Count(errOut, "still waiting for Hosted Link")
	if notes < 1 || notes > int(3*time.Second/(300*time.Millisecond))+1 || polls < 2*notes {
		t.Errorf("%d progress lines for %d polls: want about one per 300ms of waiting, not one per poll\n%s", notes, polls, errOut)
	}
	if s.Inputs.LinkMode != sessions.LinkModeHosted || s.Link == nil || s.Link.Outcome == nil || s.Link.Outcome.Status != "timeout" {
		t.Errorf("saved session: link mode %q, link %+v", s.Inputs.LinkMode, s.Link)
	}
}

func TestRunLinkValueErrorNamesTheModes(t *testing.T) {
	e := newSessEnv(t)
	code, out, errOut := e.plaidwalk("run", "--partner", "dwolla", "--link", "hosted-link")
	if code != 2 || out != "" {
		t.Fatalf("exit %d, stdout %q; want 2 and nothing on stdout", code, out)
	}
	for _, want := range []string{`"hosted-link"`, "shortcut", "browser", "hosted,"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "session saved") {
		t.Errorf("a refused run was saved:\n%s", errOut)
	}
	code, out, _ = e.plaidwalk("run", "--help")
	if code != 0 || !strings.Contains(out, "--link hosted") || !strings.Contains(out, "or hosted (Plaid's Hosted Link") {
		t.Errorf("run --help should document --link hosted:\n%s", out)
	}
}

// hostedURLRE finds the address run prints for Hosted Link.
var hostedURLRE = regexp.MustCompile(`Hosted Link is waiting at (\S+)\n`)

// hasLinkEvents: the Hosted Link session's EVENTS webhook came, signed, with what the real page
// recorded (its views and the bank chosen).
func hasLinkEvents(hooks []sessions.Webhook) bool {
	for _, w := range hooks {
		if w.Type == "LINK" && w.Code == "EVENTS" && w.Verified &&
			strings.Contains(string(w.Body), `"TRANSITION_VIEW"`) && strings.Contains(string(w.Body), houndstooth.id) {
			return true
		}
	}
	return false
}
