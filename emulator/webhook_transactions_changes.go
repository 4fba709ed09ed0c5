package emulator

// The TRANSACTIONS webhooks of a change to a dynamic Item's transactions (a refresh, or
// /sandbox/transactions/create), as Plaid's /transactions/refresh reference lists them:
// DEFAULT_UPDATE when transactions were added, TRANSACTIONS_REMOVED when some were removed (a
// pending transaction that posted), and SYNC_UPDATES_AVAILABLE to an app that called
// /transactions/sync. A partner watching an account of the Item gets the first two for that
// account (their processor variants); the processor SYNC_UPDATES_AVAILABLE is left out, as for
// readiness (webhook_transactions.go).

// refreshTransactions is what a refresh (the owner's /transactions/refresh or a partner's) does:
// user_good's data changes only with the day, so nothing; a dynamic Item moves on one
// refresh, kept before it is answered. Callers hold e.mu.
func (e *Emulator) refreshTransactions(it *item) {
	if it.dyn == nil {
		return
	}
	before := it.dyn.now()
	it.dyn.refreshes++
	e.saveItemLocked(it)
	e.sendTransactionChanges(it, before)
}

// sendTransactionChanges sends the webhooks of what changed on a dynamic Item since version
// before. Before the first pull is done none go: the readiness webhooks, still to come, count
// everything. Callers hold e.mu.
func (e *Emulator) sendTransactionChanges(it *item, before txnVersion) {
	if !e.transactionsReady(it) {
		return
	}
	today := epochDay(e.now())
	c := syncCursor{from: today, to: today, dynamic: true, fromVersion: before, toVersion: it.dyn.now()}
	changes := it.dynamicChanges(it.accounts(), c)
	if len(changes) == 0 {
		return
	}
	added, removed := changeCounts(changes, "")
	if added > 0 {
		e.sendTransactionsWebhook(it, "DEFAULT_UPDATE", webhookBody{"new_transactions": added, "error": nil})
	}
	if len(removed) > 0 {
		e.sendTransactionsWebhook(it, "TRANSACTIONS_REMOVED", webhookBody{"removed_transactions": removed, "error": nil})
	}
	e.sendSyncUpdatesAvailable(it)
	e.eachTransactionsPartner(it, func(tok, url, accountID string) {
		added, removed := changeCounts(changes, accountID)
		if added > 0 {
			e.sendWebhook(url, "processor:"+tok, it.id, webhookBody{"webhook_type": "TRANSACTIONS", "webhook_code": "DEFAULT_UPDATE",
				"account_id": accountID, "new_transactions": added, "error": nil, "environment": e.env()})
		}
		if len(removed) > 0 {
			e.sendWebhook(url, "processor:"+tok, it.id, webhookBody{"webhook_type": "TRANSACTIONS", "webhook_code": "TRANSACTIONS_REMOVED",
				"account_id": accountID, "removed_transactions": removed, "error": nil, "environment": e.env()})
		}
	})
}

// changeCounts counts the additions of changes and lists the ids removed, on the account of
// accountID ("": all).
func changeCounts(changes []syncChange, accountID string) (added int, removed []string) {
	removed = []string{}
	for _, ch := range changes {
		switch {
		case accountID != "" && ch.t.account.id != accountID:
		case ch.removed:
			removed = append(removed, ch.t.dynamicID())
		case !ch.modified:
			added++
		}
	}
	return added, removed
}
