package emulator

import (
	"net/http"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) sandboxLogin(institution, username, password string) result[plaid.SandboxPublicTokenCreateResponse] {
	req := plaid.NewSandboxPublicTokenCreateRequest(institution, []plaid.Products{plaid.PRODUCTS_AUTH})
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	if username != "" {
		opts.SetOverrideUsername(username)
	}
	opts.SetOverridePassword(password)
	req.SetOptions(*opts)
	return ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute())
}

func TestErrorPasswordsGiveThatError(t *testing.T) {
	h := newHarness(t)
	for code, spec := range sandboxLoginErrors {
		t.Run(code, func(t *testing.T) {
			status := http.StatusBadRequest
			if spec.typ == "API_ERROR" {
				status = http.StatusInternalServerError
			}
			h.sandboxLogin("ins_109508", "user_good", "error_"+code).fails(t, status, spec.typ, code)
		})
	}
	if len(sandboxLoginErrors) != 15 {
		t.Errorf("%d error passwords, want the 15 Plaid documents", len(sandboxLoginErrors))
	}
	// An OAuth bank logs in on its own page: error_ passwords do not apply.
	h.sandboxLogin("ins_127287", "user_good", "error_ITEM_LOCKED").get(t)
}

// The Sandbox's MFA passwords go with user_good; the shortcut has no Link to ask the check in,
// so they log straight in. The old reversed form (MFA names as usernames) is refused.
func TestSandboxUsers(t *testing.T) {
	h := newHarness(t)
	for _, pass := range []string{"pass_good", "mfa_device", "mfa_questions_3_1", "mfa_selections", "mfa_selections_2_2_3", `{"recaptcha":"good"}`} {
		h.exchange(h.sandboxLogin("ins_109509", "user_good", pass).get(t).PublicToken)
	}
	h.sandboxLogin("ins_109508", "user_good", "wrong").fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
	h.sandboxLogin("ins_109508", "someone_else", "pass_good").fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
	h.sandboxLogin("ins_109508", "mfa_device", "pass_good").fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
	h.sandboxLogin("ins_109508", "user_good", `{"recaptcha":"bad"}`).fails(t, 400, "RECAPTCHA_ERROR", "RECAPTCHA_BAD")
	if _, perr := h.emu.createItem("ins_109508", "user_good", "error_ITEM_LOCKED", []string{"auth"}); perr == nil || perr.Code != "ITEM_LOCKED" {
		t.Errorf("createItem with error_ITEM_LOCKED: %v", perr)
	}
}

func TestInstitutionBehaviour(t *testing.T) {
	h := newHarness(t)
	h.sandboxLogin("ins_132361", "user_good", "pass_good").fails(t, 400, "INSTITUTION_ERROR", "INSTITUTION_DOWN")
	h.sandboxLogin("ins_133402", "user_good", "pass_good").fails(t, 400, "INSTITUTION_ERROR", "INSTITUTION_NO_LONGER_SUPPORTED")
	h.sandboxLogin("ins_132363", "user_good", "pass_good").get(t) // degraded still works
	h.sandboxLogin("ins_999999", "user_good", "pass_good").fails(t, 400, "INVALID_INPUT", "INVALID_INSTITUTION")
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_116834", []plaid.Products{plaid.PRODUCTS_AUTH})
	ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).
		fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")

	byID := func(id string, countries ...plaid.CountryCode) result[plaid.InstitutionsGetByIdResponse] {
		req := plaid.NewInstitutionsGetByIdRequest(id, countries)
		opts := plaid.NewInstitutionsGetByIdRequestOptions()
		opts.SetIncludeStatus(true)
		opts.SetIncludeOptionalMetadata(true)
		req.SetOptions(*opts)
		return ok(h.client.InstitutionsGetById(h.ctx).InstitutionsGetByIdRequest(*req).Execute())
	}
	oauth := byID("ins_127287", plaid.COUNTRYCODE_US).get(t).Institution
	if oauth.Name != "Platypus OAuth Bank" || !oauth.Oauth || oauth.CountryCodes[0] != plaid.COUNTRYCODE_US {
		t.Errorf("ins_127287: %+v", oauth)
	}
	down := byID("ins_132361", plaid.COUNTRYCODE_US).get(t).Institution
	if down.Status.Get().ItemLogins.Get().GetStatus() != "DOWN" {
		t.Errorf("ins_132361 status: %+v", down.Status)
	}
	if ca := byID("ins_43", plaid.COUNTRYCODE_CA).get(t).Institution; ca.Name != "Tartan-Dominion Bank of Canada" {
		t.Errorf("ins_43: %+v", ca)
	}
	byID("ins_43", plaid.COUNTRYCODE_US).fails(t, 400, "INVALID_INPUT", "INVALID_INSTITUTION")
	byID("ins_nope", plaid.COUNTRYCODE_US).fails(t, 400, "INVALID_INPUT", "INVALID_INSTITUTION")
}

func TestResetLoginRequiresANewLogin(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_IDENTITY)
	checking := accountByMask(t, h.accounts(tok), "0000")
	reset := ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(tok)).Execute()).get(t)
	if !reset.ResetLogin {
		t.Fatalf("reset_login false")
	}
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(tok)).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	ok(h.client.AccountsBalanceGet(h.ctx).AccountsBalanceGetRequest(*plaid.NewAccountsBalanceGetRequest(tok)).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	ok(h.client.AuthGet(h.ctx).AuthGetRequest(*plaid.NewAuthGetRequest(tok)).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	ok(h.client.IdentityGet(h.ctx).IdentityGetRequest(*plaid.NewIdentityGetRequest(tok)).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	preq := plaid.NewProcessorTokenCreateRequest(tok, checking.AccountId, "dwolla")
	ok(h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*preq).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	// /item/get still answers, and reports the error on the Item.
	item := ok(h.client.ItemGet(h.ctx).ItemGetRequest(*plaid.NewItemGetRequest(tok)).Execute()).get(t).Item
	if item.Error.Get() == nil || item.Error.Get().ErrorCode != "ITEM_LOGIN_REQUIRED" {
		t.Fatalf("item.error: %+v", item.Error.Get())
	}
}

func TestItemRemoveRevokesTokens(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	checking := accountByMask(t, h.accounts(tok), "0000")
	preq := plaid.NewProcessorTokenCreateRequest(tok, checking.AccountId, "moov")
	ptok := ok(h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*preq).Execute()).get(t).ProcessorToken
	ok(h.client.ItemRemove(h.ctx).ItemRemoveRequest(*plaid.NewItemRemoveRequest(tok)).Execute()).get(t)
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(tok)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	ok(h.client.ItemRemove(h.ctx).ItemRemoveRequest(*plaid.NewItemRemoveRequest(tok)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	h.emu.mu.Lock()
	_, alive := h.emu.processorGrant(ptok)
	h.emu.mu.Unlock()
	if alive {
		t.Errorf("processor token survived /item/remove")
	}
}
