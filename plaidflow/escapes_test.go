package plaidflow

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// hostileReplacements plant what a broken or hostile API host could put in any string: an OSC that
// retitles the terminal, a CSI that clears it or colours it, and a bare BEL.
var hostileReplacements = []string{
	`"Plaid Checking"`, `"Plaid Checking\u001b]0;pwned\u0007"`,
	`"ins_109508"`, `"ins_109508\u001b[2J"`,
	`"First Platypus Bank"`, `"First Platypus\u001b[31m Bank\u0007"`,
	`"0000"`, `"00\u001b[1m00"`,
}

// hostileHost serves the real emulator but plants escape sequences in its answers, and
// answers /processor/token/create with a Plaid error whose every field carries one.
func hostileHost(t testing.TB) Config {
	return tamperedHost(t, strings.NewReplacer(hostileReplacements...),
		`{"error_type":"INVALID_INPUT\u001b]0;pwned\u0007","error_code":"INVALID_FIELD\u001b[2J",`+
			`"error_message":"bad\u001b[31m field\u0007","display_message":"see\u001b]8;;http://evil\u0007 here",`+
			`"request_id":"req\u001b[0m12345678901","documentation_url":"https://plaid.com/docs/\u001b[5m"}`)
}

// tamperedHost is a host that answers as the real emulator with swap applied to every
// body, except /processor/token/create, which fails with processorError: what a hostile or
// broken Plaid-compatible host could send.
func tamperedHost(t testing.TB, swap *strings.Replacer, processorError string) Config {
	t.Helper()
	em := emulator.New(emulator.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/processor/token/create" {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(processorError))
			return
		}
		rec := httptest.NewRecorder()
		em.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.Header().Del("Content-Length")
		w.WriteHeader(rec.Code)
		_, _ = w.Write([]byte(swap.Replace(rec.Body.String())))
	}))
	t.Cleanup(srv.Close)
	return emulatorConfig(srv.URL)
}

// TestAPITextIsCleanedWhereItEntersPlaidflow: whatever a host sends, the values plaidflow
// hands to its callers carry no ESC or BEL, so no printer can forget to clean them.
func TestAPITextIsCleanedWhereItEntersPlaidflow(t *testing.T) {
	c, _ := fastClient(t, hostileHost(t))
	dwolla := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, dwolla, WalkOptions{Link: DefaultLinkConfig(c.Config(), dwolla)})
	pe, ok := AsPlaidError(err)
	if !ok {
		t.Fatalf("want the hostile Plaid error, got %v", err)
	}
	if res.Account.Name != "Plaid Checking" || res.Account.Mask != "0000" {
		t.Errorf("account name %q", res.Account.Name)
	}
	fields := []string{pe.Type, pe.Code, pe.Message, pe.DisplayMessage, pe.RequestID, pe.DocsURL, pe.Error(),
		res.Account.Name, res.Account.Mask, res.Account.ID, res.Accounts.InstitutionID, res.Accounts.InstitutionName}
	for _, a := range res.Accounts.Accounts {
		fields = append(fields, a.Name, a.Mask, a.Type, a.Subtype)
	}
	for _, f := range fields {
		if strings.ContainsAny(f, "\x1b\x07") {
			t.Errorf("control characters reached a plaidflow value: %q", f)
		}
	}
	if pe.Type != "INVALID_INPUT" || pe.Code != "INVALID_FIELD" || res.Accounts.InstitutionID != "ins_109508" {
		t.Errorf("cleaning should keep the text around the sequences: %q %q %q", pe.Type, pe.Code, res.Accounts.InstitutionID)
	}
	if res.Accounts.InstitutionName != "First Platypus Bank" {
		t.Errorf("institution name %q", res.Accounts.InstitutionName)
	}
}
