package emulator

import (
	"math"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// connectDynamic links user_transactions_dynamic (with a password of its own: any works) at
// First Platypus Bank through the shortcut, with webhook when it is not "".
func (h *harness) connectDynamic(webhook string, products ...plaid.Products) plaid.ItemPublicTokenExchangeResponse {
	h.t.Helper()
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername(dynamicUsername)
	opts.SetOverridePassword("anything-at-all")
	if webhook != "" {
		opts.SetWebhook(webhook)
	}
	return h.exchange(h.publicToken("ins_109508", products, opts))
}

// syncDelta is what a sync loop from one cursor to has_more false reported, all pages together.
type syncDelta struct {
	added, modified map[string]plaid.Transaction
	removed         map[string]bool
	next            string
	pages           int
}

// syncFrom pages through /transactions/sync from cursor, count changes a page.
func (h *harness) syncFrom(t *testing.T, access, cursor string, count int32) syncDelta {
	t.Helper()
	d := syncDelta{added: map[string]plaid.Transaction{}, modified: map[string]plaid.Transaction{}, removed: map[string]bool{}}
	for {
		page := h.txnSync(access, cursor, count).get(t)
		d.pages++
		if n := len(page.Added) + len(page.Modified) + len(page.Removed); n > int(count) {
			t.Fatalf("page of %d changes, count was %d", n, count)
		}
		for _, tx := range page.Added {
			d.added[tx.TransactionId] = tx
		}
		for _, tx := range page.Modified {
			d.modified[tx.TransactionId] = tx
		}
		for _, r := range page.Removed {
			d.removed[r.TransactionId] = true
		}
		cursor = page.NextCursor
		if !page.HasMore {
			d.next = cursor
			return d
		}
	}
}

// apply brings have up to date with d, failing on a change that does not fit what have holds.
func (d syncDelta) apply(t *testing.T, have map[string]plaid.Transaction) {
	t.Helper()
	for id := range d.removed {
		if _, ok := have[id]; !ok {
			t.Fatalf("removed %s, which the client never had", id)
		}
		delete(have, id)
	}
	for id, tx := range d.modified {
		if _, ok := have[id]; !ok {
			t.Fatalf("modified %s, which the client never had", id)
		}
		have[id] = tx
	}
	for id, tx := range d.added {
		if _, dup := have[id]; dup {
			t.Fatalf("added %s, which the client already had", id)
		}
		have[id] = tx
	}
}

func pendingIDs(list map[string]plaid.Transaction) map[string]bool {
	out := map[string]bool{}
	for id, tx := range list {
		if tx.Pending {
			out[id] = true
		}
	}
	return out
}

// user_transactions_dynamic's Item starts with 50 transactions of the month before linking,
// the newest 5 pending, on its checking account and cards; sync and get agree; its password is
// anything but blank.
func TestDynamicUserStartsWithFiftyTransactions(t *testing.T) {
	h := newHarness(t)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	h.clock.Advance(DefaultTransactionsReadyDelay)
	all := h.getAll(t, access, nil)
	if len(all) != dynamicInitial || len(pendingIDs(all)) != dynamicInitialPending {
		t.Fatalf("%d transactions, %d pending; want %d and %d", len(all), len(pendingIDs(all)), dynamicInitial, dynamicInitialPending)
	}
	accounts := map[string]string{}
	for _, a := range h.accounts(access) {
		accounts[a.AccountId] = a.GetMask()
	}
	oldest := h.clock.Now().UTC().AddDate(0, 0, -dynamicHistoryDays-1).Format(time.DateOnly)
	today := h.clock.Now().UTC().Format(time.DateOnly)
	for _, tx := range all {
		if m := accounts[tx.AccountId]; m != "0000" && m != "3333" && m != "9999" {
			t.Fatalf("transaction on account %s (mask %q); want checking or a card", tx.AccountId, m)
		}
		if tx.Date < oldest || tx.Date > today || tx.GetMerchantName() == "" && tx.Name == "" {
			t.Fatalf("transaction %+v outside %s..%s or unnamed", tx, oldest, today)
		}
		if tx.PendingTransactionId.Get() != nil {
			t.Fatalf("%s names a pending id, but the client never saw it pending", tx.TransactionId)
		}
	}
	synced := map[string]plaid.Transaction{}
	h.syncAll(t, access, "", 17, synced)
	sameIDs(t, "sync vs get", synced, all)

	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername(dynamicUsername)
	opts.SetOverridePassword("   ")
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_TRANSACTIONS})
	req.SetOptions(*opts)
	ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
}

// Each refresh, seen through a saved cursor: the pending transactions are removed and their
// posted twins added (pending_transaction_id linking them), one to three new pending ones
// added, one posted amount raised by exactly $1.00 as a modification; the client's copy equals
// /transactions/get after each, and a cursor from before a refresh keeps working. Small pages
// take the loop across several calls.
func TestDynamicRefreshChangesThroughSync(t *testing.T) {
	h := newHarness(t)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	h.clock.Advance(DefaultTransactionsReadyDelay)
	have := map[string]plaid.Transaction{}
	first := h.syncFrom(t, access, "", 500)
	first.apply(t, have)
	cursor := first.next
	for refresh := 1; refresh <= 3; refresh++ {
		pending := pendingIDs(have)
		h.txnRefresh(access).get(t)
		d := h.syncFrom(t, access, cursor, 3)
		if again := h.syncFrom(t, access, cursor, 500); len(again.added) != len(d.added) || len(again.removed) != len(d.removed) {
			t.Fatalf("the same cursor gave %d/%d the second time, %d/%d the first", len(again.added), len(again.removed), len(d.added), len(d.removed))
		}
		checkRefreshDelta(t, d, have, pending)
		d.apply(t, have)
		sameIDs(t, "after a refresh", have, h.getAll(t, access, nil))
		cursor = d.next
	}
	if quiet := h.syncFrom(t, access, cursor, 100); len(quiet.added)+len(quiet.modified)+len(quiet.removed) != 0 {
		t.Fatalf("with no refresh, sync reported %d/%d/%d changes", len(quiet.added), len(quiet.modified), len(quiet.removed))
	}
}

// checkRefreshDelta checks one refresh's changes against what the client held before it.
func checkRefreshDelta(t *testing.T, d syncDelta, before map[string]plaid.Transaction, pending map[string]bool) {
	t.Helper()
	if len(d.removed) != len(pending) {
		t.Fatalf("removed %d ids, want the %d pending ones", len(d.removed), len(pending))
	}
	posted, fresh := 0, 0
	for id, tx := range d.added {
		switch {
		case tx.Pending:
			fresh++
		case pending[tx.GetPendingTransactionId()] && d.removed[tx.GetPendingTransactionId()]:
			posted++
			if was := before[tx.GetPendingTransactionId()]; was.Amount != tx.Amount || was.AccountId != tx.AccountId || was.Name != tx.Name {
				t.Errorf("%s posted as %+v, pending it was %+v", id, tx, was)
			}
		default:
			t.Fatalf("added %+v: neither new and pending nor the posting of a removed pending id", tx)
		}
	}
	if posted != len(pending) || fresh < 1 || fresh > 3 {
		t.Fatalf("%d postings of %d pending, %d new pending (want 1 to 3)", posted, len(pending), fresh)
	}
	if len(d.modified) != 1 {
		t.Fatalf("%d modified, want one", len(d.modified))
	}
	for id, tx := range d.modified {
		if was, ok := before[id]; !ok || math.Abs(tx.Amount-was.Amount-1) > 1e-9 || tx.Pending {
			t.Fatalf("modified %s from %v to %v; want a posted transaction raised by 1.00", id, was.Amount, tx.Amount)
		}
	}
}

// Before the first pull is done, a refresh still counts; /transactions/get and the partner's
// sync and get see the same changes for the partner's account as the owner does.
func TestDynamicRefreshForPartners(t *testing.T) {
	h := newHarness(t)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	tok := h.partnerTokenOn(access, "0000", "boom")
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	h.txnRefresh(access).get(t)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	ok(h.client.ProcessorTransactionsRefresh(h.ctx).ProcessorTransactionsRefreshRequest(*plaid.NewProcessorTransactionsRefreshRequest(tok)).Execute()).get(t)
	owner := h.getAll(t, access, []string{checking})
	if len(owner) == 0 {
		t.Fatal("checking has no transactions")
	}
	partner := map[string]plaid.Transaction{}
	for cursor := ""; ; {
		page := h.processorSync(tok, cursor, 7).get(t)
		for _, tx := range page.Added {
			partner[tx.TransactionId] = tx
		}
		if cursor = page.NextCursor; !page.HasMore {
			break
		}
	}
	sameIDs(t, "partner sync vs owner get", partner, owner)
	today := h.clock.Now().UTC()
	got := h.processorTxnGet(tok, today.AddDate(0, -2, 0).Format(time.DateOnly), today.Format(time.DateOnly)).get(t)
	if int(got.TotalTransactions) != len(owner) {
		t.Fatalf("partner get counts %d, the owner %d", got.TotalTransactions, len(owner))
	}
	h.emu.mu.Lock()
	defer h.emu.mu.Unlock()
	if n := h.emu.items[h.emu.accessTokens[mustKey(t, h, access)].id].dyn.refreshes; n != 2 {
		t.Fatalf("%d refreshes counted; want the owner's and the partner's", n)
	}
}

func mustKey(t *testing.T, h *harness, access string) tokenKey {
	k, ok := h.emu.parseToken("access", access)
	if !ok {
		t.Fatalf("%s is no access token", access)
	}
	return k
}

// The emulated Link logs user_transactions_dynamic in with any password but a blank one, and
// the Item it makes, with Plaid Checking alone shared, takes created transactions there.
func TestLinkLogsInTheDynamicUser(t *testing.T) {
	r := newLinkRig(t, map[string]any{"products": []string{"transactions"}})
	if a := r.login(r.session(), "ins_109508", dynamicUsername, " "); a.Next != "error" || a.Error.ErrorCode != "INVALID_CREDENTIALS" {
		t.Fatalf("blank password: %+v", a)
	}
	sid := r.session()
	a := r.login(sid, "ins_109508", dynamicUsername, "whatever")
	checking := ""
	for _, acct := range a.Accounts {
		if acct.Name == "Plaid Checking" {
			checking = acct.ID
		}
	}
	if a.Next != "accounts" || checking == "" {
		t.Fatalf("login: %+v", a)
	}
	f, _ := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{checking}})
	var ex struct {
		AccessToken string `json:"access_token"`
	}
	keys := map[string]any{"client_id": TestClientID, "secret": TestSecret}
	if status := r.post("/item/public_token/exchange", withKeys(keys, "public_token", f.PublicToken), &ex); status != 200 {
		t.Fatalf("exchange: %d", status)
	}
	today := time.Now().UTC().Format(time.DateOnly)
	tx := map[string]any{"date_transacted": today, "date_posted": today, "amount": 1.25, "description": "Gum"}
	var out map[string]any
	if status := r.post("/sandbox/transactions/create", withKeys(keys, "access_token", ex.AccessToken, "transactions", []any{tx}), &out); status != 200 {
		t.Fatalf("create on the Link-made Item: %d %v", status, out)
	}
}

// withKeys is the API keys with the pairs k1, v1, k2, v2, ... added.
func withKeys(keys map[string]any, kv ...any) map[string]any {
	out := map[string]any{}
	for k, v := range keys {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i].(string)] = kv[i+1]
	}
	return out
}
