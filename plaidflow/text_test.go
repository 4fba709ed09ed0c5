package plaidflow

import (
	"context"
	"strings"
	"testing"
)

// spoofingHost serves the real emulator but puts bidi overrides and zero-width characters in
// the bank's and the account's names, and answers /processor/token/create with a Plaid error
// whose message and display message carry them: what a hostile or broken host could send.
func spoofingHost(t testing.TB) Config {
	swap := strings.NewReplacer(
		`"First Platypus Bank"`, `"First Platypus \u202eknaB\u202c"`,
		`"Plaid Checking"`, `"Plaid\u200b Checking\u2066\u2028"`,
	)
	return tamperedHost(t, swap, `{"error_type":"INVALID_INPUT","error_code":"INVALID_FIELD",`+
		`"error_message":"account \u202edilav\u202c","display_message":"try\ufeff again\u200f",`+
		`"request_id":"req123456789012","documentation_url":"https://plaid.com/docs/"}`)
}

// TestBidiAndZeroWidthNeverReachPlaidflowValues: a U+202E in a bank name (which would show
// "First Platypus Bank" as something else) and zero-width characters in names and errors are
// gone from every value plaidflow hands its callers.
func TestBidiAndZeroWidthNeverReachPlaidflowValues(t *testing.T) {
	c, _ := fastClient(t, spoofingHost(t))
	dwolla := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, dwolla, WalkOptions{Link: DefaultLinkConfig(c.Config(), dwolla)})
	pe, ok := AsPlaidError(err)
	if !ok {
		t.Fatalf("want the spoofing host's Plaid error, got %v", err)
	}
	if res.Accounts.InstitutionName != "First Platypus knaB" {
		t.Errorf("institution name %q: the override should be removed, the letters kept", res.Accounts.InstitutionName)
	}
	if res.Account.Name != "Plaid Checking " {
		t.Errorf("account name %q", res.Account.Name)
	}
	if pe.Message != "account dilav" || pe.DisplayMessage != "try again" {
		t.Errorf("error text %q / %q", pe.Message, pe.DisplayMessage)
	}
	for _, f := range []string{res.Accounts.InstitutionName, res.Account.Name, pe.Message, pe.DisplayMessage, pe.Error()} {
		if strings.ContainsAny(f, "\u202e\u202c\u200b\u2066\u2028\ufeff\u200f") {
			t.Errorf("an invisible character reached a plaidflow value: %q", f)
		}
	}
}
