package emulator

import (
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// unknownAccessToken is well formed but was never issued.
const unknownAccessToken = "access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"

func (h *harness) itemGet(access string) result[plaid.ItemGetResponse] {
	return ok(h.client.ItemGet(h.ctx).ItemGetRequest(*plaid.NewItemGetRequest(access)).Execute())
}

func TestItemGetReportsStatus(t *testing.T) {
	h := newHarness(t)
	made := h.clock.Now()
	h.clock.Advance(time.Hour)
	withTx := h.itemGet(h.connect(plaid.PRODUCTS_TRANSACTIONS)).get(t)
	if created := withTx.Item.GetCreatedAt(); !created.Equal(made.Add(time.Hour)) {
		t.Errorf("item.created_at = %v, want %v", created, made.Add(time.Hour))
	}
	status, present := withTx.GetStatusOk()
	if !present || status == nil {
		t.Fatalf("item/get has no status: %+v", withTx)
	}
	tx := status.GetTransactions()
	if got := tx.GetLastSuccessfulUpdate(); !got.Equal(made.Add(time.Hour)) {
		t.Errorf("transactions.last_successful_update = %v, want the Item's creation %v", got, made.Add(time.Hour))
	}
	if _, set := tx.GetLastFailedUpdateOk(); set {
		t.Errorf("transactions.last_failed_update set on a healthy Item")
	}
	inv, ok := status.GetInvestmentsOk()
	if !ok || inv.LastSuccessfulUpdate.IsSet() && inv.LastSuccessfulUpdate.Get() != nil {
		t.Errorf("investments: want present with no update for an Item without investments, got %+v", inv)
	}
	if status.LastWebhook.Get() != nil {
		t.Errorf("last_webhook = %+v, want null before any webhook", status.LastWebhook.Get())
	}
	authOnly := h.itemGet(h.connect(plaid.PRODUCTS_AUTH)).get(t)
	if up := authOnly.Status.Get().GetTransactions(); up.LastSuccessfulUpdate.Get() != nil {
		t.Errorf("an Item without transactions reports a transactions update: %v", up.LastSuccessfulUpdate.Get())
	}
	h.itemGet(unknownAccessToken).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) webhookUpdate(access string, webhook *string) result[plaid.ItemWebhookUpdateResponse] {
	req := plaid.NewItemWebhookUpdateRequest(access)
	if webhook != nil {
		req.SetWebhook(*webhook)
	} else {
		req.SetWebhookNil()
	}
	return ok(h.client.ItemWebhookUpdate(h.ctx).ItemWebhookUpdateRequest(*req).Execute())
}

func TestItemWebhookUpdate(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	url := "https://example.com/plaid/hooks?team=1"
	got := h.webhookUpdate(tok, &url).get(t)
	if got.Item.GetWebhook() != url {
		t.Errorf("response item.webhook = %q, want %q", got.Item.GetWebhook(), url)
	}
	if item := h.itemGet(tok).get(t).Item; item.GetWebhook() != url {
		w := item.GetWebhook()
		t.Errorf("item/get webhook = %q after the update, want %q", w, url)
	}
	if w := h.webhookUpdate(tok, nil).get(t).Item.Webhook.Get(); w != nil {
		t.Errorf("null webhook kept %q, want it removed", *w)
	}
	if w := h.itemGet(tok).get(t).Item.Webhook.Get(); w != nil {
		t.Errorf("item/get still has webhook %q after null", *w)
	}
	for _, bad := range []string{"not a url", "example.com/hook", "ftp://example.com/hook", "https://"} {
		pe := h.webhookUpdate(tok, &bad).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
		if !strings.HasPrefix(pe.ErrorMessage, "webhook ") {
			t.Errorf("message for %q does not start with the field: %q", bad, pe.ErrorMessage)
		}
	}
	h.webhookUpdate("access-nope", &url).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	h.webhookUpdate(unknownAccessToken, &url).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) invalidate(access string) result[plaid.ItemAccessTokenInvalidateResponse] {
	req := plaid.NewItemAccessTokenInvalidateRequest(access)
	return ok(h.client.ItemAccessTokenInvalidate(h.ctx).ItemAccessTokenInvalidateRequest(*req).Execute())
}

func TestItemAccessTokenInvalidate(t *testing.T) {
	h := newHarness(t)
	old := h.connect(plaid.PRODUCTS_AUTH)
	checking := accountByMask(t, h.accounts(old), "0000").AccountId
	partner := h.processorToken(old, checking, "dwolla").get(t).ProcessorToken
	fresh := h.invalidate(old).get(t).NewAccessToken
	if fresh == old || !tokenShape("access", fresh) {
		t.Fatalf("new access token %q: want a fresh access-sandbox- token", fresh)
	}
	if got := accountByMask(t, h.accounts(fresh), "0000").AccountId; got != checking {
		t.Errorf("the new token reads account %s, want the same Item's %s", got, checking)
	}
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(old)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	h.invalidate(old).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	if got := h.processorAccount(partner).get(t).Account.AccountId; got != checking {
		t.Errorf("processor token made before the rotation reads %s, want %s", got, checking)
	}
	h.invalidate("not-a-token").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) itemPublicToken(access string) result[plaid.ItemPublicTokenCreateResponse] {
	req := plaid.NewItemPublicTokenCreateRequest(access)
	return ok(h.client.ItemCreatePublicToken(h.ctx).ItemPublicTokenCreateRequest(*req).Execute())
}

func TestItemPublicTokenCreate(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH)
	itemID := h.itemGet(access).get(t).Item.ItemId
	pt := h.itemPublicToken(access).get(t)
	if !tokenShape("public", pt.PublicToken) {
		t.Fatalf("public token %q is not public-sandbox-<uuid>", pt.PublicToken)
	}
	if want := h.clock.Now().Add(30 * time.Minute); !pt.GetExpiration().Equal(want) {
		t.Errorf("expiration %v, want %v (30 minutes)", pt.GetExpiration(), want)
	}
	ex := h.exchange(pt.PublicToken)
	if ex.ItemId != itemID || ex.AccessToken != access {
		t.Errorf("exchange gave item %s token %s, want the existing Item %s and its token", ex.ItemId, ex.AccessToken, itemID)
	}
	ok(h.client.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(pt.PublicToken)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
	late := h.itemPublicToken(access).get(t).PublicToken
	h.clock.Advance(30 * time.Minute)
	ok(h.client.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(late)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
	h.itemPublicToken(unknownAccessToken).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) itemImport(institution string, products []plaid.Products, userID, authToken, webhook string) result[plaid.ItemImportResponse] {
	req := plaid.NewItemImportRequest(products, *plaid.NewItemImportRequestUserAuth(userID, authToken))
	if institution != "" {
		req.SetInstitutionId(institution)
	}
	if webhook != "" {
		opts := plaid.NewItemImportRequestOptions()
		opts.SetWebhook(webhook)
		req.SetOptions(*opts)
	}
	return ok(h.client.ItemImport(h.ctx).ItemImportRequest(*req).Execute())
}

func TestItemImport(t *testing.T) {
	h := newHarness(t)
	tx := []plaid.Products{plaid.PRODUCTS_TRANSACTIONS}
	access := h.itemImport("", tx, "user-42", "their-session-token", "https://example.com/hook").get(t).AccessToken
	if !tokenShape("access", access) {
		t.Fatalf("import gave %q, want an access token", access)
	}
	item := h.itemGet(access).get(t).Item
	if item.GetInstitutionId() != importInstitution || item.GetWebhook() != "https://example.com/hook" ||
		len(item.GetProducts()) != 1 || item.GetProducts()[0] != plaid.PRODUCTS_TRANSACTIONS {
		t.Errorf("imported item: institution %s webhook %q products %v", item.GetInstitutionId(), item.GetWebhook(), item.GetProducts())
	}
	if n := len(h.accounts(access)); n != len(userGoodAccounts) {
		t.Errorf("imported Item has %d accounts, want user_good's %d", n, len(userGoodAccounts))
	}
	named := h.itemImport("ins_109511", tx, "user-43", "tok", "").get(t).AccessToken
	if got := h.itemGet(named).get(t).Item; got.GetInstitutionId() != "ins_109511" {
		t.Errorf("import at ins_109511 made an Item at %s", got.GetInstitutionId())
	}
	h.itemImport("", []plaid.Products{}, "user-42", "tok", "").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.itemImport("", []plaid.Products{"no_such_product"}, "user-42", "tok", "").fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	h.itemImport("", tx, "", "tok", "").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.itemImport("", tx, "user-42", "", "").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.itemImport("", tx, "user-42", "tok", "hook").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.itemImport("ins_0", tx, "user-42", "tok", "").fails(t, 400, "INVALID_INPUT", "INVALID_INSTITUTION")
	h.post("/item/import", `{"products":["transactions"]}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "user_auth")
}

// TestItemGetLastWebhook: status.last_webhook is the last webhook fired for the Item, with when
// (on the emulator's clock) and its code; an Item without a webhook URL fires none.
func TestItemGetLastWebhook(t *testing.T) {
	h := newHarness(t)
	t.Cleanup(h.emu.Close)
	rc := newReceiver(t, 0)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(tok)).Execute()).get(t)
	if w := h.itemGet(tok).get(t).Status.Get().LastWebhook.Get(); w != nil {
		t.Fatalf("an Item without a webhook URL reports last_webhook %+v", w)
	}
	url := rc.url()
	h.webhookUpdate(tok, &url).get(t)
	rc.next(t)
	last := h.itemGet(tok).get(t).Status.Get().LastWebhook.Get()
	if last == nil || last.GetCodeSent() != "WEBHOOK_UPDATE_ACKNOWLEDGED" || !last.GetSentAt().Equal(h.clock.Now()) {
		t.Fatalf("after /item/webhook/update: last_webhook %+v, want WEBHOOK_UPDATE_ACKNOWLEDGED at %v", last, h.clock.Now())
	}
	h.clock.Advance(time.Hour)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(tok)).Execute()).get(t)
	rc.next(t)
	last = h.itemGet(tok).get(t).Status.Get().LastWebhook.Get()
	if last == nil || last.GetCodeSent() != "ERROR" || !last.GetSentAt().Equal(h.clock.Now()) {
		t.Errorf("after reset_login: last_webhook %+v, want ERROR at %v", last, h.clock.Now())
	}
}
