package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// accountTxnTotal is /transactions/get's total over the last days days on one account.
func (h *harness) accountTxnTotal(access, accountID string, days int) int {
	h.t.Helper()
	now := time.Now().UTC()
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{accountID})
	start, end := now.AddDate(0, 0, -days).Format(time.DateOnly), now.Format(time.DateOnly)
	return int(h.txnGet(access, start, end, opts).get(h.t).TotalTransactions)
}

// A partner that set a webhook on its processor token gets the processor INITIAL_UPDATE and
// HISTORICAL_UPDATE when the Item's transactions are ready, with the token's account_id and
// that account's counts, signed and valid against their schemas; a token limited to auth gets
// nothing but its acknowledgement. The webhooks must be set before readiness: a run where this
// machine was too slow retries with a longer delay rather than depending on timing.
func TestTransactionsReadySendsProcessorUpdates(t *testing.T) {
	for _, delay := range []time.Duration{500 * time.Millisecond, 3 * time.Second, 10 * time.Second} {
		h := newWebhookHarness(t, Options{TransactionsReadyDelay: delay})
		full, limited := newReceiver(t, 0), newReceiver(t, 0)
		start := time.Now()
		access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSACTIONS)
		accounts := h.accounts(access)
		checking, savings := accountByMask(t, accounts, "0000").AccountId, accountByMask(t, accounts, "1111").AccountId
		tok := h.processorToken(access, checking, "dwolla").get(t).ProcessorToken
		authOnly := h.processorToken(access, savings, "dwolla").get(t).ProcessorToken
		h.permissionsSet(authOnly, plaid.PRODUCTS_AUTH).get(t)
		fullURL, limitedURL := full.url(), limited.url()
		h.processorWebhook(tok, &fullURL).get(t)
		h.processorWebhook(authOnly, &limitedURL).get(t)
		if time.Since(start) >= delay {
			continue // readiness may have come before the webhooks were set
		}
		mustVerify(t, h, full.next(t), "ProcessorTokenWebhookUpdate")
		mustVerify(t, h, limited.next(t), "ProcessorTokenWebhookUpdate")
		initial := mustVerify(t, h, full.next(t), "ProcessorInitialUpdateWebhook")
		historical := mustVerify(t, h, full.next(t), "ProcessorHistoricalUpdateWebhook")
		recent, all := h.accountTxnTotal(access, checking, initialUpdateDays), h.accountTxnTotal(access, checking, historyDays+1)
		if initial["webhook_code"] != "INITIAL_UPDATE" || initial["account_id"] != checking || initial["new_transactions"] != float64(recent) ||
			historical["webhook_code"] != "HISTORICAL_UPDATE" || historical["account_id"] != checking || historical["new_transactions"] != float64(all) {
			t.Fatalf("INITIAL_UPDATE %v, HISTORICAL_UPDATE %v; want account %s with %d and %d", initial, historical, checking, recent, all)
		}
		time.Sleep(200 * time.Millisecond) // the limited token's would have been queued with these
		if n := len(limited.got); n != 0 {
			t.Fatalf("the auth-only token's partner got %d transactions webhooks", n)
		}
		return
	}
	t.Fatal("this machine never set the processor webhooks before the data was ready, even with 10 s")
}
