package sessions

import (
	"strings"
	"testing"
)

func TestScrubMasksEveryTokenKind(t *testing.T) {
	cases := map[string]string{
		wholeLink:      "link-sandbox-…4a5b",
		wholePublic:    "public-sandbox-…5555",
		wholeAccess:    "access-sandbox-…eeee",
		wholeProcessor: "processor-sandbox-…4444",
		wholeStripe:    "btok_…o2Yd",
		"assets-production-0a1b2c3d-0000-1111-2222-333344445555":    "assets-production-…5555",
		"credit-relay-sandbox-0a1b2c3d-0000-1111-2222-333344449999": "credit-relay-sandbox-…9999",
	}
	for token, want := range cases {
		got := Scrub(`{"token":"` + token + `"}`)
		if strings.Contains(got, token) || !strings.Contains(got, want) {
			t.Errorf("Scrub(%s) = %s, want %s", token, got, want)
		}
	}
}

func TestScrubRemovesSecrets(t *testing.T) {
	in := `{"secret":"abc123secretvalue","client_id":"id1"} PLAID-SECRET: hunter2hunter2 "{\"secret\":\"nested-secret\"}" also ` + testSecret
	got := Scrub(in, testSecret)
	for _, leak := range []string{"abc123secretvalue", "hunter2hunter2", "nested-secret", testSecret} {
		if strings.Contains(got, leak) {
			t.Errorf("secret %q survived: %s", leak, got)
		}
	}
	if !strings.Contains(got, `"client_id":"id1"`) {
		t.Errorf("scrub removed the client id: %s", got)
	}
}

func TestScrubMasksTokenKeysOfAnyShape(t *testing.T) {
	got := Scrub(`{"access_token":"custom-format-token-value-1234","relay_token":"short","link_token":"link-sandbox-…abcd"}`)
	want := `{"access_token":"…1234","relay_token":"[redacted]","link_token":"link-sandbox-…abcd"}`
	if got != want {
		t.Fatalf("got  %s\nwant %s", got, want)
	}
}

func TestScrubLeavesOrdinaryTextAlone(t *testing.T) {
	text := `{"item_id":"ItemAAAA","request_id":"Abc123Def456Ghi","error_code":"ITEM_LOCKED","name":"Plaid Checking"}`
	if got := Scrub(text, "", "short"); got != text {
		t.Fatalf("Scrub changed ordinary text: %s", got)
	}
}

func TestCredentialRule(t *testing.T) {
	cases := []struct {
		env, user, pass string
		wantUser        string
		wantPass        string
	}{
		{"offline", "user_good", "pass_good", "user_good", "pass_good"},
		{"sandbox", "user_good", "error_ITEM_LOCKED", "user_good", "error_ITEM_LOCKED"},
		{"sandbox", "user_good", "my-real-Passw0rd", "user_good", ""},
		{"sandbox", "alice", "pass_good", "alice", "pass_good"},
		{"sandbox", "user_good", "mfa_questions_2_3", "user_good", "mfa_questions_2_3"},
		{"offline", "user_custom", `{"override_accounts":[{"type":"depository","subtype":"checking"}]}`, "user_custom", `{"override_accounts":[{"type":"depository","subtype":"checking"}]}`},
		{"sandbox", "user_good", `{not-json-but-real`, "user_good", ""},
		{"production", "alice", "pass_good", "", ""},
		{"production", "user_good", "error_ITEM_LOCKED", "user_good", ""},
	}
	for _, tc := range cases {
		r := dwollaRecord()
		r.Config.Env = planEnv(tc.env)
		r.Options.Username, r.Options.Password = tc.user, tc.pass
		in := Build(r).Inputs
		if in.Username != tc.wantUser || in.Password != tc.wantPass || in.PasswordKept != (tc.wantPass != "") {
			t.Errorf("%s %s/%s -> %q/%q kept=%v", tc.env, tc.user, tc.pass, in.Username, in.Password, in.PasswordKept)
		}
		// The rule holds for sessions built by hand too: Encode applies it again.
		raw := Session{ID: "x", Inputs: Inputs{Partner: "p", Env: tc.env, Username: tc.user, Password: tc.pass, PasswordKept: true}}
		data, err := Encode(raw)
		if err != nil {
			t.Fatal(err)
		}
		if tc.wantPass == "" && strings.Contains(string(data), tc.pass) {
			t.Errorf("%s: password %q was written", tc.env, tc.pass)
		}
	}
}

func TestScrubDropsRealPasswordsFromBodies(t *testing.T) {
	in := `{"options":{"override_username":"user_good","override_password":"Hunter2!real"}} "{\"password\":\"also-real\"}" {"override_password":"error_ITEM_LOCKED"}`
	got := Scrub(in)
	if strings.Contains(got, "Hunter2!real") || strings.Contains(got, "also-real") {
		t.Fatalf("a real password survived: %s", got)
	}
	if !strings.Contains(got, `"override_password":"error_ITEM_LOCKED"`) {
		t.Fatalf("the test password was removed: %s", got)
	}
}

// A custom user's configuration and the MFA passwords are test data: a saved body keeps them
// whole (escaped quotes and all), while a real password beside them is still removed.
func TestScrubKeepsTestConfigurations(t *testing.T) {
	config := `{\"override_accounts\":[{\"type\":\"depository\",\"subtype\":\"checking\"}]}`
	in := `{"options":{"override_username":"user_custom","override_password":"` + config + `"}} {"override_password":"mfa_device"} ` +
		`{"override_password":"{\"real\":\"Hunter2"}`
	got := Scrub(in)
	for _, kept := range []string{`"override_password":"` + config + `"`, `"override_password":"mfa_device"`} {
		if !strings.Contains(got, kept) {
			t.Errorf("%s was not kept whole: %s", kept, got)
		}
	}
	if strings.Contains(got, "Hunter2") {
		t.Errorf("a password that is not a JSON object survived: %s", got)
	}
}
