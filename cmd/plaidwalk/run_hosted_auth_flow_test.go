package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestRunSameDayMicrodepositsThroughHostedLink: `run --link hosted --auth-flow
// same-day-microdeposits` offline, a person in Chromium on the emulator's Hosted Link pages:
// the first page takes the numbers, the walk polls /link/token/get for the public_token, makes
// Dwolla's token while the account is pending, then hands out an update-mode Hosted Link where
// the person types the code. The account ends manually_verified, with one exchange.
func TestRunSameDayMicrodepositsThroughHostedLink(t *testing.T) {
	d := testDeps()
	done := sameDayBrowser(t, &d, "ABC")
	code, out, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--link", "hosted", "--auth-flow", "same-day-microdeposits",
		"--json", "--no-save", "--link-timeout", "60s")
	if code == 0 {
		waitLinks(t, done, 2, "Hosted Link", errOut)
	}
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	var doc codeRunDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Account == nil || doc.DepositCode == nil {
		t.Fatalf("no account or deposit_code (%v):\n%s", err, out)
	}
	if doc.Account.VerificationStatus != "manually_verified" || !doc.DepositCode.Verified {
		t.Errorf("account %+v deposit_code %+v, want manually_verified and a verified code", *doc.Account, *doc.DepositCode)
	}
	if !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-") {
		t.Errorf("tokens %v, want Dwolla's processor token", doc.Tokens)
	}
	checkSameDayCalls(t, doc)
	hosted, polls := 0, 0
	for _, c := range doc.APILog {
		body := strings.Join(strings.Fields(string(c.RequestBody)), "")
		if c.Path == "/link/token/create" && strings.Contains(body, `"hosted_link":{`) {
			hosted++
		}
		if c.Path == "/link/token/get" {
			polls++
		}
	}
	if hosted != 2 || polls < 2 {
		t.Errorf("%d link_tokens asked for Hosted Link (want both) and /link/token/get was polled %d times", hosted, polls)
	}
}
