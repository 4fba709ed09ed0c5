package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/sessions"
)

// A customer's account set, as support writes it: a savings account and a checking account
// with its own name, mask and balance.
const supportConfig = `{"override_accounts":[` +
	`{"type":"depository","subtype":"savings","starting_balance":10,"meta":{"name":"Rainy Day","mask":"0042"}},` +
	`{"type":"depository","subtype":"checking","starting_balance":987.65,"meta":{"name":"Customer Checking","mask":"4711"}}]}`

// run --password with a custom configuration alone logs in as user_custom: /accounts/get
// returns exactly the configured accounts and the partner's token is made for one of them.
func TestRunCustomUserPassword(t *testing.T) {
	code, stdout, stderr := runIn(t, nil, "run", "--partner", "dwolla", "--json", "--no-save", "--account", "4711", "--password", supportConfig)
	if code != 0 {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	var doc struct {
		Account struct{ Name, Mask string }
		Tokens  map[string]string
		APILog  []struct {
			Path         string
			Status       int
			RequestBody  json.RawMessage `json:"request_body"`
			ResponseBody json.RawMessage `json:"response_body"`
		} `json:"api_log"`
	}
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("stdout: %v\n%s", err, stdout)
	}
	if doc.Account.Name != "Customer Checking" || doc.Account.Mask != "4711" || doc.Tokens["processor_token"] == "" {
		t.Errorf("account %+v tokens %v", doc.Account, doc.Tokens)
	}
	var sawLogin, sawAccounts bool
	for _, call := range doc.APILog {
		switch call.Path {
		case "/sandbox/public_token/create":
			var body struct {
				Options struct {
					Username string `json:"override_username"`
					Password string `json:"override_password"`
				}
			}
			_ = json.Unmarshal(call.RequestBody, &body)
			sawLogin = body.Options.Username == "user_custom" && body.Options.Password == supportConfig
		case "/accounts/get":
			var body struct {
				Accounts []struct {
					Name, Mask string
					Balances   struct{ Current float64 }
				}
			}
			if err := json.Unmarshal(call.ResponseBody, &body); err != nil {
				t.Fatalf("/accounts/get body: %v", err)
			}
			got := []string{}
			for _, a := range body.Accounts {
				got = append(got, a.Name+"/"+a.Mask)
			}
			sawAccounts = strings.Join(got, ",") == "Rainy Day/0042,Customer Checking/4711" && body.Accounts[1].Balances.Current == 987.65
			if !sawAccounts {
				t.Errorf("/accounts/get returned %v", body.Accounts)
			}
		}
	}
	if !sawLogin || !sawAccounts {
		t.Errorf("login as user_custom %v, configured accounts %v", sawLogin, sawAccounts)
	}
}

// A configuration that is not JSON is refused before any call, with the fix; one the sandbox
// refuses comes back as Plaid's INVALID_CREDENTIALS with a hint about user_custom.
func TestRunCustomUserBadConfig(t *testing.T) {
	code, stdout, stderr := runIn(t, nil, "run", "--partner", "dwolla", "--no-save", "--password", `{"override_accounts":[`)
	if code != 2 || stdout != "" || !strings.Contains(stderr, "not valid JSON") || !strings.Contains(stderr, "--password '{") {
		t.Errorf("broken JSON: exit %d\n%s\n%s", code, stdout, stderr)
	}
	code, stdout, _ = runIn(t, nil, "run", "--partner", "dwolla", "--json", "--no-save", "--password", `{"override_accounts":[{"type":"depository","subtype":"rocket"}]}`)
	doc := decodeRunDoc(t, stdout)
	if code != 1 || doc.Error == nil || doc.Error.Code != "INVALID_CREDENTIALS" || !strings.Contains(doc.Error.Hint, "user_custom") {
		t.Errorf("refused configuration: exit %d %+v", code, doc.Error)
	}
}

// The configuration is test data: the session keeps it, and a replay logs in as the same
// custom user and reaches the same account.
func TestCustomUserSessionReplays(t *testing.T) {
	e := newSessEnv(t)
	if code, out, errOut := e.plaidwalk("run", "--partner", "dwolla", "--account", "4711", "--password", supportConfig); code != 0 {
		t.Fatalf("run: exit %d\n%s\n%s", code, out, errOut)
	}
	saved, _, err := (&sessions.Store{Dir: e.sessionsDir()}).Load("latest")
	if err != nil {
		t.Fatal(err)
	}
	if saved.Inputs.Username != "user_custom" || saved.Inputs.Password != supportConfig || !saved.Inputs.PasswordKept {
		t.Fatalf("saved inputs %+v", saved.Inputs)
	}
	file := filepath.Join(t.TempDir(), "replayed.json")
	code, out, errOut := e.plaidwalk("replay", "latest", "--save", file)
	if code != 0 || !strings.Contains(out, "\nreproduced: ") || strings.Contains(out, "password was not kept") {
		t.Fatalf("replay: exit %d\n%s\n%s", code, out, errOut)
	}
	replayed, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if replayed.Inputs.Username != "user_custom" || replayed.Inputs.Account == nil || replayed.Inputs.Account.Mask != "4711" {
		t.Errorf("the replay logged in as %q and chose %+v", replayed.Inputs.Username, replayed.Inputs.Account)
	}
}
