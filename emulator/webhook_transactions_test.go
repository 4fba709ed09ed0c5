package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// nextOf waits for the next webhook of itemID, skipping those of other Items.
func (rc *receiver) nextOf(t testing.TB, h *harness, itemID, schema string) map[string]any {
	t.Helper()
	for {
		r := rc.next(t)
		body, err := verifyWebhook(h, r, time.Now())
		if err != nil {
			t.Fatalf("webhook does not verify: %v\n%s", err, r.body)
		}
		if body["item_id"] == itemID {
			return mustVerify(t, h, r, schema)
		}
	}
}

// txnTotal is /transactions/get's total_transactions over the last days days.
func (h *harness) txnTotal(access string, days int) int {
	h.t.Helper()
	now := time.Now().UTC()
	start, end := now.AddDate(0, 0, -days).Format(time.DateOnly), now.Format(time.DateOnly)
	return int(h.txnGet(access, start, end, nil).get(h.t).TotalTransactions)
}

// An Item linked with transactions gets INITIAL_UPDATE (the last 30 days' count) and then
// HISTORICAL_UPDATE (the whole history's count) once its data is ready, signed and valid
// against their schemas; an app that never called /transactions/sync gets no
// SYNC_UPDATES_AVAILABLE: the next webhook of the Item is the one the test asks for.
func TestTransactionsReadySendsInitialAndHistoricalUpdate(t *testing.T) {
	h := newWebhookHarness(t, Options{TransactionsReadyDelay: 5 * time.Millisecond})
	rc := newReceiver(t, 0)
	access, itemID := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	initial := rc.nextOf(t, h, itemID, "InitialUpdateWebhook")
	historical := rc.nextOf(t, h, itemID, "HistoricalUpdateWebhook")
	if initial["webhook_type"] != "TRANSACTIONS" || initial["webhook_code"] != "INITIAL_UPDATE" || initial["environment"] != "sandbox" {
		t.Errorf("first webhook = %v; want TRANSACTIONS INITIAL_UPDATE", initial)
	}
	if historical["webhook_type"] != "TRANSACTIONS" || historical["webhook_code"] != "HISTORICAL_UPDATE" {
		t.Errorf("second webhook = %v; want TRANSACTIONS HISTORICAL_UPDATE", historical)
	}
	recent, all := h.txnTotal(access, initialUpdateDays), h.txnTotal(access, historyDays+1)
	if recent == 0 || all <= recent {
		t.Fatalf("/transactions/get counts %d in 30 days, %d in all: user_good should have both, more in all", recent, all)
	}
	if initial["new_transactions"] != float64(recent) || historical["new_transactions"] != float64(all) {
		t.Errorf("new_transactions = %v and %v; want /transactions/get's %d (30 days) and %d (all)",
			initial["new_transactions"], historical["new_transactions"], recent, all)
	}
	url := rc.url() + "?again"
	h.webhookUpdate(access, &url).get(t)
	if next := rc.nextOf(t, h, itemID, "WebhookUpdateAcknowledgedWebhook"); next["webhook_code"] != "WEBHOOK_UPDATE_ACKNOWLEDGED" {
		t.Errorf("after the readiness webhooks came %v; want only the test's WEBHOOK_UPDATE_ACKNOWLEDGED (no sync was called)", next)
	}
}

// An app that called /transactions/sync before the data was ready (and got NOT_READY) also
// gets SYNC_UPDATES_AVAILABLE with both updates complete, after the other two. The sync must
// come before readiness: a run where this machine was too slow for the delay retries with a
// longer one rather than depending on timing.
func TestTransactionsReadySendsSyncUpdatesAfterAnEarlySync(t *testing.T) {
	for _, delay := range []time.Duration{300 * time.Millisecond, 2 * time.Second, 8 * time.Second} {
		h := newWebhookHarness(t, Options{TransactionsReadyDelay: delay})
		rc := newReceiver(t, 0)
		access, itemID := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
		if h.txnSync(access, "", 10).get(t).TransactionsUpdateStatus != plaid.TRANSACTIONSUPDATESTATUS_NOT_READY {
			continue // the sync came after readiness on this slow run: try a longer delay
		}
		codes := []string{}
		for _, schema := range []string{"InitialUpdateWebhook", "HistoricalUpdateWebhook", "SyncUpdatesAvailableWebhook"} {
			body := rc.nextOf(t, h, itemID, schema)
			code, _ := body["webhook_code"].(string)
			codes = append(codes, code)
			if schema == "SyncUpdatesAvailableWebhook" && (body["initial_update_complete"] != true || body["historical_update_complete"] != true) {
				t.Errorf("SYNC_UPDATES_AVAILABLE = %v; want both updates complete", body)
			}
		}
		if codes[0] != "INITIAL_UPDATE" || codes[1] != "HISTORICAL_UPDATE" || codes[2] != "SYNC_UPDATES_AVAILABLE" {
			t.Errorf("webhooks came as %v; want INITIAL_UPDATE, HISTORICAL_UPDATE, SYNC_UPDATES_AVAILABLE", codes)
		}
		if page := h.txnSync(access, "", 10).get(t); len(page.Added) == 0 || page.TransactionsUpdateStatus != plaid.TRANSACTIONSUPDATESTATUS_HISTORICAL_UPDATE_COMPLETE {
			t.Errorf("after the webhooks /transactions/sync gives %d added, status %s; want data", len(page.Added), page.TransactionsUpdateStatus)
		}
		return
	}
	t.Fatal("/transactions/sync never came before readiness, even with an 8 s delay")
}

// Close drops the readiness webhooks still waiting: no timer outlives the emulator.
func TestCloseStopsTransactionsReadyTimers(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	h.connectWithWebhook(rc.url(), plaid.PRODUCTS_AUTH)
	h.emu.mu.Lock()
	waiting := len(h.emu.txnTimers)
	h.emu.mu.Unlock()
	if waiting != 1 {
		t.Fatalf("%d readiness timers wait; want 1, for the Item with transactions only", waiting)
	}
	h.emu.Close()
	h.emu.mu.Lock()
	defer h.emu.mu.Unlock()
	if n := len(h.emu.txnTimers); n != 0 {
		t.Errorf("%d readiness timers still wait after Close", n)
	}
}
