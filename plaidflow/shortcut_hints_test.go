package plaidflow

import (
	"context"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// shortcutError runs the sandbox shortcut against the emulator and returns Plaid's error.
func shortcutError(t *testing.T, c *Client, institution string, products []string, user, pass string) *PlaidError {
	t.Helper()
	_, err := c.SandboxPublicToken(context.Background(), institution, products, user, pass)
	pe, ok := AsPlaidError(err)
	if !ok {
		t.Fatalf("%s %s/%s: want a Plaid error, got %v", institution, user, pass, err)
	}
	return pe
}

// The same INVALID_CREDENTIALS gets the hint of its cause: an unknown user, a wrong password,
// an error_ password the sandbox does not know, or the error_<CODE> password that asked for it.
func TestShortcutLoginHintFitsTheCause(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	for _, tt := range []struct {
		name, user, pass, code string
		want                   []string
		not                    string
	}{
		{"unknown user", "nobody", "pass_good", "INVALID_CREDENTIALS", []string{`"nobody"`, "user_good", "mfa_device", "pass_good"}, "error_"},
		{"wrong password", "user_good", "hunter2", "INVALID_CREDENTIALS", []string{"pass_good"}, "error_"},
		{"unknown error code", "user_good", "error_NOT_A_CODE", "INVALID_CREDENTIALS", []string{"error_NOT_A_CODE", "wrong password"}, "came from the test password"},
		{"asked for", "user_good", "error_INVALID_CREDENTIALS", "INVALID_CREDENTIALS", []string{"error_INVALID_CREDENTIALS", "on purpose"}, ""},
		{"asked for another code", "user_good", "error_ITEM_LOCKED", "ITEM_LOCKED", []string{"error_ITEM_LOCKED"}, ""},
		{"MFA name as the username", "mfa_device", "pass_good", "INVALID_CREDENTIALS", []string{"mfa_device is a password", "user_good"}, "no test user"},
		{"bad custom configuration", "user_custom", `{"override_accounts":[{"type":"depository","subtype":"rocket"}]}`, "INVALID_CREDENTIALS",
			[]string{"user_custom", "JSON configuration", "override_accounts"}, "no test user"},
		{"custom configuration without a username", "", `{"override_accounts":"oops"}`, "INVALID_CREDENTIALS", []string{"user_custom"}, "no test user"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pe := shortcutError(t, c, DefaultInstitutionID, []string{"auth"}, tt.user, tt.pass)
			if pe.Code != tt.code {
				t.Fatalf("code %s, want %s", pe.Code, tt.code)
			}
			for _, w := range tt.want {
				if !strings.Contains(pe.Hint, w) {
					t.Errorf("hint %q should mention %q", pe.Hint, w)
				}
			}
			if tt.not != "" && strings.Contains(pe.Hint, tt.not) {
				t.Errorf("hint %q should not mention %q", pe.Hint, tt.not)
			}
		})
	}
}

// A UK bank has no auth: the hint names the product the bank lacks and a bank that has it,
// not the Asset Report advice meant for calls after linking.
func TestShortcutProductHintNamesTheMissingProduct(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	pe := shortcutError(t, c, "ins_117650", []string{"auth"}, "", "")
	if pe.Code != "PRODUCTS_NOT_SUPPORTED" {
		t.Fatalf("code %s", pe.Code)
	}
	for _, w := range []string{"Royal Bank of Plaid", "auth", "First Platypus Bank"} {
		if !strings.Contains(pe.Hint, w) {
			t.Errorf("hint %q should mention %q", pe.Hint, w)
		}
	}
	if strings.Contains(pe.Hint, "Asset Report") {
		t.Errorf("hint %q is about Asset Reports", pe.Hint)
	}
}

// Plaid words its messages its own way; the product is found as a word of whatever it says,
// and INVALID_PRODUCT from the shortcut gets the same treatment.
func TestProductNamedInMessages(t *testing.T) {
	for msg, want := range map[string]string{
		"the following products are not supported by this institution: [\"auth\"]": "auth",
		"institution does not support identity_match":                              "identity_match",
		"products not supported":                                                   "",
	} {
		if got := productNamedIn(msg); got != want {
			t.Errorf("productNamedIn(%q) = %q, want %q", msg, got, want)
		}
	}
	pe := &PlaidError{Code: "INVALID_PRODUCT", Message: "auth is not supported by ins_117650", Endpoint: "/sandbox/public_token/create"}
	if h := shortcutHint(pe, "ins_117650", DefaultUsername, DefaultPassword); !strings.Contains(h, "Royal Bank of Plaid") || !strings.Contains(h, "First Platypus Bank") {
		t.Errorf("INVALID_PRODUCT from the shortcut: %q", h)
	}
}

// From Link the inputs are not known: INVALID_CREDENTIALS names the sandbox users and their
// password before the error_ password, the usual cause of a typo.
func TestLinkInvalidCredentialsHintNamesTheSandboxUsers(t *testing.T) {
	h := HintFor(&PlaidError{Type: "ITEM_ERROR", Code: "INVALID_CREDENTIALS", Message: "bad", DisplayMessage: "The username or password you entered is incorrect."})
	for _, w := range []string{"user_good", "mfa_device", "pass_good", "user_custom"} {
		if !strings.Contains(h, w) {
			t.Errorf("hint %q should mention %q", h, w)
		}
	}
}

// A JSON password without a username is a custom user's configuration; user_good's reCAPTCHA
// passwords and other text are not.
func TestShortcutUsername(t *testing.T) {
	for _, c := range []struct{ given, password, want string }{
		{"", `{"override_accounts":[]}`, CustomUsername},
		{"", ` {"seed":"x"}`, CustomUsername},
		{"", `{"recaptcha":"bad"}`, DefaultUsername},
		{"", `{not json`, DefaultUsername},
		{"", "pass_good", DefaultUsername},
		{"", "mfa_device", DefaultUsername},
		{"user_good", `{"override_accounts":[]}`, DefaultUsername},
	} {
		if got := ShortcutUsername(c.given, c.password); got != c.want {
			t.Errorf("ShortcutUsername(%q, %q) = %q, want %q", c.given, c.password, got, c.want)
		}
	}
}

// The shortcut logs in with a custom configuration alone and the Item holds its accounts.
func TestShortcutCustomUserAccounts(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	pt, err := c.SandboxPublicToken(context.Background(), DefaultInstitutionID, []string{"auth"}, ShortcutUsername("", CustomUserExample), CustomUserExample)
	if err != nil {
		t.Fatal(err)
	}
	item, err := c.Exchange(context.Background(), pt)
	if err != nil {
		t.Fatal(err)
	}
	accounts, err := c.Accounts(context.Background(), item.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if len(accounts.Accounts) != 1 || accounts.Accounts[0].Name != "Customer Checking" || accounts.Accounts[0].Mask != "4321" {
		t.Errorf("accounts of CustomUserExample: %+v", accounts.Accounts)
	}
}

// A wrong answer in Link's security check gets the sandbox's answers.
func TestLinkInvalidMFAHintGivesTheAnswers(t *testing.T) {
	h := HintFor(&PlaidError{Type: "ITEM_ERROR", Code: "INVALID_MFA", Message: "bad", DisplayMessage: "The code or answer you entered is incorrect."})
	for _, w := range []string{"1234", "mfa_device", "answer_<i>_<j>", "Yes", "error_INVALID_MFA"} {
		if !strings.Contains(h, w) {
			t.Errorf("hint %q should mention %q", h, w)
		}
	}
}
