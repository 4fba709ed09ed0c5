package sessions

import (
	"bytes"
	"strings"
	"testing"
)

// repairedRecord is dwollaRecord with the steps after the hand-off: the partner's reads, then
// the Item broken, an update-mode link_token, /item/get clean and the reads again.
func repairedRecord() Record {
	r := dwollaRecord()
	access := `{"access_token":"` + wholeAccess + `"}`
	proc := `{"processor_token":"` + wholeProcessor + `"}`
	r.Calls = append(r.Calls,
		flowCall(50, "/processor/auth/get", 200, "", proc, `{"request_id":"R7"}`),
		flowCall(60, "/processor/balance/get", 200, "", proc, `{"request_id":"R8"}`),
		flowCall(70, "/sandbox/item/reset_login", 200, "", access, `{"reset_login":true,"request_id":"R9"}`),
		flowCall(80, "/accounts/get", 400, "ITEM_LOGIN_REQUIRED", access, `{"error_code":"ITEM_LOGIN_REQUIRED","request_id":"R10"}`),
		flowCall(90, "/link/token/create", 200, "", `{"access_token":"`+wholeAccess+`","client_name":"plaidwalk"}`, `{"link_token":"`+wholeLink+`","request_id":"R11"}`),
		flowCall(100, "/item/get", 200, "", access, `{"item":{"error":null},"request_id":"R12"}`),
		flowCall(110, "/processor/auth/get", 200, "", proc, `{"request_id":"R13"}`),
		flowCall(120, "/processor/balance/get", 200, "", proc, `{"request_id":"R14"}`),
	)
	r.AfterHandoff = []string{AfterPartnerView, AfterRepair}
	r.LinkMode = LinkModeBrowser
	return r
}

// The repair's update-mode /link/token/create starts no new attempt: nothing is an earlier
// attempt, the replay compares every call, and the steps are saved in the inputs.
func TestAfterHandoffIsPartOfTheAttempt(t *testing.T) {
	s := Build(repairedRecord())
	if got := HandoffEnd(s.Calls); got != 6 || s.Calls[got-1].Path != "/processor/token/create" {
		t.Fatalf("HandoffEnd %d, want just past /processor/token/create (6)", got)
	}
	attempt, skipped := LastAttempt(s.Calls)
	if len(skipped) != 0 || len(attempt) != len(s.Calls) {
		t.Errorf("%d calls skipped as an earlier attempt, want none", len(skipped))
	}
	if strings.Join(s.Inputs.AfterHandoff, ",") != "partner_view,repair" {
		t.Errorf("inputs.after_handoff %v", s.Inputs.AfterHandoff)
	}
	if got := HandoffEnd(Build(dwollaRecord()).Calls[:5]); got != 5 {
		t.Errorf("a walk with no partner token: HandoffEnd %d, want all 5 calls", got)
	}
}

// The exports stop at the hand-off (a person must log in again in update mode); the
// write-up tells the steps after it.
func TestAfterHandoffExportsAndWriteUp(t *testing.T) {
	s := Build(repairedRecord())
	steps, err := ExportSteps(s)
	if err != nil {
		t.Fatal(err)
	}
	if last := steps[len(steps)-1]; last.Path != "/processor/token/create" || !last.Last {
		t.Errorf("the export ends with %s (last %v), want the partner token", last.Path, last.Last)
	}
	var md bytes.Buffer
	if err := WriteMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	for _, want := range []string{"## After the hand-off", "`POST /processor/auth/get` 200: the partner read the account and routing numbers",
		"ITEM\\_LOGIN\\_REQUIRED: the Item needs its user to log in again", "a link\\_token in update mode",
		"kept its access\\_token (nothing was exchanged)", "LOGIN\\_REPAIRED"} {
		if !strings.Contains(out, want) {
			t.Errorf("write-up lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "earlier attempt") {
		t.Errorf("the write-up marks the walk an earlier attempt:\n%s", out)
	}
	var curl bytes.Buffer
	if err := WriteCurl(&curl, s); err != nil || !strings.Contains(curl.String(), "up to the partner's token") || strings.Contains(curl.String(), "/processor/auth/get") {
		t.Errorf("curl export (%v) should stop at the hand-off and say so:\n%s", err, curl.String())
	}
}

// The write-up tells a Same-Day account's deposit code typed in update mode after the hand-off:
// the update-mode link_token, the account now manually_verified, and why no AUTH webhook came.
func TestAfterHandoffDepositCodeWriteUp(t *testing.T) {
	r := dwollaRecord()
	access := `{"access_token":"` + wholeAccess + `"}`
	r.Calls = append(r.Calls,
		flowCall(50, "/link/token/create", 200, "", `{"access_token":"`+wholeAccess+`","client_name":"plaidwalk"}`, `{"link_token":"`+wholeLink+`","request_id":"R11"}`),
		flowCall(60, "/accounts/get", 200, "", access, `{"accounts":[{"account_id":"a","verification_status":"manually_verified"}],"request_id":"R12"}`),
	)
	r.AfterHandoff = []string{AfterDepositCode}
	r.LinkMode = LinkModeBrowser
	var md bytes.Buffer
	if err := WriteMarkdown(&md, Build(r)); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	for _, want := range []string{"a link\\_token in update mode", "/accounts/get showed the account manually\\_verified",
		"micro-deposit's code in Link's update mode", "no AUTH webhook"} {
		if !strings.Contains(out, want) {
			t.Errorf("write-up lacks %q:\n%s", want, out)
		}
	}
}
