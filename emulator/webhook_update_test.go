package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func TestItemWebhookUpdateIsAcknowledgedAtTheNewURL(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	old, fresh := newReceiver(t, 0), newReceiver(t, 0)
	token, itemID := h.connectWithWebhook(old.url(), plaid.PRODUCTS_TRANSACTIONS)
	req := plaid.NewItemWebhookUpdateRequest(token)
	req.SetWebhook(fresh.url())
	ok(h.client.ItemWebhookUpdate(h.ctx).ItemWebhookUpdateRequest(*req).Execute()).get(t)
	body := mustVerify(t, h, fresh.next(t), "WebhookUpdateAcknowledgedWebhook")
	if body["new_webhook_url"] != fresh.url() || body["item_id"] != itemID || body["webhook_code"] != "WEBHOOK_UPDATE_ACKNOWLEDGED" {
		t.Fatalf("body = %v", body)
	}
	select {
	case r := <-old.got:
		t.Fatalf("the old URL got a webhook: %s", r.body)
	default:
	}
}

func TestProcessorWebhookUpdateIsAcknowledged(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	token := h.connect(plaid.PRODUCTS_AUTH)
	account := h.accounts(token)[0].AccountId
	preq := plaid.NewProcessorTokenCreateRequest(token, account, "dwolla")
	ptok := ok(h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*preq).Execute()).get(t).ProcessorToken
	ureq := plaid.NewProcessorTokenWebhookUpdateRequest(ptok, *plaid.NewNullableString(plaid.PtrString(rc.url())))
	ok(h.client.ProcessorTokenWebhookUpdate(h.ctx).ProcessorTokenWebhookUpdateRequest(*ureq).Execute()).get(t)
	body := mustVerify(t, h, rc.next(t), "ProcessorTokenWebhookUpdate")
	if body["webhook_type"] != "PROCESSOR_TOKEN" || body["account_id"] != account || body["new_webhook_url"] != rc.url() {
		t.Fatalf("body = %v", body)
	}
}
