package emulator

import (
	"context"
	"encoding/json"
	"net/http/httptest"
	"strings"
	"time"

	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) txnRefresh(access string) result[plaid.TransactionsRefreshResponse] {
	req := plaid.NewTransactionsRefreshRequest(access)
	return ok(h.client.TransactionsRefresh(h.ctx).TransactionsRefreshRequest(*req).Execute())
}

func (h *harness) processorSync(tok, cursor string, count int32) result[plaid.ProcessorTransactionsSyncResponse] {
	req := plaid.NewProcessorTransactionsSyncRequest(tok)
	if cursor != "" {
		req.SetCursor(cursor)
	}
	req.SetCount(count)
	return ok(h.client.ProcessorTransactionsSync(h.ctx).ProcessorTransactionsSyncRequest(*req).Execute())
}

func (h *harness) processorTxnGet(tok, start, end string) result[plaid.ProcessorTransactionsGetResponse] {
	req := plaid.NewProcessorTransactionsGetRequest(tok, start, end)
	return ok(h.client.ProcessorTransactionsGet(h.ctx).ProcessorTransactionsGetRequest(*req).Execute())
}

// An Item linked without transactions cannot read them, on any of the three endpoints.
func TestTransactionsNeedTheProduct(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	h.txnSync(access, "", 10).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	h.txnGet(access, "2026-01-01", "2026-02-01", nil).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	h.txnRefresh(access).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	with := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.txnRefresh(with).get(t)
}

// Bad requests name their field; tokens and Item state answer as on the other data endpoints.
func TestTransactionsRequestErrors(t *testing.T) {
	h := newHarness(t)
	access, other := h.connect(plaid.PRODUCTS_TRANSACTIONS), h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	h.txnSync(access, "", 0).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.txnSync(access, "", 501).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.txnSync(access, "not-a-cursor", 10).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	foreign := h.txnSync(other, "", 10).get(t).NextCursor
	h.txnSync(access, foreign, 10).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.txnGet(access, "2026-02-01", "2026-01-01", nil).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetCount(501)
	h.txnGet(access, "2026-01-01", "2026-02-01", opts).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	opts = plaid.NewTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{"ABCDEFG1234567"})
	h.txnGet(access, "2026-01-01", "2026-02-01", opts).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	opts.SetAccountIds([]string{h.accounts(other)[0].AccountId})
	h.txnGet(access, "2026-01-01", "2026-02-01", opts).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	h.txnSync("access-sandbox-nope", "", 10).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).get(t)
	h.txnSync(access, "", 10).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
}

// A transactions partner's token reads its own account's transactions only: sync pages add up
// to what the Item's owner sees for that account, and /processor/transactions/get agrees.
func TestProcessorTransactions(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSACTIONS)
	chk := accountByMask(t, h.accounts(access), "0000").AccountId // processor tokens are for accounts money can move from
	tok := h.processorToken(access, chk, "cardlytics").get(t).ProcessorToken
	h.processorTxnGet(tok, "2025-01-01", "2026-03-01").fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(DefaultTransactionsReadyDelay)
	synced := map[string]bool{}
	for cursor := ""; ; {
		page := h.processorSync(tok, cursor, 60).get(t)
		if page.Account.Get().AccountId != chk {
			t.Fatalf("sync names account %s, want %s", page.Account.Get().AccountId, chk)
		}
		for _, tx := range page.Added {
			if tx.AccountId != chk {
				t.Fatalf("partner got a transaction of account %s", tx.AccountId)
			}
			synced[tx.TransactionId] = true
		}
		if cursor = page.NextCursor; !page.HasMore {
			break
		}
	}
	owner := h.getAll(t, access, []string{chk})
	if len(synced) == 0 || len(synced) != len(owner) {
		t.Fatalf("partner synced %d transactions, the owner sees %d on the account", len(synced), len(owner))
	}
	today := h.clock.Now().UTC().Format("2006-01-02")
	got := h.processorTxnGet(tok, "2024-01-01", today).get(t)
	if int(got.TotalTransactions) != len(owner) || got.Account.AccountId != chk {
		t.Fatalf("processor get: total %d on %s, want %d on %s", got.TotalTransactions, got.Account.AccountId, len(owner), chk)
	}
	h.permissionsSet(tok, plaid.PRODUCTS_AUTH).get(t)
	h.processorSync(tok, "", 10).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")

	_, _, authTok := h.partnerToken("0000") // an Item linked with auth only
	h.processorSync(authTok, "", 10).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
}

// Plaid's quickstart syncs with "cursor": null first, then with each next_cursor, sleeping and
// asking again while next_cursor is "" (data not ready): that loop ends with the whole history.
// The spec calls a null cursor invalid, yet Plaid takes it (the quickstart works), so this
// test's emulator is served without the spec check, which would refuse the null.
func TestTransactionsQuickstartLoop(t *testing.T) {
	clock := newTestClock()
	srv := httptest.NewServer(New(Options{Now: clock.Now}))
	t.Cleanup(srv.Close)
	h := &harness{t: t, clock: clock, url: srv.URL, client: plaidClient(srv.URL, TestClientID, TestSecret), ctx: context.Background()}
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSACTIONS)
	body := func(cursor any) string {
		raw, _ := json.Marshal(map[string]any{"client_id": TestClientID, "secret": TestSecret, "access_token": access, "cursor": cursor})
		return string(raw)
	}
	var cursor any // null, as the quickstart sends it first
	added, polls := 0, 0
	for hasMore := true; hasMore; {
		r := h.post("/transactions/sync", body(cursor), nil)
		if r.status != 200 {
			t.Fatalf("sync answered %d: %v", r.status, r.body)
		}
		cursor = r.body["next_cursor"]
		if cursor == "" {
			polls++
			h.clock.Advance(2 * time.Second) // the quickstart sleeps 2 s
			continue
		}
		added += len(r.body["added"].([]any))
		hasMore = r.body["has_more"].(bool)
	}
	if polls == 0 || added < 300 {
		t.Fatalf("%d polls before the data was ready, %d added", polls, added)
	}
}

// /categories/get lists every legacy category a transaction names, with the same hierarchy,
// and every parent of each.
func TestCategoriesGetCoversTransactions(t *testing.T) {
	h := newHarness(t)
	resp := ok(h.client.CategoriesGet(h.ctx).Body(map[string]interface{}{}).Execute()).get(t)
	byID := map[string]string{}
	paths := map[string]bool{}
	for _, c := range resp.Categories {
		byID[c.CategoryId] = categoryPath(c.Hierarchy)
		paths[categoryPath(c.Hierarchy)] = true
	}
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	for _, tx := range h.getAll(t, access, nil) {
		id := tx.GetCategoryId()
		if byID[id] != categoryPath(tx.Category) {
			t.Fatalf("transaction %q has category %s %v; /categories/get says %q", tx.Name, id, tx.Category, byID[id])
		}
		for i := 1; i < len(tx.Category); i++ {
			if !paths[categoryPath(tx.Category[:i])] {
				t.Fatalf("parent %v of %v is not listed", tx.Category[:i], tx.Category)
			}
		}
	}
}

// /transactions/recurring/get finds the history's recurring entries as streams: payroll in
// twice a month, rent out monthly; each stream's ids are posted transactions of its account.
func TestTransactionsRecurring(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	req := plaid.NewTransactionsRecurringGetRequest(access)
	ok(h.client.TransactionsRecurringGet(h.ctx).TransactionsRecurringGetRequest(*req).Execute()).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(DefaultTransactionsReadyDelay)
	resp := ok(h.client.TransactionsRecurringGet(h.ctx).TransactionsRecurringGetRequest(*req).Execute()).get(t)
	all := h.getAll(t, access, nil)
	find := func(streams []plaid.TransactionStream, desc string) plaid.TransactionStream {
		for _, s := range streams {
			if s.Description == desc {
				return s
			}
		}
		t.Fatalf("no stream %q", desc)
		return plaid.TransactionStream{}
	}
	pay := find(resp.InflowStreams, payroll.name)
	rentStream := find(resp.OutflowStreams, rent.name)
	if pay.Frequency != plaid.RECURRINGTRANSACTIONFREQUENCY_SEMI_MONTHLY || rentStream.Frequency != plaid.RECURRINGTRANSACTIONFREQUENCY_MONTHLY ||
		len(pay.TransactionIds) < 40 || len(rentStream.TransactionIds) < 20 || pay.AverageAmount.GetAmount() >= 0 {
		t.Fatalf("payroll %s x%d avg %v, rent %s x%d", pay.Frequency, len(pay.TransactionIds), pay.AverageAmount.GetAmount(), rentStream.Frequency, len(rentStream.TransactionIds))
	}
	for _, s := range append(resp.InflowStreams, resp.OutflowStreams...) {
		for _, id := range s.TransactionIds {
			if tx, ok := all[id]; !ok || tx.AccountId != s.AccountId || tx.Pending {
				t.Fatalf("stream %q names %s, not a posted transaction of its account", s.Description, id)
			}
		}
	}
	noTxn := plaid.NewTransactionsRecurringGetRequest(h.connect(plaid.PRODUCTS_AUTH))
	ok(h.client.TransactionsRecurringGet(h.ctx).TransactionsRecurringGetRequest(*noTxn).Execute()).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
}

// /processor/transactions/recurring/get gives a transactions partner the streams of its
// token's account: the app's streams of that account, no other's; PRODUCT_NOT_READY first.
func TestProcessorTransactionsRecurring(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	tok := h.partnerTokenOn(access, "0000", "boom")
	preq := plaid.NewProcessorTransactionsRecurringGetRequest(tok)
	ok(h.client.ProcessorTransactionsRecurringGet(h.ctx).ProcessorTransactionsRecurringGetRequest(*preq).Execute()).
		fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(DefaultTransactionsReadyDelay)
	partner := ok(h.client.ProcessorTransactionsRecurringGet(h.ctx).ProcessorTransactionsRecurringGetRequest(*preq).Execute()).get(t)
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	app := ok(h.client.TransactionsRecurringGet(h.ctx).TransactionsRecurringGetRequest(*plaid.NewTransactionsRecurringGetRequest(access)).Execute()).get(t)
	var want, got []string
	for _, s := range append(app.InflowStreams, app.OutflowStreams...) {
		if s.AccountId == checking {
			want = append(want, s.StreamId)
		}
	}
	for _, s := range append(partner.InflowStreams, partner.OutflowStreams...) {
		got = append(got, s.StreamId)
	}
	if len(got) == 0 || strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("the partner sees streams %v, the app's of checking are %v", got, want)
	}
}
