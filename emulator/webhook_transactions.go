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
// sent, as Plaid has nowhere to send them). Callers hold e.mu.
func (e *Emulator) sendTransactionsReady(it *item) {
	if it.webhook == "" {
		return
	}
	recent, all := e.newTransactionCounts(it)
	initial := e.itemWebhook(it, "TRANSACTIONS", "INITIAL_UPDATE")
	initial["new_transactions"], initial["error"] = recent, nil
	e.sendItemWebhook(it, initial)
	historical := e.itemWebhook(it, "TRANSACTIONS", "HISTORICAL_UPDATE")
	historical["new_transactions"], historical["error"] = all, nil
	e.sendItemWebhook(it, historical)
	if it.synced {
		sync := e.itemWebhook(it, "TRANSACTIONS", "SYNC_UPDATES_AVAILABLE")
		sync["initial_update_complete"], sync["historical_update_complete"] = true, true
		e.sendItemWebhook(it, sync)
	}
}

// newTransactionCounts are the Item's transactions of the last 30 days and of its whole
// history, as /transactions/get would count them today on the accounts shared in Link.
func (e *Emulator) newTransactionCounts(it *item) (recent, all int) {
	accounts, perr := it.selectAccounts(nil)
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
