package emulator

import (
	"encoding/json"
	"testing"
)

// BenchmarkAssetReport731Days reads the largest report Plaid allows (731 days of user_good's
// twelve accounts), derived again on each read, as JSON and as a PDF: ns/op and the answer's
// size, for what a report kept as a handful of indexes costs to serve.
//
//	go test -run '^$' -bench AssetReport731Days ./emulator
func BenchmarkAssetReport731Days(b *testing.B) {
	clock := newTestClock()
	emu := New(Options{Now: clock.Now})
	it, perr := emu.newItem("ins_109508", "user_good", "pass_good", []string{"assets"}, "")
	if perr != nil {
		b.Fatal(perr.Message)
	}
	rep := &assetReport{id: "r", token: "t", items: []assetItem{snapshotItem(it)}, daysRequested: 731, asOf: clock.Now().AddDate(0, 0, 1)}
	b.Run("json", func(b *testing.B) {
		size := 0
		for b.Loop() {
			raw, err := json.Marshal(emu.assetReportJSON(rep, "r", reportView{insights: true, days: -1}))
			if err != nil {
				b.Fatal(err)
			}
			size = len(raw)
		}
		b.ReportMetric(float64(size), "B/answer")
	})
	b.Run("pdf", func(b *testing.B) {
		size := 0
		for b.Loop() {
			size = len(emu.assetReportPDF(rep, "r", fullView).data)
		}
		b.ReportMetric(float64(size), "B/answer")
	})
}
