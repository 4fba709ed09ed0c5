package emulator

import "testing"

// investmentsFlow is the quickstart's investments and liabilities buttons on one Item: holdings,
// the last month's investment transactions, liabilities.
var investmentsFlow = []flowCall{
	{"/sandbox/public_token/create", func(map[string]string) string {
		return `{"institution_id":"ins_109508","initial_products":["investments","liabilities"]}`
	}},
	shortcutFlow[1],
	{"/investments/holdings/get", func(got map[string]string) string { return `{"access_token":"` + got["access_token"] + `"}` }},
	{"/investments/transactions/get", func(got map[string]string) string {
		return `{"access_token":"` + got["access_token"] + `","start_date":"2026-02-01","end_date":"2026-03-02"}`
	}},
	{"/liabilities/get", func(got map[string]string) string { return `{"access_token":"` + got["access_token"] + `"}` }},
}

// BenchmarkRetainedPerInvestmentsFlow is BenchmarkRetainedPerShortcutFlow for an Item that reads
// its holdings, investment transactions and liabilities: they are derived, so it keeps no more.
//
//	go test -run '^$' -bench RetainedPerInvestmentsFlow -benchtime 5000x ./emulator
func BenchmarkRetainedPerInvestmentsFlow(b *testing.B) {
	clock := newTestClock()
	emu := New(Options{Now: clock.Now})
	before := liveHeap()
	flows := 0
	for b.Loop() {
		bodies, err := serveFlow(emu, investmentsFlow)
		if err != nil {
			b.Fatal(err)
		}
		if len(bodies["/liabilities/get"]) < 2000 || len(bodies["/investments/holdings/get"]) < 2000 {
			b.Fatalf("liabilities %d bytes, holdings %d bytes: want user_good's", len(bodies["/liabilities/get"]), len(bodies["/investments/holdings/get"]))
		}
		flows++
	}
	reportRetained(b, emu, clock, before, flows)
}
