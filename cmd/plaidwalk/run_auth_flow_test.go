package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// authFlowDoc is what the Auth flow tests read of run --json.
type authFlowDoc struct {
	Account *struct {
		Mask               string
		VerificationStatus string `json:"verification_status"`
	}
	PartnerView *struct {
		Read bool
		ACH  []struct{ Routing string }
	} `json:"partner_view"`
	Webhooks []struct {
		Type     string `json:"webhook_type"`
		Code     string `json:"webhook_code"`
		Verified bool
	}
	APILog []struct{ Path string } `json:"api_log"`
}

// TestRunAutomatedMicrodeposits: --auth-flow automated-microdeposits links Houndstooth's
// checking account pending, makes the processor token, verifies the account with
// /sandbox/item/set_verification_status, and the partner then reads Houndstooth's routing
// number; plaidwalk's receiver gets AUTH AUTOMATICALLY_VERIFIED.
func TestRunAutomatedMicrodeposits(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--auth-flow", "automated-microdeposits", "--partner-view", "--json", "--no-save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc authFlowDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Account == nil || doc.PartnerView == nil {
		t.Fatalf("no account or partner_view (%v):\n%s", err, out)
	}
	if doc.Account.Mask != "0000" || doc.Account.VerificationStatus != "automatically_verified" {
		t.Errorf("account %+v: want Plaid Checking 0000, automatically_verified", *doc.Account)
	}
	if !doc.PartnerView.Read || len(doc.PartnerView.ACH) != 1 || doc.PartnerView.ACH[0].Routing != "021000021" {
		t.Errorf("partner_view %+v: want routing 021000021", *doc.PartnerView)
	}
	var paths []string
	for _, c := range doc.APILog {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths, " "); !strings.Contains(got, "/processor/token/create /sandbox/item/set_verification_status") {
		t.Errorf("api_log %s: want the processor token made before /sandbox/item/set_verification_status", got)
	}
	found := false
	for _, w := range doc.Webhooks {
		found = found || (w.Type == "AUTH" && w.Code == "AUTOMATICALLY_VERIFIED")
	}
	if !found {
		t.Errorf("webhooks %+v: want AUTH AUTOMATICALLY_VERIFIED", doc.Webhooks)
	}
}

// TestRunAuthFlowHuman: the human output shows the status change on the account line.
func TestRunAuthFlowHuman(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--auth-flow", "automated-microdeposits", "--no-save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if !strings.Contains(out, "verification_status pending_automatic_verification → automatically_verified") {
		t.Errorf("the account line does not show the verification:\n%s", out)
	}
}

// TestRunAuthFlowRefusals: an unknown flow, a clash with --password or --institution, a Link
// other than the shortcut for a shortcut flow, and the shortcut for a flow typed into Link
// exit 2 before any call, naming the fix.
func TestRunAuthFlowRefusals(t *testing.T) {
	cases := [][]string{
		{"--auth-flow", "same-day"},
		{"--auth-flow", "instant-match", "--password", "pass_good"},
		{"--auth-flow", "instant-match", "--institution", "ins_109508"},
		{"--auth-flow", "automated-microdeposits", "--link", "browser"},
		{"--auth-flow", "same-day-microdeposits"},
		{"--auth-flow", "instant-microdeposits", "--link", "shortcut"},
		{"--auth-flow", "same-day-microdeposits", "--link", "browser", "--products", "auth,transactions"},
		{"--auth-flow", "same-day-microdeposits", "--link", "browser", "--repair"},
	}
	for _, args := range cases {
		code, _, errOut := runIn(t, nil, append([]string{"run", "--partner", "dwolla", "--no-save"}, args...)...)
		if code != 2 || !strings.Contains(errOut, "--auth-flow") {
			t.Errorf("%v: exit %d, %q; want 2 naming --auth-flow", args, code, errOut)
		}
		if len(args) == 2 && args[1] != "automated-microdeposits" && strings.HasSuffix(args[1], "-microdeposits") && !strings.Contains(errOut, "fix: add --link browser") {
			t.Errorf("%v: %q does not name the fix (--link browser or hosted)", args, errOut)
		}
	}
}

// TestRunInstantMatch: the Instant Match flow links Houndstooth and leaves no
// verification_status on the account.
func TestRunInstantMatch(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--auth-flow", "instant-match", "--partner-view", "--json", "--no-save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc authFlowDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Account == nil || doc.PartnerView == nil {
		t.Fatalf("no account or partner_view (%v):\n%s", err, out)
	}
	if doc.Account.VerificationStatus != "" || len(doc.PartnerView.ACH) != 1 || doc.PartnerView.ACH[0].Routing != "021000021" {
		t.Errorf("account %+v, partner_view %+v: want no status and routing 021000021", *doc.Account, *doc.PartnerView)
	}
}

// TestAutomatedMicrodepositsReplays: the session keeps microdeposits_good (a sandbox test
// password), so replay logs in the same way, finds the account pending and verifies it again.
func TestAutomatedMicrodepositsReplays(t *testing.T) {
	e := newSessEnv(t)
	if code, out, errOut := e.plaidwalk("run", "--partner", "dwolla", "--auth-flow", "automated-microdeposits"); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, out, errOut)
	}
	code, out, errOut := e.plaidwalk("replay", "latest")
	if code != 0 || !strings.Contains(out, "\nreproduced: ") {
		t.Fatalf("replay: exit %d\n%s\n%s", code, out, errOut)
	}
}
