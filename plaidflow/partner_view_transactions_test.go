package plaidflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// TestPartnerViewTransactions: Boom reads its account's balance, then pages through
// /processor/transactions/sync. Right after linking the first calls come back empty with
// next_cursor "" (the emulator's ready delay): they are retried, with progress, until pages come.
func TestPartnerViewTransactions(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{TransactionsReadyDelay: 150 * time.Millisecond}))
	in := walkFor(t, c, "boom", nil)
	var heard []Progress
	in.OnProgress = func(p Progress) { heard = append(heard, p) }
	before := len(log.Calls())
	v, err := c.PartnerView(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	tx := v.Transactions
	if !v.Read || tx == nil || !tx.Ready || tx.FirstPage == 0 || tx.Pages < 1 || tx.Added < tx.FirstPage || len(tx.Sample) == 0 {
		t.Fatalf("view %+v transactions %+v: want pages read, a first page and a sample", v, tx)
	}
	if tx.NotReadyAnswers == 0 || len(heard) != tx.NotReadyAnswers || heard[0].Step != SyncNotReady {
		t.Errorf("not-ready answers %d, progress %+v: want each empty answer reported", tx.NotReadyAnswers, heard)
	}
	calls := log.Calls()[before:]
	syncs := 0
	for _, call := range calls {
		if call.Path == "/processor/transactions/sync" {
			syncs++
		}
	}
	if calls[0].Path != "/processor/balance/get" || syncs != tx.NotReadyAnswers+tx.Pages {
		t.Errorf("calls %v: want the balance, then %d empty syncs and %d pages", paths(calls), tx.NotReadyAnswers, tx.Pages)
	}
	if s := tx.Sample[0]; s.Date == "" || s.Name == "" || s.Amount == 0 {
		t.Errorf("sample %+v: want a dated, named transaction with an amount", s)
	}
	if !strings.Contains(tx.PagesText(), "added on the first page") || !strings.Contains(tx.TransactionsNote(), "came back empty") {
		t.Errorf("texts %q / %q", tx.PagesText(), tx.TransactionsNote())
	}
}

// TestPartnerViewTransactionsNeverReady: when the history is still not there after every
// try, the view is still read (balance), says so, and makes no page call past the tries.
func TestPartnerViewTransactionsNeverReady(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{TransactionsReadyDelay: time.Hour}))
	in := walkFor(t, c, "cardlytics", nil)
	before := len(log.Calls())
	v, err := c.PartnerView(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	tx := v.Transactions
	if tx == nil || tx.Ready || tx.NotReadyAnswers != syncReadyTries || tx.Pages != 0 || tx.Status != "NOT_READY" {
		t.Fatalf("transactions %+v: want %d empty answers, no pages, NOT_READY", tx, syncReadyTries)
	}
	if n := len(log.Calls()) - before; n != 1+syncReadyTries {
		t.Errorf("%d calls, want the balance and %d syncs", n, syncReadyTries)
	}
	if !strings.Contains(tx.TransactionsNote(), "still not ready") {
		t.Errorf("note %q should say the history never came", tx.TransactionsNote())
	}
}

// TestPartnerViewTransactionsSandboxKeys: with sandbox keys the reads use a test token from
// /sandbox/processor_token/create, whose Item has no transactions: the sync's refusal is part
// of the view (the balance was read), said with why, not a failed view.
func TestPartnerViewTransactionsSandboxKeys(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	cfg.Env = EnvSandbox
	c, _ := fastClient(t, cfg)
	v, err := c.PartnerView(context.Background(), walkFor(t, c, "boom", nil))
	if err != nil {
		t.Fatal(err)
	}
	if !v.Read || v.TestToken == "" || v.Account.ID == "" || v.Transactions == nil || v.Transactions.Refused != "PRODUCTS_NOT_SUPPORTED" {
		t.Fatalf("view %+v transactions %+v: want the balance and the refusal", v, v.Transactions)
	}
	if !strings.Contains(v.Transactions.TransactionsNote(), "takes no products") {
		t.Errorf("note %q should say why", v.Transactions.TransactionsNote())
	}
}
