package emulator

import "testing"

// dynamicFlow is transactionsFlow for user_transactions_dynamic, then a refresh and a sync
// after it.
func dynamicFlow(clock *testClock) []flowCall {
	flow := transactionsFlow(clock)
	flow[0] = flowCall{"/sandbox/public_token/create", func(map[string]string) string {
		return `{"institution_id":"ins_109508","initial_products":["auth","transactions"],"options":{"override_username":"` + dynamicUsername + `"}}`
	}}
	return append(flow,
		flowCall{"/transactions/refresh", func(got map[string]string) string { return `{"access_token":"` + got["access_token"] + `"}` }},
		flow[len(flow)-1])
}

// BenchmarkRetainedPerDynamicFlow is the heap a dynamic Item keeps after linking, a sync, a
// refresh and another sync: its refresh count, nothing derived. Readiness timers are stopped
// first, so the figure is what the Items keep.
//
//	go test -run '^$' -bench RetainedPerDynamicFlow -benchtime 5000x ./emulator
func BenchmarkRetainedPerDynamicFlow(b *testing.B) {
	clock := newTestClock()
	emu := New(Options{Now: clock.Now})
	flow := dynamicFlow(clock)
	before := liveHeap()
	flows := 0
	for b.Loop() {
		if _, err := serveFlow(emu, flow); err != nil {
			b.Fatal(err)
		}
		flows++
	}
	emu.stopTransactionsTimers() // the readiness timers still waiting (real time) would blur the figure
	reportRetained(b, emu, clock, before, flows)
}

// BenchmarkDynamicSyncAfter200Refreshes reads a first sync page and one refresh's changes of
// a dynamic Item after 200 refreshes with 250 created transactions: each read rebuilds two
// versions from the count, in time linear in refreshes and transactions.
func BenchmarkDynamicSyncAfter200Refreshes(b *testing.B) {
	clock := newTestClock()
	it := &item{id: "bench-dynamic", institution: bench109508(b), products: []string{"transactions"}, created: clock.Now(),
		dyn: &dynamicTxns{refreshes: 200}}
	today := epochDay(clock.Now())
	for i := range maxMadeTxns {
		it.dyn.made = append(it.dyn.made, madeTxn{desc: "Bench", currency: "USD", amount: float64(i), day: int32(today), postDay: int32(today)})
	}
	accounts := it.accounts()
	last := txnVersion{199, maxMadeTxns}
	for b.Loop() {
		first := it.syncPageOf(accounts, syncCursor{from: -1, dynamic: true}, today, 500, false)
		next := it.syncPageOf(accounts, syncCursor{from: today, dynamic: true, fromVersion: last, toVersion: last}, today, 500, false)
		if len(first.added) != 500 || len(next.removed) == 0 || len(next.modified) != 1 {
			b.Fatalf("first page %d added; the last refresh removed %d, modified %d", len(first.added), len(next.removed), len(next.modified))
		}
	}
}
