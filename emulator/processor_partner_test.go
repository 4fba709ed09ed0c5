package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// unknownProcessorToken is well formed but was never issued.
const unknownProcessorToken = "processor-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"

func (h *harness) processorAccount(tok string) result[plaid.ProcessorAccountGetResponse] {
	return ok(h.client.ProcessorAccountGet(h.ctx).ProcessorAccountGetRequest(*plaid.NewProcessorAccountGetRequest(tok)).Execute())
}

func (h *harness) processorAuth(tok string) result[plaid.ProcessorAuthGetResponse] {
	return ok(h.client.ProcessorAuthGet(h.ctx).ProcessorAuthGetRequest(*plaid.NewProcessorAuthGetRequest(tok)).Execute())
}

func (h *harness) processorBalance(tok string) result[plaid.ProcessorBalanceGetResponse] {
	return ok(h.client.ProcessorBalanceGet(h.ctx).ProcessorBalanceGetRequest(*plaid.NewProcessorBalanceGetRequest(tok)).Execute())
}

func (h *harness) processorIdentity(tok string) result[plaid.ProcessorIdentityGetResponse] {
	return ok(h.client.ProcessorIdentityGet(h.ctx).ProcessorIdentityGetRequest(*plaid.NewProcessorIdentityGetRequest(tok)).Execute())
}

// partnerToken connects an Item with auth and hands dwolla a token for the account with mask.
func (h *harness) partnerToken(mask string) (access, accountID, tok string) {
	h.t.Helper()
	access = h.connect(plaid.PRODUCTS_AUTH)
	accountID = accountByMask(h.t, h.accounts(access), mask).AccountId
	return access, accountID, h.processorToken(access, accountID, "dwolla").get(h.t).ProcessorToken
}

func TestProcessorReadsOnlyItsAccount(t *testing.T) {
	h := newHarness(t)
	access, checking, tok := h.partnerToken("0000")
	savings := accountByMask(t, h.accounts(access), "1111").AccountId
	savingsTok := h.processorToken(access, savings, "dwolla").get(t).ProcessorToken

	acct := h.processorAccount(tok).get(t)
	if acct.Account.AccountId != checking || acct.InstitutionId != "ins_109508" {
		t.Errorf("account/get: account %s at %s, want %s at ins_109508", acct.Account.AccountId, acct.InstitutionId, checking)
	}
	if got := h.processorAccount(savingsTok).get(t).Account.AccountId; got != savings {
		t.Errorf("the savings token reads %s, want %s", got, savings)
	}
	auth := h.processorAuth(tok).get(t)
	ach := auth.Numbers.Ach.Get()
	if auth.Account.AccountId != checking || ach == nil || ach.AccountId != checking || ach.Account != "1111222233330000" || ach.Routing != "011401533" {
		t.Errorf("auth/get: account %s, ach %+v", auth.Account.AccountId, ach)
	}
	if auth.Numbers.Eft.Get() != nil || auth.Numbers.Bacs.Get() != nil || auth.Numbers.International.Get() != nil {
		t.Errorf("auth/get: a US checking account has only ACH numbers: %+v", auth.Numbers)
	}
	bal := h.processorBalance(tok).get(t).Account
	if bal.AccountId != checking || bal.Balances.GetAvailable() != 100 || bal.Balances.GetCurrent() != 110 {
		t.Errorf("balance/get: %s %+v", bal.AccountId, bal.Balances)
	}
	id := h.processorIdentity(tok).get(t).Account
	if id.AccountId != checking || len(id.Owners) != 1 || id.Owners[0].Names[0] != "Alberta Bobbeth Charleson" {
		t.Errorf("identity/get: %s owners %+v", id.AccountId, id.Owners)
	}
}

func TestProcessorBalanceOptions(t *testing.T) {
	h := newHarness(t)
	_, checking, tok := h.partnerToken("0000")
	req := plaid.NewProcessorBalanceGetRequest(tok)
	opts := plaid.NewProcessorBalanceGetRequestOptions()
	opts.SetMinLastUpdatedDatetime(h.clock.Now())
	req.SetOptions(*opts)
	if got := ok(h.client.ProcessorBalanceGet(h.ctx).ProcessorBalanceGetRequest(*req).Execute()).get(t).Account.AccountId; got != checking {
		t.Errorf("balance/get with options read %s", got)
	}
	h.post("/processor/balance/get", `{"processor_token":"`+tok+`","options":{"min_last_updated_datetime":"yesterday"}}`, testKeys).
		wantError(t, 400, "INVALID_REQUEST", "INVALID_FIELD", "options.min_last_updated_datetime")
}

func TestProcessorAuthNeedsACHNumbers(t *testing.T) {
	h := newHarness(t)
	_, _, tok := h.partnerToken("4444") // money market: debitable, no ACH numbers
	h.processorAuth(tok).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	h.processorBalance(tok).get(t)
}

func TestProcessorTokenErrors(t *testing.T) {
	h := newHarness(t)
	access, _, tok := h.partnerToken("0000")
	for name, bad := range map[string]string{"malformed": "processor-nope", "unknown": unknownProcessorToken, "access token": access} {
		t.Run(name, func(t *testing.T) {
			h.processorAccount(bad).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
			h.processorAuth(bad).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
			h.processorIdentity(bad).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
		})
	}
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).get(t)
	h.processorAuth(tok).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	h.processorBalance(tok).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	h.post("/processor/account/get", `{}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "processor_token")
}

// TestItemRemoveRevokesProcessorTokens: after /item/remove every processor token of the Item,
// and its settings, are gone; another Item's token still works.
func TestItemRemoveRevokesProcessorTokens(t *testing.T) {
	h := newHarness(t)
	access, _, tok := h.partnerToken("0000")
	_, _, other := h.partnerToken("0000")
	h.permissionsSet(tok, plaid.PRODUCTS_AUTH).get(t)
	ok(h.client.ItemRemove(h.ctx).ItemRemoveRequest(*plaid.NewItemRemoveRequest(access)).Execute()).get(t)
	h.processorAccount(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.processorAuth(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.permissionsGet(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.processorAccount(other).get(t)
	h.emu.mu.Lock()
	defer h.emu.mu.Unlock()
	if _, kept := h.emu.partnerSettings[tok]; kept {
		t.Errorf("the removed token's permissions are still held")
	}
}

func (h *harness) apexToken(access, accountID string) result[plaid.ProcessorTokenCreateResponse] {
	req := plaid.NewProcessorApexProcessorTokenCreateRequest(access, accountID)
	return ok(h.client.ProcessorApexProcessorTokenCreate(h.ctx).ProcessorApexProcessorTokenCreateRequest(*req).Execute())
}

func TestApexProcessorTokenCreate(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH)
	accounts := h.accounts(access)
	savings := accountByMask(t, accounts, "1111").AccountId
	tok := h.apexToken(access, savings).get(t).ProcessorToken
	if !tokenShape("processor", tok) {
		t.Fatalf("apex token %q is not processor-sandbox-<uuid>", tok)
	}
	if got := h.processorAccount(tok).get(t).Account.AccountId; got != savings {
		t.Errorf("apex token reads %s, want %s", got, savings)
	}
	h.emu.mu.Lock()
	if g, _ := h.emu.processorGrant(tok); g.processor != "apex_clearing" {
		t.Errorf("apex token recorded for %q, want apex_clearing", g.processor)
	}
	h.emu.mu.Unlock()
	h.apexToken(access, accountByMask(t, accounts, "3333").AccountId).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	h.apexToken(access, "nope").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	other := accountByMask(t, h.accounts(h.connect(plaid.PRODUCTS_AUTH)), "0000").AccountId
	h.apexToken(access, other).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	h.apexToken(unknownAccessToken, savings).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) sandboxProcessorToken(institution, user, pass string) result[plaid.SandboxProcessorTokenCreateResponse] {
	req := plaid.NewSandboxProcessorTokenCreateRequest(institution)
	if user != "" || pass != "" {
		opts := plaid.NewSandboxProcessorTokenCreateRequestOptions()
		if user != "" {
			opts.SetOverrideUsername(user)
		}
		if pass != "" {
			opts.SetOverridePassword(pass)
		}
		req.SetOptions(*opts)
	}
	return ok(h.client.SandboxProcessorTokenCreate(h.ctx).SandboxProcessorTokenCreateRequest(*req).Execute())
}

func TestSandboxProcessorTokenCreate(t *testing.T) {
	h := newHarness(t)
	tok := h.sandboxProcessorToken("ins_109512", "", "").get(t).ProcessorToken
	acct := h.processorAccount(tok).get(t)
	if acct.Account.GetMask() != "0000" || acct.InstitutionId != "ins_109512" {
		t.Errorf("sandbox token reads %s (%s) at %s, want the checking account 0000 at ins_109512",
			acct.Account.AccountId, acct.Account.GetMask(), acct.InstitutionId)
	}
	if ach := h.processorAuth(tok).get(t).Numbers.Ach.Get(); ach == nil || ach.Routing != "021000021" {
		t.Errorf("sandbox token auth/get: %+v, want Houndstooth's routing number", ach)
	}
	h.sandboxProcessorToken("ins_0", "", "").fails(t, 400, "INVALID_INPUT", "INVALID_INSTITUTION")
	h.sandboxProcessorToken("ins_109508", "user_good", "error_ITEM_LOCKED").fails(t, 400, "ITEM_ERROR", "ITEM_LOCKED")
	h.sandboxProcessorToken("ins_109508", "user_good", "wrong").fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
}

// TestProcessorTokenOfAnUnsharedAccount: when the user later shares fewer accounts (Account
// Select in update mode), a token naming an account no longer shared reads nothing.
func TestProcessorTokenOfAnUnsharedAccount(t *testing.T) {
	h := newHarness(t)
	access, _, tok := h.partnerToken("0000")
	savings := accountByMask(t, h.accounts(access), "1111").AccountId
	itemID := h.itemGet(access).get(t).Item.ItemId
	if _, perr := h.emu.issuePublicToken(itemID, []string{savings}); perr != nil {
		t.Fatalf("sharing only the savings account: %v", perr)
	}
	pe := h.processorAccount(tok).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	if !strings.Contains(pe.ErrorMessage, "new processor token") {
		t.Errorf("message %q does not say how to recover", pe.ErrorMessage)
	}
}
