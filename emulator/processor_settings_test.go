package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) permissionsSet(tok string, products ...plaid.Products) result[plaid.ProcessorTokenPermissionsSetResponse] {
	if products == nil {
		products = []plaid.Products{}
	}
	req := plaid.NewProcessorTokenPermissionsSetRequest(tok, products)
	return ok(h.client.ProcessorTokenPermissionsSet(h.ctx).ProcessorTokenPermissionsSetRequest(*req).Execute())
}

func (h *harness) permissionsGet(tok string) result[plaid.ProcessorTokenPermissionsGetResponse] {
	req := plaid.NewProcessorTokenPermissionsGetRequest(tok)
	return ok(h.client.ProcessorTokenPermissionsGet(h.ctx).ProcessorTokenPermissionsGetRequest(*req).Execute())
}

func (h *harness) processorIdentityMatch(tok string, user *plaid.IdentityMatchUser) result[plaid.ProcessorIdentityMatchResponse] {
	req := plaid.NewProcessorIdentityMatchRequest(tok)
	if user != nil {
		req.SetUser(*user)
	}
	return ok(h.client.ProcessorIdentityMatch(h.ctx).ProcessorIdentityMatchRequest(*req).Execute())
}

// TestProcessorPermissions: a token limited to some products reads only those (and the
// account itself); an empty list lifts the limit.
func TestProcessorPermissions(t *testing.T) {
	h := newHarness(t)
	_, _, tok := h.partnerToken("0000")
	if got := h.permissionsGet(tok).get(t).Products; len(got) != 0 {
		t.Fatalf("a fresh token's permissions are %v, want [] (everything)", got)
	}
	h.permissionsSet(tok, plaid.PRODUCTS_AUTH, plaid.PRODUCTS_AUTH).get(t)
	if got := h.permissionsGet(tok).get(t).Products; len(got) != 1 || got[0] != plaid.PRODUCTS_AUTH {
		t.Fatalf("permissions after setting auth: %v", got)
	}
	h.processorAuth(tok).get(t)
	h.processorAccount(tok).get(t)
	pe := h.processorBalance(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	if !strings.Contains(pe.ErrorMessage, "balance") || !strings.Contains(pe.ErrorMessage, "/processor/token/permissions/set") {
		t.Errorf("message %q does not name the product and the fix", pe.ErrorMessage)
	}
	h.processorIdentity(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	h.processorIdentityMatch(tok, nil).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")

	h.permissionsSet(tok, plaid.PRODUCTS_BALANCE, plaid.PRODUCTS_IDENTITY).get(t)
	h.processorAuth(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	h.processorBalance(tok).get(t)
	h.processorIdentity(tok).get(t)

	h.permissionsSet(tok).get(t)
	if got := h.permissionsGet(tok).get(t).Products; len(got) != 0 {
		t.Errorf("permissions after an empty set: %v, want []", got)
	}
	h.processorAuth(tok).get(t)
	h.emu.mu.Lock()
	if _, held := h.emu.partnerSettings[tok]; held {
		t.Errorf("a token back to its defaults still holds settings")
	}
	h.emu.mu.Unlock()

	h.permissionsSet(tok, "no_such_product").fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	h.permissionsSet(tok, plaid.PRODUCTS_PROCESSOR_IDENTITY).get(t) // a product v43's spec added
	h.permissionsSet(unknownProcessorToken, plaid.PRODUCTS_AUTH).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.permissionsGet("processor-nope").fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.post("/processor/token/permissions/set", `{"processor_token":"`+tok+`"}`, testKeys).
		wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "products")
}

func (h *harness) processorWebhook(tok string, webhook *string) result[plaid.ProcessorTokenWebhookUpdateResponse] {
	w := *plaid.NewNullableString(webhook)
	req := plaid.NewProcessorTokenWebhookUpdateRequest(tok, w)
	return ok(h.client.ProcessorTokenWebhookUpdate(h.ctx).ProcessorTokenWebhookUpdateRequest(*req).Execute())
}

func TestProcessorTokenWebhookUpdate(t *testing.T) {
	h := newHarness(t)
	_, _, tok := h.partnerToken("0000")
	url := "https://partner.example/plaid"
	h.processorWebhook(tok, &url).get(t)
	h.emu.mu.Lock()
	if got := h.emu.partnerSettings[tok].webhook; got != url {
		t.Errorf("stored webhook %q, want %q", got, url)
	}
	h.emu.mu.Unlock()
	h.processorWebhook(tok, nil).get(t)
	h.emu.mu.Lock()
	if _, held := h.emu.partnerSettings[tok]; held {
		t.Errorf("a null webhook left settings behind")
	}
	h.emu.mu.Unlock()
	bad := "partner.example/plaid"
	h.processorWebhook(tok, &bad).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.processorWebhook(unknownProcessorToken, &url).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
	h.post("/processor/token/webhook/update", `{"processor_token":"`+tok+`"}`, testKeys).
		wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "webhook")
}

func TestProcessorIdentityMatch(t *testing.T) {
	h := newHarness(t)
	_, checking, tok := h.partnerToken("0000")
	exact := plaid.NewIdentityMatchUser()
	exact.SetLegalName("Alberta Bobbeth Charleson")
	exact.SetPhoneNumber("+1 (111) 222-3333")
	exact.SetEmailAddress("AccountHolder0@example.com")
	addr := plaid.NewAddressDataNullableNoRequiredFields()
	addr.SetStreet("2992 Cameron Road")
	addr.SetCity("Malakoff")
	addr.SetRegion("NY")
	addr.SetPostalCode("14236")
	addr.SetCountry("US")
	exact.SetAddress(*addr)
	got := h.processorIdentityMatch(tok, exact).get(t).Account
	if got.AccountId != checking || got.Balances.Available.Get() != nil || got.Balances.Current.Get() != nil {
		t.Errorf("identity/match account %s balances %+v: want the token's account with null balances", got.AccountId, got.Balances)
	}
	scores := []int32{got.LegalName.Get().GetScore(), got.PhoneNumber.Get().GetScore(), got.EmailAddress.Get().GetScore(), got.Address.Get().GetScore()}
	for i, s := range scores {
		if s != 100 {
			t.Errorf("exact data: score %d of [name phone email address] is %d, want 100", i, s)
		}
	}
	if !got.Address.Get().GetIsPostalCodeMatch() {
		t.Errorf("exact address: is_postal_code_match false")
	}

	near := plaid.NewIdentityMatchUser()
	near.SetLegalName("alberta charleson")
	near.SetEmailAddress("someone@example.com")
	got = h.processorIdentityMatch(tok, near).get(t).Account
	if s := got.LegalName.Get().GetScore(); s < 85 || s > 99 {
		t.Errorf("a dropped middle name scored %d, want a strong match (85-99)", s)
	}
	if got.EmailAddress.Get().GetScore() != 0 || got.PhoneNumber.Get() != nil || got.Address.Get() != nil {
		t.Errorf("other email: %+v; unsent phone and address must be null: %+v %+v", got.EmailAddress.Get(), got.PhoneNumber.Get(), got.Address.Get())
	}

	family := plaid.NewIdentityMatchUser()
	family.SetLegalName("Rupert Charleson LLC")
	name := h.processorIdentityMatch(tok, family).get(t).Account.LegalName.Get()
	if name.GetScore() >= 70 || !name.GetIsFirstNameOrLastNameMatch() || !name.GetIsBusinessNameDetected() {
		t.Errorf("surname only, business: %+v, want a mismatch with the family and business flags", name)
	}
	h.processorIdentityMatch(unknownProcessorToken, exact).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")
}
