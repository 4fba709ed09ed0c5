package emulator

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// connectWithWebhook makes an Item at First Platypus with products whose webhook is url.
func (h *harness) connectWithWebhook(url string, products ...plaid.Products) (accessToken, itemID string) {
	h.t.Helper()
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetWebhook(url)
	ex := h.exchange(h.publicToken("ins_109508", products, opts))
	return ex.AccessToken, ex.ItemId
}

func TestResetLoginSendsItemErrorSignedAsPlaid(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	token, itemID := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	body := mustVerify(t, h, rc.next(t), "ItemErrorWebhook")
	errObj, _ := body["error"].(map[string]any)
	if body["webhook_type"] != "ITEM" || body["webhook_code"] != "ERROR" || body["item_id"] != itemID ||
		errObj["error_code"] != "ITEM_LOGIN_REQUIRED" || body["environment"] != "sandbox" {
		t.Fatalf("body = %v; want ITEM ERROR ITEM_LOGIN_REQUIRED for item %s in sandbox", body, itemID)
	}
	if _, has := errObj["request_id"]; has || errObj["status"] != float64(400) {
		t.Errorf("a webhook's error carries status and no request_id, as Plaid's do: %v", errObj)
	}
}

func TestVerifierRefusesTamperedBodyAndOldIAT(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	token, _ := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	r := rc.next(t)
	if _, err := verifyWebhook(h, r, time.Now()); err != nil {
		t.Fatalf("the untouched webhook must verify: %v", err)
	}
	tampered := r
	tampered.body = []byte(strings.Replace(string(r.body), "ITEM_LOGIN_REQUIRED", "ITEM_LOCKED", 1))
	if _, err := verifyWebhook(h, tampered, time.Now()); err == nil || !strings.Contains(err.Error(), "does not match the body") {
		t.Errorf("a tampered body verified (err %v)", err)
	}
	if _, err := verifyWebhook(h, r, time.Now().Add(5*time.Minute+2*time.Second)); err == nil || !strings.Contains(err.Error(), "more than 5 minutes") {
		t.Errorf("a webhook replayed after 5 minutes verified (err %v)", err)
	}
	forged := r
	forged.header = r.header.Clone()
	parts := strings.Split(r.header.Get("Plaid-Verification"), ".")
	forged.header.Set("Plaid-Verification", parts[0]+"."+parts[1]+"."+strings.Repeat("A", len(parts[2])))
	if _, err := verifyWebhook(h, forged, time.Now()); err == nil {
		t.Error("a webhook with a forged signature verified")
	}
}

func TestWebhookVerificationKeyGetRefusesAnUnknownKid(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	req := plaid.NewWebhookVerificationKeyGetRequest("6c5516e1-92dc-479e-a8ff-5a51992e0001")
	ok(h.client.WebhookVerificationKeyGet(h.ctx).WebhookVerificationKeyGetRequest(*req).Execute()).
		fails(t, http.StatusBadRequest, "INVALID_INPUT", "INVALID_WEBHOOK_VERIFICATION_KEY_ID")
}

func TestEachEmulatorHasItsOwnKey(t *testing.T) {
	a, b := New(Options{}), New(Options{})
	defer a.Close()
	defer b.Close()
	if a.hooks.key.ID() == b.hooks.key.ID() || a.hooks.key.Public().X == b.hooks.key.Public().X {
		t.Fatal("two emulators share a webhook signing key")
	}
}

func TestRetriesAReceiverThatFailsTwice(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 2)
	token, _ := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	mustVerify(t, h, rc.next(t), "ItemErrorWebhook")
	log := h.waitDeliveries(func(l []DeliveryRecord) bool { return len(l) == 3 })
	want := []struct {
		outcome string
		status  int
	}{{"failed", 500}, {"failed", 500}, {"delivered", 200}}
	for i, rec := range log {
		if rec.Attempt != i+1 || rec.Outcome != want[i].outcome || rec.Status != want[i].status || rec.Seq != log[0].Seq ||
			rec.WebhookType != "ITEM" || rec.WebhookCode != "ERROR" || rec.URL != rc.url() {
			t.Errorf("record %d = %+v; want attempt %d %s %d of the same ITEM ERROR", i, rec, i+1, want[i].outcome, want[i].status)
		}
	}
	if !strings.Contains(log[0].Detail, "retrying in 1ms") || !strings.Contains(log[1].Detail, "retrying in 4ms") {
		t.Errorf("the retries do not wait 1 then 4 times longer: %q, %q", log[0].Detail, log[1].Detail)
	}
}

func TestWebhooksOfAnItemArriveInOrder(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 2) // the first webhook needs three attempts; the others must wait for it
	token, _ := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	codes := []string{"NEW_ACCOUNTS_AVAILABLE", "LOGIN_REPAIRED", "PENDING_DISCONNECT", "USER_PERMISSION_REVOKED", "SYNC_UPDATES_AVAILABLE"}
	for _, code := range codes {
		ok(h.client.SandboxItemFireWebhook(h.ctx).SandboxItemFireWebhookRequest(*plaid.NewSandboxItemFireWebhookRequest(token, code)).Execute()).get(t)
	}
	for _, code := range codes {
		if body := mustVerify(t, h, rc.next(t), schemaOf("", code)); body["webhook_code"] != code {
			t.Fatalf("got %v, want %s next", body["webhook_code"], code)
		}
	}
}

func TestNonLoopbackWebhooksAreRefused(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	// 192.0.2.1 is TEST-NET-1: never a real host; a dial attempt would hang until the timeout.
	token, _ := h.connectWithWebhook("http://192.0.2.1:8080/plaid/webhook", plaid.PRODUCTS_TRANSACTIONS)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute()).get(t)
	log := h.waitDeliveries(func(l []DeliveryRecord) bool { return len(l) > 0 })
	if len(log) != 1 || log[0].Outcome != "refused" || !strings.Contains(log[0].Detail, "--webhook-allow 192.0.2.1") {
		t.Fatalf("log = %+v; want one refused attempt naming --webhook-allow", log)
	}
}
