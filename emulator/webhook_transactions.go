package emulator

import "time"

// The TRANSACTIONS webhooks of an Item's first pull. Plaid sends INITIAL_UPDATE when the last
// 30 days are in, HISTORICAL_UPDATE when the whole history is, and SYNC_UPDATES_AVAILABLE to an
// app that already called /transactions/sync. The emulator's data is ready all at once, after
// Options.TransactionsReadyDelay, so the three go out together at that moment, in that order.
// One time.AfterFunc per new Item fires once; Close stops those still waiting.

// initialUpdateDays is the window INITIAL_UPDATE reports on: Plaid's first pull is 30 days.
const initialUpdateDays = 30

// scheduleTransactionsReady arms the readiness webhooks of a new Item with the transactions
// product. Callers hold e.mu.
func (e *Emulator) scheduleTransactionsReady(it *item) {
	if !contains(it.products, "transactions") || e.hooks.closed() {
		return
	}
	wait := max(it.created.Add(e.txnDelay).Sub(e.now()), 0)
	id := it.id
	e.txnTimers[id] = time.AfterFunc(wait, func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		delete(e.txnTimers, id)
		if cur, ok := e.items[id]; ok && cur == it {
			e.sendTransactionsReady(it)
		}
	})
}

// sendTransactionsReady queues the readiness webhooks to the Item's URL (none: nothing is
// sent, as Plaid has nowhere to send them), and their processor variants to each partner that
// set a webhook on a processor token of the Item. Callers hold e.mu.
func (e *Emulator) sendTransactionsReady(it *item) {
	e.sendProcessorTransactionsReady(it)
	if it.webhook == "" {
		return
	}
	recent, all := e.newTransactionCounts(it, nil)
	e.sendTransactionsWebhook(it, "INITIAL_UPDATE", webhookBody{"new_transactions": recent, "error": nil})
	e.sendTransactionsWebhook(it, "HISTORICAL_UPDATE", webhookBody{"new_transactions": all, "error": nil})
	e.sendSyncUpdatesAvailable(it)
}

// sendTransactionsWebhook queues the Item's TRANSACTIONS webhook of code with fields beyond
// the common ones. Callers hold e.mu.
func (e *Emulator) sendTransactionsWebhook(it *item, code string, fields webhookBody) {
	body := e.itemWebhook(it, "TRANSACTIONS", code)
	for k, v := range fields {
		body[k] = v
	}
	e.sendItemWebhook(it, body)
}

// sendSyncUpdatesAvailable is SYNC_UPDATES_AVAILABLE with both updates complete, which Plaid
// sends only to an app that called /transactions/sync on the Item. Callers hold e.mu.
func (e *Emulator) sendSyncUpdatesAvailable(it *item) {
	if it.synced {
		e.sendTransactionsWebhook(it, "SYNC_UPDATES_AVAILABLE", webhookBody{"initial_update_complete": true, "historical_update_complete": true})
	}
}

// sendProcessorTransactionsReady is INITIAL_UPDATE and HISTORICAL_UPDATE for a partner: the
// same codes with the token's account_id and that account's counts. The processor
// SYNC_UPDATES_AVAILABLE is not sent: its description says Sandbox does not fire it. Callers
// hold e.mu.
func (e *Emulator) sendProcessorTransactionsReady(it *item) {
	e.eachTransactionsPartner(it, func(tok, url, accountID string) {
		recent, all := e.newTransactionCounts(it, []string{accountID})
		for _, u := range []struct {
			code string
			n    int
		}{{"INITIAL_UPDATE", recent}, {"HISTORICAL_UPDATE", all}} {
			body := webhookBody{"webhook_type": "TRANSACTIONS", "webhook_code": u.code, "account_id": accountID,
				"new_transactions": u.n, "error": nil, "environment": e.env()}
			e.sendWebhook(url, "processor:"+tok, it.id, body)
		}
	})
}

// eachTransactionsPartner calls fn for each processor token of the Item whose partner set a
// webhook with /processor/token/webhook/update and may read transactions. Callers hold e.mu.
func (e *Emulator) eachTransactionsPartner(it *item, fn func(tok, url, accountID string)) {
	for tok, s := range e.partnerSettings {
		if s.webhook == "" || (len(s.products) > 0 && !contains(s.products, "transactions")) {
			continue
		}
		if g, ok := e.processorGrant(tok); ok && g.itemID == it.id {
			fn(tok, s.webhook, g.accountID())
		}
	}
}

// newTransactionCounts are the transactions of the last 30 days and of the whole history on
// the accounts named (nil: all the Item shares), as /transactions/get would count them today.
func (e *Emulator) newTransactionCounts(it *item, accountIDs []string) (recent, all int) {
	accounts, perr := it.selectAccounts(accountIDs)
	if perr != nil {
		return 0, 0
	}
	today := epochDay(e.now())
	_, recent = it.listWindow(accounts, window{start: today - initialUpdateDays, end: today, count: 1}, today)
	_, all = it.listWindow(accounts, window{start: epochDay(it.created) - historyDays, end: today, count: 1}, today)
	return recent, all
}

// stopTransactionsTimers stops the readiness webhooks still waiting, for Close.
func (e *Emulator) stopTransactionsTimers() {
	e.mu.Lock()
	defer e.mu.Unlock()
	for id, t := range e.txnTimers {
		t.Stop()
		delete(e.txnTimers, id)
	}
}
