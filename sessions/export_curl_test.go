package sessions

import (
	"bytes"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// A session with failed tries before its success: the script makes every call in order from
// its recorded body, the failed ones with their expected status and without stopping.
func TestWriteCurlKeepsFailedTriesWithTheirRecordedBodies(t *testing.T) {
	r := dwollaRecord()
	linkBody := r.Calls[0].RequestBody
	lockedBody := strings.Replace(r.Calls[1].RequestBody, "pass_good", "error_ITEM_LOCKED", 1)
	r.Calls = append([]plaidflow.Call{
		flowCall(-30, "/link/token/create", 400, "INVALID_FIELD", strings.Replace(linkBody, `"en"`, `"xx"`, 1), `{"error_code":"INVALID_FIELD"}`),
		flowCall(-20, "/link/token/create", 200, "", linkBody, `{"link_token":"`+wholeLink+`"}`),
		flowCall(-10, "/sandbox/public_token/create", 400, "ITEM_LOCKED", lockedBody, `{"error_code":"ITEM_LOCKED"}`),
	}, r.Calls...)
	s := Build(r)
	var buf bytes.Buffer
	if err := WriteCurl(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	order := []string{
		`expect 400 '/link/token/create' "$(jq -nc '{"client_name":"plaidwalk","country_codes":["US"],"language":"xx"`,
		`call '/link/token/create'`,
		`expect 400 '/sandbox/public_token/create'`,
		`"override_password":"error_ITEM_LOCKED"`,
		`call '/sandbox/public_token/create'`,
		`"override_password":"pass_good"`,
		`call '/processor/token/create'`,
	}
	at := 0
	for _, want := range order {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("script lacks %s after byte %d:\n%s", want, at, out)
		}
		at += i + len(want)
	}
	if strings.Count(out, "\nexpect ") != 2 {
		t.Errorf("want the two failed calls as expect steps:\n%s", out)
	}
}
