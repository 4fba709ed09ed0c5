package tui

import (
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// TestFlowPartnerViewTransactions: Boom's view right after linking. /processor/transactions/sync
// first answers empty pages (the history is still being pulled); the screen says so while the
// reads ask again, then shows the first page's count, the pages and a few transactions. Every
// sync is in the API log, and the session's after-hand-off calls end with them.
func TestFlowPartnerViewTransactions(t *testing.T) {
	w := newOfflineWorld(t, emulator.Options{TransactionsReadyDelay: 700 * time.Millisecond})
	tm := w.start(t)
	walkToLink(t, tm, "boom")
	linkWithPublicToken(t, w, []string{"transactions"})
	waitFor(t, tm, "Choose the account for Boom")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	press(tm, "p")
	waitFor(t, tm, "transactions are not ready yet")
	waitFor(t, tm, "What Boom reads with its token", "added on the first page", "came back empty")
	_, m := finalView(t, tm)
	tx := m.pview.read.Transactions
	if tx == nil || !tx.Ready || tx.NotReadyAnswers == 0 || len(tx.Sample) == 0 {
		t.Fatalf("transactions %+v: want a wait, then pages", tx)
	}
	syncs := 0
	for _, c := range w.deps.Log.Calls() {
		if c.Path == "/processor/transactions/sync" {
			syncs++
		}
	}
	if syncs != tx.NotReadyAnswers+tx.Pages {
		t.Errorf("%d syncs logged, want %d empty and %d pages", syncs, tx.NotReadyAnswers, tx.Pages)
	}
	rec := m.Result().Sessions[0].Record
	if last := rec.Calls[len(rec.Calls)-1]; last.Path != "/processor/transactions/sync" || strings.Join(rec.AfterHandoff, ",") != "partner_view" {
		t.Errorf("session: last call %s, after_handoff %v", last.Path, rec.AfterHandoff)
	}
}
