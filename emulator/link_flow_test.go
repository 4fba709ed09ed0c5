package emulator

import (
	"strings"
	"testing"
)

func TestLinkSessionNeedsALiveToken(t *testing.T) {
	r := newLinkRig(t, nil)
	a, status := r.call("session", map[string]any{"link_token": "link-sandbox-00000000-0000-4000-8000-000000000000"})
	if status != 400 || a.ErrorCode != "INVALID_LINK_TOKEN" {
		t.Fatalf("unknown token: %d %+v", status, a)
	}
	a, _ = r.call("session", map[string]any{"link_token": r.token})
	if a.ClientName != "Link test" || len(a.Institutions) == 0 {
		t.Fatalf("session: %+v", a)
	}
	for _, in := range a.Institutions {
		if in.InstitutionID == "ins_116834" || in.InstitutionID == "ins_43" {
			t.Errorf("a US-only token lists %s (%s)", in.Name, in.InstitutionID)
		}
	}
}

func TestLinkLogins(t *testing.T) {
	cases := []struct {
		name, inst, user, pass string
		next, code, status     string
	}{
		{"good user", "ins_109508", "user_good", "pass_good", "accounts", "", "requires_account_selection"},
		{"wrong password", "ins_109508", "user_good", "nope", "error", "INVALID_CREDENTIALS", "requires_credentials"},
		{"locked", "ins_109508", "user_good", "error_ITEM_LOCKED", "error", "ITEM_LOCKED", "requires_credentials"},
		{"institution down", "ins_132361", "user_good", "pass_good", "error", "INSTITUTION_DOWN", "requires_credentials"},
		{"unsupported bank", "ins_133402", "user_good", "pass_good", "error", "INSTITUTION_NO_LONGER_SUPPORTED", "institution_not_supported"},
		{"device MFA", "ins_109508", "user_good", "mfa_device", "mfa", "", "choose_device"},
		{"questions MFA", "ins_109508", "user_good", "mfa_questions_2_3", "mfa", "", "requires_questions"},
		{"selections MFA", "ins_109508", "user_good", "mfa_selections", "mfa", "", "requires_selections"},
		{"numbered selections MFA", "ins_109508", "user_good", "mfa_selections_1_2_3", "mfa", "", "requires_selections"},
		{"reversed MFA form", "ins_109508", "mfa_device", "pass_good", "error", "INVALID_CREDENTIALS", "requires_credentials"},
		{"MFA password at a bank that is down", "ins_132361", "user_good", "mfa_device", "error", "INSTITUTION_DOWN", "requires_credentials"},
	}
	r := newLinkRig(t, map[string]any{"account_filters": map[string]any{"depository": map[string]any{"account_subtypes": []string{"checking", "savings"}}}})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := r.login(r.session(), c.inst, c.user, c.pass)
			code := ""
			if a.Error != nil {
				code = a.Error.ErrorCode
			}
			if a.Next != c.next || code != c.code {
				t.Fatalf("next %q code %q, want %q %q", a.Next, code, c.next, c.code)
			}
			if c.next == "accounts" {
				for _, acct := range a.Accounts {
					if acct.Type != "depository" || (acct.Subtype != "checking" && acct.Subtype != "savings") {
						t.Errorf("account %s (%s/%s) passes a checking/savings filter", acct.Name, acct.Type, acct.Subtype)
					}
				}
				if len(a.Accounts) != 2 {
					t.Errorf("got %d accounts, want checking and savings", len(a.Accounts))
				}
			}
			sid := a.LinkSessionID
			x, _ := r.call("exit", map[string]any{"link_session_id": sid})
			if got := x.Metadata.(map[string]any)["status"]; c.status != "" && got != c.status {
				t.Errorf("exit status %v, want %s", got, c.status)
			}
		})
	}
}

// The device user's rounds, choice of device first, are in link_mfa_test.go.
func TestLinkMFARounds(t *testing.T) {
	cases := []struct {
		name    string
		user    string // the password: user_good's MFA password or user_custom's configuration
		answers [][]string
		wantErr string
	}{
		{"two rounds of two questions", "mfa_questions_2_2", [][]string{{"answer_1_1", "answer_1_2"}, {"answer_2_1", "answer_2_2"}}, ""},
		{"wrong second round", "mfa_questions_2_1", [][]string{{"answer_1_1"}, {"answer_1_1"}}, "INVALID_MFA"},
		{"selection Yes", "mfa_selections", [][]string{{"Yes"}}, ""},
		{"selection No", "mfa_selections", [][]string{{"No"}}, "INVALID_MFA"},
		{"two rounds of two selections", "mfa_selections_2_2_3", [][]string{{"answer_1_1_0", "answer_1_2_0"}, {"answer_2_1_0", "answer_2_2_0"}}, ""},
		{"selection not the first", "mfa_selections_1_1_3", [][]string{{"answer_1_1_2"}}, "INVALID_MFA"},
		{"custom questions count from 0", `{"mfa":{"type":"questions","question_rounds":2,"questions_per_round":1}}`, [][]string{{"answer_0_0"}, {"answer_1_0"}}, ""},
		{"custom selections: the first choice", `{"mfa":{"type":"selections"}}`, [][]string{{"answer_0_0_0", "answer_0_1_0"}}, ""},
	}
	r := newLinkRig(t, nil)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			user, pass := "user_good", c.user
			if strings.HasPrefix(c.user, "{") {
				user = "user_custom"
			}
			a := r.login(r.session(), "ins_109508", user, pass)
			for i, round := range c.answers {
				if a.Next != "mfa" || a.MFA.Round != i+1 {
					t.Fatalf("before round %d: %+v", i+1, a)
				}
				a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": round})
			}
			if c.wantErr != "" {
				if a.Next != "error" || a.Error.ErrorCode != c.wantErr {
					t.Fatalf("want %s, got %+v", c.wantErr, a)
				}
				return
			}
			if a.Next != "accounts" || len(a.Accounts) == 0 {
				t.Fatalf("MFA passed but no accounts: %+v", a)
			}
		})
	}
}

func TestLinkFinishIssuesAnExchangeablePublicToken(t *testing.T) {
	r := newLinkRig(t, nil)
	sid := r.session()
	a := r.login(sid, "ins_109508", "user_good", "pass_good")
	checking := ""
	for _, acct := range a.Accounts {
		if acct.Name == "Plaid Checking" {
			checking = acct.ID
		}
	}
	bad := []struct {
		name string
		ids  []string
	}{
		{"no account", nil},
		{"two accounts without multi-select", []string{checking, a.Accounts[1].ID}},
		{"an account never offered", []string{"acc_not_offered"}},
	}
	for _, c := range bad {
		if f, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": c.ids}); status != 400 || f.ErrorCode != "INVALID_ACCOUNT_ID" {
			t.Errorf("%s: %d %+v", c.name, status, f)
		}
	}
	f, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{checking}})
	if status != 200 || !strings.HasPrefix(f.PublicToken, "public-sandbox-") {
		t.Fatalf("finish: %d %+v", status, f)
	}
	md := f.Metadata.(map[string]any)
	if md["link_session_id"] != sid || len(md["accounts"].([]any)) != 1 || md["institution"].(map[string]any)["institution_id"] != "ins_109508" {
		t.Fatalf("success metadata %v", md)
	}
	if again, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{checking}}); status != 400 {
		t.Fatalf("a finished session finished again: %+v", again)
	}
	var ex struct {
		AccessToken string `json:"access_token"`
	}
	if status := r.post("/item/public_token/exchange", map[string]any{"client_id": TestClientID, "secret": TestSecret, "public_token": f.PublicToken}, &ex); status != 200 {
		t.Fatalf("exchange: %d", status)
	}
	var accts struct {
		Accounts []struct {
			AccountID string `json:"account_id"`
		} `json:"accounts"`
	}
	r.post("/accounts/get", map[string]any{"client_id": TestClientID, "secret": TestSecret, "access_token": ex.AccessToken}, &accts)
	if len(accts.Accounts) != 1 || accts.Accounts[0].AccountID != checking {
		t.Fatalf("the Item holds %+v, want only %s", accts.Accounts, checking)
	}
}

func TestLinkResultsReachLinkTokenGet(t *testing.T) {
	r := newLinkRig(t, map[string]any{"hosted_link": map[string]any{}})
	sid := r.session()
	a := r.login(sid, "ins_109508", "user_good", "pass_good")
	f, _ := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{a.Accounts[0].ID}})
	var got struct {
		LinkSessions []struct {
			LinkSessionID string `json:"link_session_id"`
			Results       struct {
				ItemAddResults []struct {
					PublicToken string `json:"public_token"`
				} `json:"item_add_results"`
			} `json:"results"`
		} `json:"link_sessions"`
	}
	r.post("/link/token/get", map[string]any{"client_id": TestClientID, "secret": TestSecret, "link_token": r.token}, &got)
	if len(got.LinkSessions) != 1 || got.LinkSessions[0].LinkSessionID != sid ||
		len(got.LinkSessions[0].Results.ItemAddResults) != 1 || got.LinkSessions[0].Results.ItemAddResults[0].PublicToken != f.PublicToken {
		t.Fatalf("/link/token/get: %+v", got)
	}
}

func TestLinkMultiSelect(t *testing.T) {
	r := newLinkRig(t, map[string]any{"link_customization_name": "multi_select"})
	sid := r.session()
	a := r.login(sid, "ins_109508", "user_good", "pass_good")
	if !a.MultiSelect || len(a.Accounts) < 2 {
		t.Fatalf("multi_select token: %+v", a)
	}
	f, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{a.Accounts[0].ID, a.Accounts[1].ID}})
	if status != 200 || len(f.Metadata.(map[string]any)["accounts"].([]any)) != 2 {
		t.Fatalf("finish with two accounts: %d %+v", status, f)
	}
}

// Every error_<CODE> password of the Sandbox (the list in PLAID-FACTS.md) fails the emulated
// Link's login with that code (the username is user_good), and the list covers every code the
// emulator knows.
func TestLinkLoginErrorPasswords(t *testing.T) {
	codes := []string{
		"COUNTRY_NOT_SUPPORTED", "INSTITUTION_DOWN", "INSTITUTION_NOT_RESPONDING", "INSTITUTION_NO_LONGER_SUPPORTED",
		"INSUFFICIENT_CREDENTIALS", "INTERNAL_SERVER_ERROR", "INVALID_CREDENTIALS", "INVALID_MFA", "INVALID_SEND_METHOD",
		"ITEM_LOCKED", "ITEM_NOT_SUPPORTED", "MFA_NOT_SUPPORTED", "NO_ACCOUNTS", "USER_INPUT_TIMEOUT", "USER_SETUP_REQUIRED",
	}
	if len(codes) != len(sandboxLoginErrors) {
		t.Errorf("the emulator knows %d error_<CODE> passwords, this table %d", len(sandboxLoginErrors), len(codes))
	}
	r := newLinkRig(t, nil)
	for _, code := range codes {
		t.Run(code, func(t *testing.T) {
			a := r.login(r.session(), "ins_109508", "user_good", "error_"+code)
			if a.Next != "error" || a.Error == nil || a.Error.ErrorCode != code || a.Error.ErrorType == "" {
				t.Fatalf("error_%s: next %q error %+v", code, a.Next, a.Error)
			}
		})
	}
	// OAuth banks have no password: error_<CODE> does not apply to them.
	if a := r.login(r.session(), "ins_127287", "user_good", "error_ITEM_LOCKED"); a.Error != nil {
		t.Errorf("an OAuth bank failed on an error_ password: %+v", a.Error)
	}
}
