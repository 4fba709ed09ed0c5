package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// codeRunDoc is what the Same-Day test reads of run --json.
type codeRunDoc struct {
	Institution *struct{ ID string }
	Account     *struct {
		Mask               string
		VerificationStatus string `json:"verification_status"`
	}
	Tokens      map[string]string
	DepositCode *struct {
		UpdateLinkToken string `json:"update_link_token"`
		PublicToken     string `json:"public_token"`
		Exchanged       bool
		Verified        bool
	} `json:"deposit_code"`
	APILog []struct {
		Path        string
		RequestBody json.RawMessage `json:"request_body"`
	} `json:"api_log"`
}

// sameDayBrowser answers run's two "open this URL" calls as a person in Chromium: the first
// Link takes the account's numbers, the second (update mode) the deposit code. Each Link has a
// tab of its own: Hosted Link's session ends when the code or numbers are accepted, so the walk
// opens the next Link while the person may still be clicking Continue on the last one. done
// gets one result per Link.
func sameDayBrowser(t *testing.T, d *deps, codes ...string) (done chan error) {
	browser := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	var mu sync.Mutex
	opened := 0
	done = make(chan error, 4)
	d.openURL = func(url string) error {
		mu.Lock()
		opened++
		n := opened
		mu.Unlock()
		tab, closeTab := chromedp.NewContext(browser)
		t.Cleanup(closeTab)
		go func() {
			if n%2 == 1 {
				done <- browsertest.EnterNumbersEmulatedLink(tab, url, browsertest.SameDayNumbers, shots)
				return
			}
			done <- browsertest.EnterCodeEmulatedLink(tab, url, shots, codes...)
		}()
		return nil
	}
	return done
}

// waitLinks waits for n Links' results from done, failing (not hanging) when one never comes.
func waitLinks(t *testing.T, done chan error, n int, what, errOut string) {
	t.Helper()
	for i := 1; i <= n; i++ {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%s %d in Chromium: %v", what, i, err)
			}
		case <-time.After(browsertest.Timeout):
			t.Fatalf("%s %d never finished in Chromium; run's stderr:\n%s", what, i, errOut)
		}
	}
}

// TestRunSameDayMicrodepositsInChromium: `run --partner dwolla --link browser --auth-flow
// same-day-microdeposits` with a person in Chromium: the link_token asks for Same-Day, the
// person types the numbers, the walk makes Dwolla's token while the account is pending, then
// opens Link in update mode where the person types a wrong code and then ABC; the account ends
// manually_verified with its processor token, no second exchange. The saved session keeps the
// step, and its replay asks the person for the numbers and the code again.
func TestRunSameDayMicrodepositsInChromium(t *testing.T) {
	d := testDeps()
	done := sameDayBrowser(t, &d, "XYZ", "ABC")
	file := filepath.Join(t.TempDir(), "same-day.json")
	code, out, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--link", "browser", "--auth-flow", "same-day-microdeposits",
		"--json", "--no-save", "--save", file, "--link-timeout", "60s")
	if code == 0 {
		waitLinks(t, done, 2, "Link", errOut)
	}
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	var doc codeRunDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Account == nil || doc.DepositCode == nil {
		t.Fatalf("no account or deposit_code (%v):\n%s", err, out)
	}
	if doc.Institution != nil || doc.Account.Mask != "0000" || doc.Account.VerificationStatus != "manually_verified" {
		t.Errorf("institution %+v account %+v, want none and 0000 manually_verified", doc.Institution, *doc.Account)
	}
	if !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-") || !doc.DepositCode.Verified || doc.DepositCode.Exchanged {
		t.Errorf("tokens %v deposit_code %+v, want a processor token and a verified code with no exchange", doc.Tokens, *doc.DepositCode)
	}
	checkSameDayCalls(t, doc)
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if !s.Inputs.Link.SameDayMicrodeposits || strings.Join(s.Inputs.AfterHandoff, ",") != sessions.AfterDepositCode {
		t.Errorf("saved inputs: same-day %v, after the hand-off %v", s.Inputs.Link.SameDayMicrodeposits, s.Inputs.AfterHandoff)
	}
	if names := eventNames(s.Link); !inOrder(names, "OPEN", "SUBMIT_ROUTING_NUMBER", "SUBMIT_ACCOUNT_NUMBER", "HANDOFF", "OPEN", "ERROR", "HANDOFF") {
		t.Errorf("saved Link events %v, want the numbers Link then the code Link (a wrong code first)", names)
	}
	checkSameDayReplay(t, d, done, file)
}

// checkSameDayCalls: the first link_token asks for Same-Day, the processor token is made
// before the update-mode link_token, and the public_token is exchanged once.
func checkSameDayCalls(t *testing.T, doc codeRunDoc) {
	t.Helper()
	var paths []string
	exchanges := 0
	for i, c := range doc.APILog {
		paths = append(paths, c.Path)
		if c.Path == "/item/public_token/exchange" {
			exchanges++
		}
		if c.Path == "/link/token/create" && len(paths) == 1 && !strings.Contains(strings.Join(strings.Fields(string(doc.APILog[i].RequestBody)), ""), `"same_day_microdeposits_enabled":true`) {
			t.Errorf("the first link_token did not ask for Same-Day: %s", c.RequestBody)
		}
	}
	got := strings.Join(paths, " ")
	// After the code, the walk reads /accounts/get (an /item/get from the page's end may come on either side).
	_, after, found := strings.Cut(got, "/processor/token/create /link/token/create")
	if exchanges != 1 || !found || !strings.Contains(after, "/accounts/get") {
		t.Errorf("api_log %s: want one exchange and the processor token before the update-mode link_token", got)
	}
}

// checkSameDayReplay replays the saved walk: the shortcut cannot type numbers, so the replay
// asks the person again in the browser, for the numbers and then the code.
func checkSameDayReplay(t *testing.T, d deps, done chan error, file string) {
	t.Helper()
	code, out, errOut := runInWith(t, d, nil, "replay", file)
	waitLinks(t, done, 2, "the replay's Link", errOut)
	if code != 0 || !strings.Contains(out, "\nreproduced: ") {
		t.Errorf("replay: exit %d\n%s%s", code, out, errOut)
	}
}

// TestRunInstantMicrodepositsInChromium: `run --auth-flow instant-microdeposits` with Link in
// the browser and with Hosted Link: the link_token asks for Instant Micro-deposits, the person
// picks Windowpane Bank, types its numbers and the code in one session, and the walk ends with
// the account manually_verified and Dwolla's token, with no second Link.
func TestRunInstantMicrodepositsInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	for _, mode := range []string{"browser", "hosted"} {
		t.Run(mode, func(t *testing.T) {
			done := make(chan error, 1)
			d := testDeps()
			d.openURL = func(url string) error {
				go func() {
					done <- browsertest.InstantMicrodepositsEmulatedLink(browser, url, browsertest.InstantNumbers, shots)
				}()
				return nil
			}
			code, out, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--link", mode, "--auth-flow", "instant-microdeposits",
				"--json", "--no-save", "--link-timeout", "60s")
			waitLinks(t, done, 1, "Link", errOut)
			var doc codeRunDoc
			if code != 0 || json.Unmarshal([]byte(out), &doc) != nil || doc.Account == nil {
				t.Fatalf("exit %d; stderr:\n%s\nstdout:\n%s", code, errOut, out)
			}
			if doc.Account.VerificationStatus != "manually_verified" || doc.DepositCode != nil || doc.Tokens["processor_token"] == "" {
				t.Errorf("account %+v deposit_code %+v tokens %v, want manually_verified, no code step, a processor token", *doc.Account, doc.DepositCode, doc.Tokens)
			}
			first := strings.Join(strings.Fields(string(doc.APILog[0].RequestBody)), "")
			if !strings.Contains(first, `"instant_microdeposits_enabled":true`) || strings.Contains(first, `"hosted_link":{`) != (mode == "hosted") {
				t.Errorf("the link_token did not ask for Instant Micro-deposits with --link %s: %s", mode, doc.APILog[0].RequestBody)
			}
		})
	}
}

// TestCodeStepHuman: the human output tells the deposit-code step and the account line shows
// the status it moved from, naming the code typed in Link, not the sandbox endpoint.
func TestCodeStepHuman(t *testing.T) {
	r := runResult{Env: plaidflow.EnvOffline, VerifiedFrom: plaidflow.VerificationPendingManual,
		Code: &codeResult{LinkToken: plaidflow.LinkToken{Token: "link-sandbox-00000000-0000-4000-8000-000000001234"},
			PublicToken: "public-sandbox-00000000-0000-4000-8000-000000005678"}}
	r.Walk.Account = plaidflow.Account{ID: "acct", Name: "Checking...0000", Mask: "0000", Type: "depository", Subtype: "checking",
		Verification: plaidflow.VerificationManual}
	r.Walk.Item.AccessToken = "access-sandbox-00000000-0000-4000-8000-000000009999"
	var out strings.Builder
	printRunHuman(&out, r, false)
	for _, want := range []string{"verification_status pending_manual_verification → manually_verified (deposit code typed in Link, update mode)",
		"deposit code: Same-Day Micro-deposits verified in Link's update mode", "not exchanged", "no AUTH webhook"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("human output lacks %q:\n%s", want, out.String())
		}
	}
	if strings.Contains(out.String(), "5678\n") && !strings.Contains(out.String(), "…") {
		t.Errorf("tokens are not masked:\n%s", out.String())
	}
}
