package emulator

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) txnCreate(access string, list ...plaid.CustomSandboxTransaction) result[plaid.SandboxTransactionsCreateResponse] {
	req := plaid.NewSandboxTransactionsCreateRequest(access, list)
	return ok(h.client.SandboxTransactionsCreate(h.ctx).SandboxTransactionsCreateRequest(*req).Execute())
}

// madeTx is a transaction to create, dated daysAgo (made) and postedAgo (posted) days before
// the harness's today.
func (h *harness) madeTx(daysAgo, postedAgo int, amount float64, desc string) plaid.CustomSandboxTransaction {
	today := time.Now().UTC() // the webhook harness runs on the real clock
	if h.clock != nil {
		today = h.clock.Now().UTC()
	}
	return *plaid.NewCustomSandboxTransaction(today.AddDate(0, 0, -daysAgo).Format(time.DateOnly),
		today.AddDate(0, 0, -postedAgo).Format(time.DateOnly), amount, desc)
}

// Created transactions show at once, posted, on the checking account, with what was given
// (currency defaulting to USD): as additions to a client syncing from its cursor, in
// /transactions/get and to a partner on that account; a refresh after them keeps them.
func TestSandboxTransactionsCreate(t *testing.T) {
	h := newHarness(t)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	h.clock.Advance(DefaultTransactionsReadyDelay)
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	tok := h.partnerTokenOn(access, "0000", "boom")
	have := map[string]plaid.Transaction{}
	first := h.syncFrom(t, access, "", 500)
	first.apply(t, have)
	cad := h.madeTx(3, 1, -12.34, "Refund from the corner shop")
	cad.SetIsoCurrencyCode("CAD")
	h.txnCreate(access, h.madeTx(0, 0, 42.5, "Lunch with the team"), cad, h.madeTx(14, 14, 7, "Parking")).get(t)
	d := h.syncFrom(t, access, first.next, 500)
	if len(d.added) != 3 || len(d.removed)+len(d.modified) != 0 {
		t.Fatalf("after creating 3: %d added, %d removed, %d modified", len(d.added), len(d.removed), len(d.modified))
	}
	byName := map[string]plaid.Transaction{}
	for _, tx := range d.added {
		byName[tx.Name] = tx
		if tx.AccountId != checking || tx.Pending || tx.PendingTransactionId.Get() != nil {
			t.Errorf("created %q on %s, pending %v, pending id %v; want posted on checking", tx.Name, tx.AccountId, tx.Pending, tx.PendingTransactionId.Get())
		}
	}
	today := h.clock.Now().UTC()
	refund := byName["Refund from the corner shop"]
	if refund.Amount != -12.34 || refund.GetIsoCurrencyCode() != "CAD" || refund.Date != today.AddDate(0, 0, -1).Format(time.DateOnly) ||
		refund.GetAuthorizedDate() != today.AddDate(0, 0, -3).Format(time.DateOnly) {
		t.Errorf("refund = %+v", refund)
	}
	if lunch := byName["Lunch with the team"]; lunch.Amount != 42.5 || lunch.GetIsoCurrencyCode() != "USD" || lunch.Date != today.Format(time.DateOnly) {
		t.Errorf("lunch = %+v", lunch)
	}
	d.apply(t, have)
	sameIDs(t, "after create", have, h.getAll(t, access, nil))
	partner := h.processorTxnGet(tok, today.AddDate(0, 0, -20).Format(time.DateOnly), today.Format(time.DateOnly)).get(t)
	found := 0
	for _, tx := range partner.Transactions {
		if _, ok := byName[tx.Name]; ok {
			found++
		}
	}
	if found != 3 {
		t.Fatalf("the partner on checking sees %d of the 3 created", found)
	}
	h.txnRefresh(access).get(t)
	after := h.syncFrom(t, access, d.next, 500)
	for name, tx := range byName {
		if after.removed[tx.TransactionId] {
			t.Errorf("the refresh removed created %q", name)
		}
	}
}

// Refusals, each naming its cause: an Item of another user, no list or more than 10
// transactions, a date more than 14 days back or in the future, posted before made, a bad
// currency or an empty description, an Item without transactions, and past 250 in all.
func TestSandboxTransactionsCreateErrors(t *testing.T) {
	h := newHarness(t)
	good := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	noTxn := h.connectDynamic("", plaid.PRODUCTS_AUTH).AccessToken
	pe := h.txnCreate(good, h.madeTx(1, 1, 5, "Coffee")).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	if !strings.Contains(pe.ErrorMessage, dynamicUsername) {
		t.Errorf("wrong user: message %q does not name %s", pe.ErrorMessage, dynamicUsername)
	}
	eleven := make([]plaid.CustomSandboxTransaction, 11)
	for i := range eleven {
		eleven[i] = h.madeTx(1, 1, float64(i), fmt.Sprintf("Item %d", i))
	}
	h.txnCreate(access, eleven...).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.txnCreate(access).fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS") // plaid-go leaves an empty list out
	for name, tx := range map[string]plaid.CustomSandboxTransaction{
		"made 15 days back": h.madeTx(15, 14, 5, "Old"),
		"posted tomorrow":   h.madeTx(0, -1, 5, "Future"),
		"posted before":     h.madeTx(2, 3, 5, "Backwards"),
		"blank description": h.madeTx(1, 1, 5, "  "),
	} {
		pe := h.txnCreate(access, tx).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
		if !strings.Contains(pe.ErrorMessage, "transactions[0].") {
			t.Errorf("%s: message %q does not name the field", name, pe.ErrorMessage)
		}
	}
	euro := h.madeTx(1, 1, 5, "Euro")
	euro.SetIsoCurrencyCode("euro")
	h.txnCreate(access, euro).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.txnCreate(noTxn, h.madeTx(1, 1, 5, "Coffee")).fails(t, 400, "SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED")
	ten := eleven[:10]
	for range maxMadeTxns / 10 {
		h.txnCreate(access, ten...).get(t)
	}
	h.txnCreate(access, ten[0]).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.clock.Advance(DefaultTransactionsReadyDelay)
	if n := len(h.getAll(t, access, nil)); n != dynamicInitial+maxMadeTxns {
		t.Fatalf("%d transactions after %d created; want %d", n, maxMadeTxns, dynamicInitial+maxMadeTxns)
	}
}

// With --state, a restart keeps a dynamic Item's refreshes and created transactions: the same
// transactions are served, a cursor saved before the restart still gives just the changes since,
// and the next refresh goes on from the count kept.
func TestDynamicTransactionsSurviveRestart(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	access := h.connectDynamic("", plaid.PRODUCTS_TRANSACTIONS).AccessToken
	clock.Advance(DefaultTransactionsReadyDelay)
	have := map[string]plaid.Transaction{}
	first := h.syncFrom(t, access, "", 500)
	first.apply(t, have)
	h.txnRefresh(access).get(t)
	h.txnRefresh(access).get(t)
	h.txnCreate(access, h.madeTx(2, 1, 19.99, "Bookshop"), h.madeTx(0, 0, -100, "Transfer in")).get(t)
	before := h.getAll(t, access, nil)
	stop()

	h, stop = restoredHarness(t, dir, clock)
	sameIDs(t, "after a restart", h.getAll(t, access, nil), before)
	d := h.syncFrom(t, access, first.next, 500)
	d.apply(t, have)
	sameIDs(t, "synced across the restart", have, before)
	h.txnRefresh(access).get(t)
	next := h.syncFrom(t, access, d.next, 500)
	if len(next.modified) != 1 || len(next.added) == 0 {
		t.Fatalf("the refresh after the restart: %d added, %d modified", len(next.added), len(next.modified))
	}
	next.apply(t, have)
	after := h.getAll(t, access, nil)
	sameIDs(t, "after a refresh past the restart", have, after)
	stop()
	h, _ = restoredHarness(t, dir, clock)
	sameIDs(t, "after a second restart", h.getAll(t, access, nil), after)
}
