package sessions

import (
	"bytes"
	"strings"
	"testing"
)

// pendingRecord is dwollaRecord with the account linked pending_automatic_verification and,
// unless left pending, verified before the partner's token as the UI's verification step does.
func pendingRecord(verify bool) Record {
	r := dwollaRecord()
	access := `{"access_token":"` + wholeAccess + `"}`
	pending := `{"accounts":[{"account_id":"Acc1","mask":"0000","name":"Plaid Checking","verification_status":"pending_automatic_verification"}],"request_id":"R5"}`
	r.Calls[4].ResponseBody = pending
	if verify {
		token := r.Calls[5]
		r.Calls = append(r.Calls[:5:5],
			flowCall(35, "/sandbox/item/set_verification_status", 200, "", `{"access_token":"`+wholeAccess+`","account_id":"Acc1","verification_status":"automatically_verified"}`, `{"request_id":"R7"}`),
			flowCall(36, "/accounts/get", 200, "", access, strings.ReplaceAll(pending, "pending_automatic_verification", "automatically_verified")),
			token)
	}
	return r
}

// The write-up tells a micro-deposit account: its status out of Link, where the walk ended the
// wait (or that it left it), and the status Plaid reported after; nothing for a login account.
func TestMarkdownTellsTheVerification(t *testing.T) {
	for _, c := range []struct {
		name  string
		r     Record
		wants []string
	}{
		{"verified before the token", pendingRecord(true), []string{"## Account verification", "came out of Link `pending_automatic_verification`",
			"Before the partner's token", "reported `automatically_verified`"}},
		{"left pending", pendingRecord(false), []string{"## Account verification", "left it waiting", "PRODUCT\\_NOT\\_READY"}},
		{"login", dwollaRecord(), nil},
	} {
		var md bytes.Buffer
		if err := WriteMarkdown(&md, Build(c.r)); err != nil {
			t.Fatal(err)
		}
		out := md.String()
		if c.wants == nil && strings.Contains(out, "Account verification") {
			t.Errorf("%s: a login account got a verification section:\n%s", c.name, out)
		}
		for _, want := range c.wants {
			if !strings.Contains(out, want) {
				t.Errorf("%s: write-up lacks %q:\n%s", c.name, want, out)
			}
		}
	}
	if got := WhereVerified(Build(pendingRecord(true)).Calls); got != VerifiedBeforeToken {
		t.Errorf("WhereVerified of the saved calls: %d", got)
	}
}
