package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) txnSync(access, cursor string, count int32) result[plaid.TransactionsSyncResponse] {
	req := plaid.NewTransactionsSyncRequest(access)
	if cursor != "" {
		req.SetCursor(cursor)
	}
	req.SetCount(count)
	return ok(h.client.TransactionsSync(h.ctx).TransactionsSyncRequest(*req).Execute())
}

func (h *harness) txnGet(access, start, end string, opts *plaid.TransactionsGetRequestOptions) result[plaid.TransactionsGetResponse] {
	req := plaid.NewTransactionsGetRequest(access, start, end)
	if opts != nil {
		req.SetOptions(*opts)
	}
	return ok(h.client.TransactionsGet(h.ctx).TransactionsGetRequest(*req).Execute())
}

// syncAll pages through /transactions/sync from cursor until has_more is false, applying each
// page to have (id -> transaction), and returns the last cursor and how many pages it took.
func (h *harness) syncAll(t *testing.T, access, cursor string, count int32, have map[string]plaid.Transaction) (string, int) {
	t.Helper()
	pages := 0
	for {
		page := h.txnSync(access, cursor, count).get(t)
		pages++
		if n := len(page.Added) + len(page.Modified) + len(page.Removed); n > int(count) {
			t.Fatalf("page of %d changes, count was %d", n, count)
		}
		for _, r := range page.Removed {
			if _, ok := have[r.TransactionId]; !ok {
				t.Fatalf("removed %s, which was never added", r.TransactionId)
			}
			delete(have, r.TransactionId)
		}
		for _, tx := range page.Added {
			if _, dup := have[tx.TransactionId]; dup {
				t.Fatalf("added %s twice", tx.TransactionId)
			}
			have[tx.TransactionId] = tx
		}
		cursor = page.NextCursor
		if !page.HasMore {
			return cursor, pages
		}
	}
}

// getAll lists every transaction /transactions/get has, page by page, from a month before the
// two years of history (which start two years before the Item was linked) to today.
func (h *harness) getAll(t *testing.T, access string, accountIDs []string) map[string]plaid.Transaction {
	t.Helper()
	today := h.clock.Now().UTC()
	start, end := today.AddDate(-2, -1, 0).Format(time.DateOnly), today.Format(time.DateOnly)
	out := map[string]plaid.Transaction{}
	for offset := int32(0); ; offset += 500 {
		opts := plaid.NewTransactionsGetRequestOptions()
		opts.SetCount(500)
		opts.SetOffset(offset)
		if accountIDs != nil {
			opts.SetAccountIds(accountIDs)
		}
		resp := h.txnGet(access, start, end, opts).get(t)
		for _, tx := range resp.Transactions {
			out[tx.TransactionId] = tx
		}
		if int(offset)+len(resp.Transactions) >= int(resp.TotalTransactions) {
			if len(out) != int(resp.TotalTransactions) {
				t.Fatalf("get listed %d distinct transactions, total_transactions %d", len(out), resp.TotalTransactions)
			}
			return out
		}
	}
}

func sameIDs(t *testing.T, what string, got, want map[string]plaid.Transaction) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d transactions, want %d", what, len(got), len(want))
	}
	for id, w := range want {
		g, ok := got[id]
		if !ok {
			t.Fatalf("%s: %s (%s %s) missing", what, id, w.Date, w.Name)
		}
		if g.Amount != w.Amount || g.Date != w.Date || g.Pending != w.Pending || g.AccountId != w.AccountId {
			t.Fatalf("%s: %s differs: %+v vs %+v", what, id, g, w)
		}
	}
}

// Right after linking: /transactions/get answers PRODUCT_NOT_READY and /transactions/sync an
// empty page with an empty cursor; a few seconds later both have two years of data.
func TestTransactionsNotReadyThenReady(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSACTIONS)
	h.txnGet(access, "2025-01-01", "2026-03-01", nil).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	early := h.txnSync(access, "", 100).get(t)
	if early.NextCursor != "" || len(early.Added) != 0 || early.HasMore || early.TransactionsUpdateStatus != plaid.TRANSACTIONSUPDATESTATUS_NOT_READY {
		t.Fatalf("early sync: cursor %q, %d added, has_more %v, status %s", early.NextCursor, len(early.Added), early.HasMore, early.TransactionsUpdateStatus)
	}
	h.clock.Advance(DefaultTransactionsReadyDelay)
	page := h.txnSync(access, "", 100).get(t)
	if len(page.Added) != 100 || !page.HasMore || page.TransactionsUpdateStatus != plaid.TRANSACTIONSUPDATESTATUS_HISTORICAL_UPDATE_COMPLETE {
		t.Fatalf("sync: %d added, has_more %v, status %s", len(page.Added), page.HasMore, page.TransactionsUpdateStatus)
	}
	if len(page.Accounts) != 12 {
		t.Errorf("sync lists %d accounts, want user_good's 12", len(page.Accounts))
	}
}

// Paging through sync until has_more is false gives exactly what /transactions/get lists for
// the two years, per account too; data is realistic (merchants, categories, both signs, dates
// in the window ending today, pending and posted).
func TestTransactionsSyncMatchesGet(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	synced := map[string]plaid.Transaction{}
	_, pages := h.syncAll(t, access, "", 77, synced)
	all := h.getAll(t, access, nil)
	sameIDs(t, "sync vs get", synced, all)
	if pages < 3 || len(all) < 300 || len(all) > 1500 {
		t.Fatalf("%d transactions in %d pages; want a realistic two years", len(all), pages)
	}
	t.Logf("user_good: %d transactions, synced in %d pages of 77", len(all), pages)
	today := h.clock.Now().UTC().Format(time.DateOnly)
	oldest := h.clock.Now().UTC().AddDate(-2, 0, -1).Format(time.DateOnly)
	var pending, income, merchants int
	for _, tx := range all {
		if tx.Date > today || tx.Date < oldest {
			t.Fatalf("transaction dated %s, outside %s..%s", tx.Date, oldest, today)
		}
		if tx.Pending {
			pending++
		}
		if tx.Amount < 0 {
			income++
		}
		if tx.GetMerchantName() != "" && tx.PersonalFinanceCategory.IsSet() && len(tx.Category) > 0 {
			merchants++
		}
	}
	if pending == 0 || pending == len(all) || income == 0 || merchants < len(all)/2 {
		t.Fatalf("pending %d, money in %d, with merchant and category %d, of %d", pending, income, merchants, len(all))
	}
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	one := h.getAll(t, access, []string{checking})
	for _, tx := range one {
		if tx.AccountId != checking {
			t.Fatalf("options.account_ids: got a transaction of %s", tx.AccountId)
		}
	}
	if len(one) == 0 || len(one) >= len(all) {
		t.Fatalf("checking has %d of %d transactions", len(one), len(all))
	}
}

// Two Items never share transaction ids, and the same Item gives the same data on every call.
func TestTransactionsDeterministicPerItem(t *testing.T) {
	h := newHarness(t)
	a, b := h.connect(plaid.PRODUCTS_TRANSACTIONS), h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	first, again, other := h.getAll(t, a, nil), h.getAll(t, a, nil), h.getAll(t, b, nil)
	sameIDs(t, "same item twice", again, first)
	for id := range other {
		if _, ok := first[id]; ok {
			t.Fatalf("two Items share transaction id %s", id)
		}
	}
}

// Days later, syncing from the stored cursor removes pending ids that posted and adds their
// posted twins and the new days' transactions; the client's copy equals /transactions/get.
func TestTransactionsSyncAcrossDays(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	have := map[string]plaid.Transaction{}
	cursor, _ := h.syncAll(t, access, "", 500, have)
	pendingBefore := map[string]bool{}
	for id, tx := range have {
		if tx.Pending {
			pendingBefore[id] = true
		}
	}
	same := h.txnSync(access, cursor, 100).get(t)
	if len(same.Added)+len(same.Removed) != 0 || same.HasMore || same.NextCursor == "" {
		t.Fatalf("sync with nothing new: %d added, %d removed", len(same.Added), len(same.Removed))
	}
	now := h.txnSync(access, "now", 100).get(t)
	if len(now.Added) != 0 || now.HasMore || now.NextCursor == "" {
		t.Fatalf(`cursor "now": %d added, has_more %v, next %q; want nothing and a cursor`, len(now.Added), now.HasMore, now.NextCursor)
	}
	h.clock.Advance(5 * 24 * time.Hour)
	// From "now" the client is taken to hold what /transactions/get gave, pending ones included.
	fromNow := h.txnSync(access, now.NextCursor, 500).get(t)
	h.syncAll(t, access, cursor, 5, have)
	for _, tx := range fromNow.Added {
		if _, ok := have[tx.TransactionId]; !ok {
			t.Fatalf(`syncing from "now" added %s, which the full sync does not have`, tx.TransactionId)
		}
	}
	for _, r := range fromNow.Removed {
		if !pendingBefore[r.TransactionId] {
			t.Fatalf(`syncing from "now" removed %s, which was not pending`, r.TransactionId)
		}
	}
	if len(fromNow.Added) == 0 || len(fromNow.Added) >= len(have)/10 || fromNow.HasMore {
		t.Fatalf(`from "now": %d transactions in five days, of %d in all`, len(fromNow.Added), len(have))
	}
	sameIDs(t, "after five days", have, h.getAll(t, access, nil))
	posted := 0
	for _, tx := range have {
		if pendingBefore[tx.GetPendingTransactionId()] && !tx.Pending {
			posted++
		}
	}
	if len(pendingBefore) == 0 || posted != len(pendingBefore) {
		t.Fatalf("%d pending before, %d posted with pending_transaction_id after", len(pendingBefore), posted)
	}
}

// A custom user's configured transactions are served as configured; a future date_posted is
// pending; accounts configured without any get generated ones.
func TestTransactionsCustomUser(t *testing.T) {
	h := newHarness(t)
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_custom")
	opts.SetOverridePassword(`{"override_accounts":[{"type":"depository","subtype":"checking","starting_balance":100,
	  "transactions":[{"date_transacted":"2026-02-01","date_posted":"2026-02-02","amount":12.5,"description":"Corner Coffee","currency":"CAD"},
	                  {"date_transacted":"2026-03-02","date_posted":"2026-03-09","amount":-40,"description":"Refund"}]},
	  {"type":"credit","subtype":"credit card","starting_balance":300}]}`)
	access := h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_TRANSACTIONS}, opts)).AccessToken
	h.clock.Advance(DefaultTransactionsReadyDelay)
	chq := h.accounts(access)[0].AccountId
	got := h.getAll(t, access, []string{chq})
	if len(got) != 2 {
		t.Fatalf("%d transactions on the configured account, want its 2", len(got))
	}
	for _, tx := range got {
		switch tx.Name {
		case "Corner Coffee":
			if tx.Amount != 12.5 || tx.GetIsoCurrencyCode() != "CAD" || tx.Pending || tx.Date != "2026-02-02" || tx.GetAuthorizedDate() != "2026-02-01" {
				t.Errorf("coffee: %+v", tx)
			}
		case "Refund":
			if !tx.Pending || tx.Amount != -40 || tx.GetIsoCurrencyCode() != "USD" {
				t.Errorf("refund with a future date_posted: pending %v amount %v", tx.Pending, tx.Amount)
			}
		default:
			t.Errorf("unexpected transaction %q", tx.Name)
		}
	}
	synced := map[string]plaid.Transaction{}
	h.syncAll(t, access, "", 100, synced)
	if len(synced) <= 2 {
		t.Fatalf("sync has %d transactions; the card, configured without any, should have generated ones", len(synced))
	}
}

// With --state, a restart serves the same transactions and keeps a client's sync cursor good:
// all of it is derived from what the Item already persists (its id, creation time, login).
func TestTransactionsSurviveRestart(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	clock.Advance(DefaultTransactionsReadyDelay)
	before := h.getAll(t, access, nil)
	have := map[string]plaid.Transaction{}
	cursor, _ := h.syncAll(t, access, "", 500, have)
	stop()

	h, _ = restoredHarness(t, dir, clock)
	sameIDs(t, "after a restart", h.getAll(t, access, nil), before)
	clock.Advance(3 * 24 * time.Hour)
	h.syncAll(t, access, cursor, 100, have)
	sameIDs(t, "synced across the restart", have, h.getAll(t, access, nil))
}
