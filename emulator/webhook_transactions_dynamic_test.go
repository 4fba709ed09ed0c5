package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// A dynamic Item's app that synced gets, for each refresh, DEFAULT_UPDATE with the number of
// transactions the next sync adds, TRANSACTIONS_REMOVED with the ids it removes, then
// SYNC_UPDATES_AVAILABLE; for /sandbox/transactions/create, DEFAULT_UPDATE with the number
// created and SYNC_UPDATES_AVAILABLE, while a partner on the checking account they went to gets
// the processor DEFAULT_UPDATE. Every one is signed, verified as Plaid's guide says and valid
// against its schema.
func TestDynamicChangesSendWebhooks(t *testing.T) {
	h := newWebhookHarness(t, Options{TransactionsReadyDelay: 5 * time.Millisecond})
	rc, partner := newReceiver(t, 0), newReceiver(t, 0)
	ex := h.connectDynamic(rc.url(), plaid.PRODUCTS_TRANSACTIONS)
	access, itemID := ex.AccessToken, ex.ItemId
	rc.nextOf(t, h, itemID, "InitialUpdateWebhook")
	rc.nextOf(t, h, itemID, "HistoricalUpdateWebhook")
	cursor := h.syncFrom(t, access, "", 500).next
	h.txnRefresh(access).get(t)
	update := rc.nextOf(t, h, itemID, "DefaultUpdateWebhook")
	removed := rc.nextOf(t, h, itemID, "TransactionsRemovedWebhook")
	sync := rc.nextOf(t, h, itemID, "SyncUpdatesAvailableWebhook")
	d := h.syncFrom(t, access, cursor, 500)
	if update["webhook_code"] != "DEFAULT_UPDATE" || update["new_transactions"] != float64(len(d.added)) {
		t.Errorf("DEFAULT_UPDATE = %v; the sync after it added %d", update, len(d.added))
	}
	ids, _ := removed["removed_transactions"].([]any)
	for _, id := range ids {
		if s, _ := id.(string); !d.removed[s] {
			t.Errorf("TRANSACTIONS_REMOVED names %v, which the sync did not remove", id)
		}
	}
	if removed["webhook_code"] != "TRANSACTIONS_REMOVED" || len(ids) != len(d.removed) || len(ids) == 0 {
		t.Errorf("TRANSACTIONS_REMOVED = %v; the sync removed %d", removed, len(d.removed))
	}
	if sync["webhook_code"] != "SYNC_UPDATES_AVAILABLE" || sync["initial_update_complete"] != true || sync["historical_update_complete"] != true {
		t.Errorf("SYNC_UPDATES_AVAILABLE = %v", sync)
	}

	tok := h.partnerTokenOn(access, "0000", "boom")
	url := partner.url()
	h.processorWebhook(tok, &url).get(t)
	mustVerify(t, h, partner.next(t), "ProcessorTokenWebhookUpdate")
	h.txnCreate(access, h.madeTx(1, 0, 3.5, "Bakery"), h.madeTx(2, 2, 60, "Hardware store")).get(t)
	if made := rc.nextOf(t, h, itemID, "DefaultUpdateWebhook"); made["new_transactions"] != float64(2) {
		t.Errorf("after creating 2, DEFAULT_UPDATE = %v", made)
	}
	rc.nextOf(t, h, itemID, "SyncUpdatesAvailableWebhook")
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	if p := mustVerify(t, h, partner.next(t), "ProcessorDefaultUpdateWebhook"); p["account_id"] != checking || p["new_transactions"] != float64(2) {
		t.Errorf("the partner's DEFAULT_UPDATE = %v; want 2 on %s", p, checking)
	}
}
