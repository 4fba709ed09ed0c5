package emulator

import (
	"runtime"
	"testing"
)

// transactionsFlow is the quickstart's auth,transactions walk: an Item with both products, its
// access token, its accounts, then a first /transactions/sync page once the data is ready (the
// clock is moved past the first pull as the call is made).
func transactionsFlow(clock *testClock) []flowCall {
	return []flowCall{
		{"/sandbox/public_token/create", func(map[string]string) string {
			return `{"institution_id":"ins_109508","initial_products":["auth","transactions"]}`
		}},
		shortcutFlow[1], shortcutFlow[2],
		{"/transactions/sync", func(got map[string]string) string {
			clock.Advance(DefaultTransactionsReadyDelay)
			return `{"access_token":"` + got["access_token"] + `","count":500}`
		}},
	}
}

// BenchmarkRetainedPerTransactionsFlow is BenchmarkRetainedPerShortcutFlow with transactions
// enabled and synced: transactions are derived, so an Item that reads them keeps no more.
//
//	go test -run '^$' -bench RetainedPerTransactionsFlow -benchtime 5000x ./emulator
func BenchmarkRetainedPerTransactionsFlow(b *testing.B) {
	clock := newTestClock()
	emu := New(Options{Now: clock.Now})
	flow := transactionsFlow(clock)
	before := liveHeap()
	flows := 0
	for b.Loop() {
		bodies, err := serveFlow(emu, flow)
		if err != nil {
			b.Fatal(err)
		}
		if len(bodies["/transactions/sync"]) < 100_000 {
			b.Fatalf("first sync page is %d bytes; want 500 transactions", len(bodies["/transactions/sync"]))
		}
		flows++
	}
	reportRetained(b, emu, clock, before, flows)
}

// reportRetained reports the heap flows kept on emu once the states a flow leaves behind
// (link and public tokens) have expired and been pruned: what its Items keep.
func reportRetained(b *testing.B, emu *Emulator, clock *testClock, before uint64, flows int) {
	clock.Advance(2 * pruneInterval)
	emu.mu.Lock()
	emu.pruneLocked()
	emu.mu.Unlock()
	after := liveHeap()
	runtime.KeepAlive(emu)
	b.ReportMetric(float64(int64(after)-int64(before))/float64(flows), "B/flow")
}

// BenchmarkTransactionsSyncFullHistory pages a fresh client through user_good's whole history,
// 500 changes a page, as the quickstart's first sync does.
func BenchmarkTransactionsSyncFullHistory(b *testing.B) {
	h := newBenchHarness(b)
	it := &item{id: "bench-item", institution: bench109508(b), products: []string{"transactions"}, created: h.clock.Now()}
	accounts := it.accounts()
	today := epochDay(h.clock.Now())
	for b.Loop() {
		c := syncCursor{from: -1}
		for {
			p := it.syncPageOf(accounts, c, today, 500, false)
			if !p.hasMore {
				break
			}
			c, _ = decodeCursor(it, p.next)
		}
	}
}

func bench109508(b *testing.B) *Institution {
	in, ok := findInstitution("ins_109508")
	if !ok {
		b.Fatal("no First Platypus Bank")
	}
	return &in
}
