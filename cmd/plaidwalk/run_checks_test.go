package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"plaidwalk/emulator"
)

// hostileAPI serves the real emulator with escape sequences planted in its answers, and a
// /processor/token/create error whose every field carries one. It counts the calls it saw.
func hostileAPI(t *testing.T) (env map[string]string, calls *atomic.Int64) {
	t.Helper()
	em := emulator.New(emulator.Options{})
	swap := strings.NewReplacer(
		`"Plaid Checking"`, `"Plaid Checking\u001b]0;pwned\u0007"`,
		`"ins_109508"`, `"ins_109508\u001b[2J"`,
		`"First Platypus Bank"`, `"First Platypus\u001b[31m Bank\u0007"`,
		`"checking"`, `"checking\u001b[1m"`,
	)
	calls = new(atomic.Int64)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/processor/token/create" {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"error_type":"INVALID_INPUT\u001b]0;pwned\u0007","error_code":"INVALID_FIELD\u001b[2J",` +
				`"error_message":"bad\u001b[31m field\u0007","display_message":"see\u001b]8;;http://evil\u0007 here",` +
				`"request_id":"req\u001b[0m12345678901","documentation_url":"https://plaid.com/docs/\u001b[5m"}`))
			return
		}
		rec := httptest.NewRecorder()
		em.ServeHTTP(rec, r)
		w.WriteHeader(rec.Code)
		_, _ = w.Write([]byte(swap.Replace(rec.Body.String())))
	}))
	t.Cleanup(srv.Close)
	return map[string]string{"PLAID_BASE_URL": srv.URL, "PLAID_CLIENT_ID": emulator.TestClientID, "PLAID_SECRET": emulator.TestSecret}, calls
}

// TestRunPrintsNoEscapeSequencesFromTheAPI: a host that puts ESC and BEL into error fields,
// account and institution text must not reach the terminal, in either output mode.
func TestRunPrintsNoEscapeSequencesFromTheAPI(t *testing.T) {
	env, _ := hostileAPI(t)
	for _, mode := range [][]string{nil, {"--json"}} {
		args := append([]string{"run", "--partner", "dwolla", "--no-save"}, mode...)
		code, out, errOut := runIn(t, env, args...)
		if code != 1 {
			t.Fatalf("%v: exit %d, want 1; stderr:\n%s", mode, code, errOut)
		}
		if strings.ContainsAny(out+errOut, "\x1b\x07") {
			t.Errorf("%v: an escape sequence reached the terminal:\nstdout %q\nstderr %q", mode, out, errOut)
		}
		if !strings.Contains(errOut, "INVALID_INPUT / INVALID_FIELD") {
			t.Errorf("%v: the cleaned error should still be printed:\n%s", mode, errOut)
		}
	}
	_, out, _ := runIn(t, env, "run", "--partner", "dwolla", "--no-save")
	if !strings.Contains(out, "First Platypus Bank (ins_109508)") || !strings.Contains(out, "Plaid Checking ••0000") {
		t.Errorf("institution and account should print without the sequences:\n%s", out)
	}
}

// TestRunChecksPartnerInputsBeforeAnyCall: a bad --days-requested used to fail only after an
// Item was made; inputs a partner does not take were silently ignored.
func TestRunChecksPartnerInputsBeforeAnyCall(t *testing.T) {
	env, calls := hostileAPI(t)
	cases := []struct {
		name string
		args []string
		want []string
	}{
		{"days over 731", []string{"--partner", "alloy-credit", "--secondary-client-id", "a", "--days-requested", "900"}, []string{"--days-requested", "0 to 731"}},
		{"days for dwolla", []string{"--partner", "dwolla", "--days-requested", "30"}, []string{"--days-requested is not used by Dwolla", "alloy-credit"}},
		{"secondary id for stripe", []string{"--partner", "stripe", "--secondary-client-id", "x"}, []string{"--secondary-client-id is not used by Stripe"}},
		{"no secondary id", []string{"--partner", "alloy-credit"}, []string{"needs --secondary-client-id", "test-alloy"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			code, out, errOut := runIn(t, env, append([]string{"run", "--no-save"}, tc.args...)...)
			if code != 2 || out != "" {
				t.Errorf("exit %d, want 2; stdout %q stderr:\n%s", code, out, errOut)
			}
			for _, w := range tc.want {
				if !strings.Contains(errOut, w) {
					t.Errorf("stderr lacks %q:\n%s", w, errOut)
				}
			}
		})
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("the API saw %d calls; bad inputs must be refused before any", n)
	}
}

// TestRunUnreachableHostGivesAHint: connection refused used to print only Go's error.
func TestRunUnreachableHostGivesAHint(t *testing.T) {
	env := map[string]string{"PLAID_BASE_URL": "http://127.0.0.1:1", "PLAID_CLIENT_ID": "c", "PLAID_SECRET": "s"}
	code, _, errOut := runIn(t, env, "run", "--partner", "dwolla", "--no-save")
	if code != 1 || !strings.Contains(errOut, "cannot reach the Plaid API at http://127.0.0.1:1") ||
		!strings.Contains(errOut, "hint:") || !strings.Contains(errOut, "PLAID_BASE_URL") {
		t.Errorf("exit %d; stderr:\n%s", code, errOut)
	}
}

// TestRunInstitutionByName: a sandbox bank's name is resolved locally; an unknown name used
// to be sent as an id and came back as INVALID_INSTITUTION without a hint.
func TestRunInstitutionByName(t *testing.T) {
	env, calls := hostileAPI(t)
	code, _, errOut := runIn(t, env, "run", "--partner", "dwolla", "--no-save", "--institution", "Nope Bank")
	if code != 2 || !strings.Contains(errOut, `--institution "Nope Bank"`) || !strings.Contains(errOut, "Tartan Bank (ins_109511)") {
		t.Errorf("exit %d, want 2 with the sandbox banks listed; stderr:\n%s", code, errOut)
	}
	if n := calls.Load(); n != 0 {
		t.Errorf("an unknown bank name reached the API (%d calls)", n)
	}
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--no-save", "--institution", "tartan bank", "--json")
	if code != 0 || decodeRunDoc(t, out).Account == nil || !strings.Contains(out, `"ins_109511"`) {
		t.Errorf("a sandbox bank's name in any case should work: exit %d %s", code, errOut)
	}
	code, _, errOut = runIn(t, nil, "run", "--partner", "dwolla", "--no-save", "--institution", "ins_999999")
	if code != 1 || !strings.Contains(errOut, "INVALID_INSTITUTION") || !strings.Contains(errOut, "hint:") {
		t.Errorf("an unknown id goes to Plaid and its error gets a hint: exit %d\n%s", code, errOut)
	}
}

// TestRunNamesACanadianBank: the institution name used to be looked up as US, so a Canadian
// bank logged a 400 and printed no name.
func TestRunNamesACanadianBank(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "finix", "--institution", "ins_43", "--no-save")
	if code != 0 || !strings.Contains(out, "Tartan-Dominion Bank of Canada (ins_43)") {
		t.Errorf("exit %d; stdout:\n%s\nstderr:\n%s", code, out, errOut)
	}
	if strings.Contains(out, "INVALID_INSTITUTION") {
		t.Errorf("the name lookup failed:\n%s", out)
	}
}

func TestVersionRefusesArguments(t *testing.T) {
	if code, out, _ := runIn(t, nil, "version"); code != 0 || !strings.HasPrefix(out, "plaidwalk ") {
		t.Errorf("version: exit %d %q", code, out)
	}
	if code, out, errOut := runIn(t, nil, "version", "--bogus"); code != 2 || out != "" || !strings.Contains(errOut, "--bogus") {
		t.Errorf("version --bogus: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestNoAuthAccountsHintFitsTheRunPartner: Cardlytics reads transactions; its hint must not
// claim it moves money.
func TestNoAuthAccountsHintFitsTheRunPartner(t *testing.T) {
	code, _, errOut := runIn(t, nil, "run", "--partner", "cardlytics", "--account", "3333", "--no-save")
	if code != 1 || !strings.Contains(errOut, "NO_AUTH_ACCOUNTS") || strings.Contains(errOut, "moves money") || !strings.Contains(errOut, "transactions") {
		t.Errorf("exit %d; stderr:\n%s", code, errOut)
	}
}
