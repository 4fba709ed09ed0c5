package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// customConfig is a support engineer's reproduction of a customer's accounts: a checking
// account with its own numbers and owner, and a card with a limit, in Canadian dollars.
const customConfig = `{
  "seed": "ticket-4711",
  "override_accounts": [
    {"type": "depository", "subtype": "checking", "starting_balance": 1234.5, "currency": "CAD",
     "meta": {"name": "Everyday Chequing", "official_name": "Gold Everyday Chequing", "mask": "4711"},
     "numbers": {"account": "000123456789", "ach_routing": "322271627", "ach_wire_routing": "021000021",
                 "eft_institution": "001", "eft_branch": "00011"},
     "identity": {"names": ["Ada Lovelace"], "emails": [{"data": "ada@example.com", "primary": true, "type": "primary"}]},
     "transactions": [{"date_transacted": "2026-01-02", "date_posted": "2026-01-03", "amount": 12.5, "description": "Coffee", "currency": "CAD"}]},
    {"type": "credit", "subtype": "credit card", "starting_balance": 300, "meta": {"limit": 1000}}
  ]
}`

func (h *harness) customItem(config string) string {
	h.t.Helper()
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_custom")
	opts.SetOverridePassword(config)
	return h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH, plaid.PRODUCTS_IDENTITY}, opts)).AccessToken
}

// /accounts/get returns the configured accounts, not user_good's.
func TestCustomUserAccounts(t *testing.T) {
	h := newHarness(t)
	accounts := h.accounts(h.customItem(customConfig))
	if len(accounts) != 2 {
		t.Fatalf("%d accounts, want the 2 configured", len(accounts))
	}
	chq, card := accounts[0], accounts[1]
	b := chq.Balances
	if chq.Name != "Everyday Chequing" || chq.GetOfficialName() != "Gold Everyday Chequing" || chq.GetMask() != "4711" ||
		chq.Type != plaid.ACCOUNTTYPE_DEPOSITORY || string(chq.GetSubtype()) != "checking" {
		t.Errorf("checking: %+v", chq)
	}
	if b.GetCurrent() != 1234.5 || b.GetAvailable() != 1234.5 || b.GetIsoCurrencyCode() != "CAD" {
		t.Errorf("checking balances: current %v available %v currency %v", b.GetCurrent(), b.GetAvailable(), b.GetIsoCurrencyCode())
	}
	cb := card.Balances
	if string(card.GetSubtype()) != "credit card" || cb.GetCurrent() != 300 || cb.GetLimit() != 1000 || cb.GetAvailable() != 700 || cb.GetIsoCurrencyCode() != "USD" {
		t.Errorf("card: %s current %v limit %v available %v %v", card.GetSubtype(), cb.GetCurrent(), cb.GetLimit(), cb.GetAvailable(), cb.GetIsoCurrencyCode())
	}
}

// /identity/get reports the configured owner fields and user_good's for the rest.
func TestCustomUserIdentity(t *testing.T) {
	h := newHarness(t)
	access := h.customItem(customConfig)
	req := plaid.NewIdentityGetRequest(access)
	resp := ok(h.client.IdentityGet(h.ctx).IdentityGetRequest(*req).Execute()).get(t)
	owner := resp.Accounts[0].Owners[0]
	if strings.Join(owner.Names, ",") != "Ada Lovelace" || len(owner.Emails) != 1 || owner.Emails[0].Data != "ada@example.com" {
		t.Errorf("configured owner: %+v", owner)
	}
	if len(owner.PhoneNumbers) == 0 || len(owner.Addresses) == 0 {
		t.Errorf("the owner's unconfigured fields are not filled in: %+v", owner)
	}
	// Plaid uses one set of names for all accounts of an Item; the rest stays per account.
	card := resp.Accounts[1].Owners[0]
	if strings.Join(card.Names, ",") != "Ada Lovelace" || card.Emails[0].Data != sandboxOwner().Emails[0].Data {
		t.Errorf("an account without identity has owner %v / %v", card.Names, card.Emails)
	}
}

// /auth/get reports the configured numbers: ACH and EFT for the checking account; the card
// has none and is left out.
func TestCustomUserNumbers(t *testing.T) {
	h := newHarness(t)
	access := h.customItem(customConfig)
	req := plaid.NewAuthGetRequest(access)
	resp := ok(h.client.AuthGet(h.ctx).AuthGetRequest(*req).Execute()).get(t)
	if len(resp.Accounts) != 1 || len(resp.Numbers.Ach) != 1 || len(resp.Numbers.Eft) != 1 {
		t.Fatalf("accounts %d, ach %d, eft %d; want the checking account's", len(resp.Accounts), len(resp.Numbers.Ach), len(resp.Numbers.Eft))
	}
	ach, eft := resp.Numbers.Ach[0], resp.Numbers.Eft[0]
	if ach.Account != "000123456789" || ach.Routing != "322271627" || ach.GetWireRouting() != "021000021" || ach.AccountId != resp.Accounts[0].AccountId {
		t.Errorf("ach %+v", ach)
	}
	if eft.Institution != "001" || eft.Branch != "00011" || eft.Account != "000123456789" {
		t.Errorf("eft %+v", eft)
	}
	bacs := h.customItem(`{"override_accounts":[{"type":"depository","subtype":"savings","numbers":{"bacs_sort_code":"010203","international_iban":"GB33BUKB20201555555555","international_bic":"BUKBGB22"}}]}`)
	resp = ok(h.client.AuthGet(h.ctx).AuthGetRequest(*plaid.NewAuthGetRequest(bacs)).Execute()).get(t)
	if len(resp.Numbers.Bacs) != 1 || resp.Numbers.Bacs[0].SortCode != "010203" || len(resp.Numbers.International) != 1 ||
		resp.Numbers.International[0].Iban != "GB33BUKB20201555555555" || resp.Numbers.Bacs[0].Account != "GB33BUKB20201555555555" {
		t.Errorf("bacs %+v international %+v", resp.Numbers.Bacs, resp.Numbers.International)
	}
}

// A processor token can be made for a configured depository account.
func TestCustomUserProcessorToken(t *testing.T) {
	h := newHarness(t)
	access := h.customItem(customConfig)
	accounts := h.accounts(access)
	if tok := h.processorToken(access, accounts[0].AccountId, "dwolla").get(t).ProcessorToken; !strings.HasPrefix(tok, "processor-sandbox-") {
		t.Errorf("processor token %q", tok)
	}
	h.processorToken(access, accounts[1].AccountId, "dwolla").fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
}

// Without override_accounts a custom user gets a checking and a savings account.
func TestCustomUserDefaults(t *testing.T) {
	h := newHarness(t)
	accounts := h.accounts(h.customItem(`{}`))
	if len(accounts) != 2 || accounts[0].GetSubtype() != "checking" || accounts[1].GetSubtype() != "savings" {
		t.Fatalf("accounts of {}: %+v", accounts)
	}
}

// force_error fails the Item's creation with that code; ITEM_LOGIN_REQUIRED makes an Item
// that needs a new login instead.
func TestCustomUserForceError(t *testing.T) {
	h := newHarness(t)
	h.sandboxLogin("ins_109508", "user_custom", `{"force_error":"ITEM_LOCKED"}`).fails(t, 400, "ITEM_ERROR", "ITEM_LOCKED")
	h.sandboxLogin("ins_109508", "user_custom", `{"force_error":"PLAID_ERROR"}`).fails(t, 500, "API_ERROR", "PLAID_ERROR")
	access := h.exchange(h.sandboxLogin("ins_109508", "user_custom", `{"force_error":"ITEM_LOGIN_REQUIRED"}`).get(t).PublicToken).AccessToken
	req := plaid.NewAccountsGetRequest(access)
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*req).Execute()).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
}

// A configuration the sandbox cannot use is INVALID_CREDENTIALS whose message names the
// problem.
func TestCustomUserBadConfigs(t *testing.T) {
	h := newHarness(t)
	many := `{"override_accounts":[` + strings.Repeat(`{"type":"depository","subtype":"checking"},`, 10) + `{"type":"depository","subtype":"checking"}]}`
	for _, c := range []struct{ name, config, mention string }{
		{"not JSON", `override_accounts`, "JSON object"},
		{"broken JSON", `{"override_accounts":[`, "not valid JSON"},
		{"wrong type", `{"override_accounts":{}}`, "override_accounts must be a JSON array"},
		{"wrong nested type", `{"override_accounts":[{"type":"depository","subtype":"checking","meta":{"mask":42}}]}`, "override_accounts.meta.mask must be a JSON string"},
		{"wrong object type", `{"mfa":"device"}`, "mfa must be a JSON object"},
		{"unknown account type", `{"override_accounts":[{"type":"bank","subtype":"checking"}]}`, `type "bank"`},
		{"subtype of another type", `{"override_accounts":[{"type":"credit","subtype":"checking"}]}`, `subtype "checking"`},
		{"no subtype", `{"override_accounts":[{"type":"loan"}]}`, "subtype is missing"},
		{"bad mask", `{"override_accounts":[{"type":"depository","subtype":"checking","meta":{"mask":"12345"}}]}`, "meta.mask"},
		{"both balances", `{"override_accounts":[{"type":"depository","subtype":"checking","force_available_balance":1,"has_null_available_balance":true}]}`, "force_available_balance"},
		{"half EFT", `{"override_accounts":[{"type":"depository","subtype":"checking","numbers":{"eft_branch":"1"}}]}`, "eft_institution"},
		{"bad transaction date", `{"override_accounts":[{"type":"depository","subtype":"checking","transactions":[{"date_transacted":"yesterday","date_posted":"2026-01-01","amount":1,"description":"x"}]}]}`, "date_transacted"},
		{"bad phone type", `{"override_accounts":[{"type":"depository","subtype":"checking","identity":{"phone_numbers":[{"data":"1","primary":true,"type":"pager"}]}}]}`, "phone_numbers[0].type"},
		{"too many accounts", many, "at most 10"},
		{"unknown force_error", `{"force_error":"NOPE"}`, "force_error"},
		{"questions without counts", `{"mfa":{"type":"questions"}}`, "question_rounds"},
		{"unknown mfa", `{"mfa":{"type":"fingerprint"}}`, "mfa.type"},
		{"too big", `{"seed":"` + strings.Repeat("x", customMaxBytes) + `"}`, "at most"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pe := h.sandboxLogin("ins_109508", "user_custom", c.config).fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
			if !strings.Contains(pe.ErrorMessage, c.mention) || !strings.Contains(pe.ErrorMessage, "user_custom") {
				t.Errorf("message %q does not name %q", pe.ErrorMessage, c.mention)
			}
		})
	}
}

// In Link, a custom user's mfa asks its check before the configured accounts are shown.
func TestCustomUserInLink(t *testing.T) {
	r := newLinkRig(t, nil)
	a := r.login(r.session(), "ins_109508", "user_custom", `{"mfa":{"type":"device"},"override_accounts":[{"type":"depository","subtype":"savings","meta":{"name":"Rainy Day"}}]}`)
	if a.Next != "mfa" || a.MFA.Type != "device" {
		t.Fatalf("login: %+v", a)
	}
	a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"phone_sms"}})
	a, _ = r.call("mfa", map[string]any{"link_session_id": a.LinkSessionID, "answers": []string{"1234"}})
	if a.Next != "accounts" || len(a.Accounts) != 1 || a.Accounts[0].Name != "Rainy Day" {
		t.Fatalf("after the code: %+v", a)
	}
	bad := r.login(r.session(), "ins_109508", "user_custom", `{"override_accounts":[{"type":"depository","subtype":"brokerage"}]}`)
	if bad.Next != "error" || bad.Error.ErrorCode != "INVALID_CREDENTIALS" || !strings.Contains(bad.Error.ErrorMessage, "brokerage") {
		t.Fatalf("bad configuration in Link: %+v", bad)
	}
}
