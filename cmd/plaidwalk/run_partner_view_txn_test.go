package main

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestRunPartnerViewTransactions: run --partner boom --partner-view --json pulls Boom's
// transactions with /processor/transactions/sync right after linking: the first calls come
// back empty (the history is still being pulled, the emulator's ready delay) and are asked
// again until pages come; --json's partner_view has the first page, a sample and the pages,
// and the human output says the same.
func TestRunPartnerViewTransactions(t *testing.T) {
	d := testDeps()
	d.emulator.TransactionsReadyDelay = 600 * time.Millisecond
	code, out, errOut := runInWith(t, d, nil, "run", "--partner", "boom", "--partner-view", "--json", "--no-save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		PartnerView struct {
			Read         bool
			Transactions *struct {
				NotReady  int  `json:"not_ready_answers"`
				Ready     bool `json:"ready"`
				FirstPage int  `json:"first_page_added"`
				Pages     int  `json:"pages"`
				Added     int  `json:"added"`
				Sample    []struct {
					Date, Name string
					Amount     float64
				}
			}
		} `json:"partner_view"`
		APILog []struct {
			Path   string
			Status int
		} `json:"api_log"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	tx := doc.PartnerView.Transactions
	if !doc.PartnerView.Read || tx == nil || !tx.Ready || tx.FirstPage == 0 || tx.Pages == 0 || tx.Added < tx.FirstPage || len(tx.Sample) == 0 || tx.Sample[0].Date == "" {
		t.Fatalf("partner_view.transactions %+v: want pages read with a sample", tx)
	}
	syncs := 0
	for _, c := range doc.APILog {
		if c.Path == "/processor/transactions/sync" && c.Status == 200 {
			syncs++
		}
	}
	if tx.NotReady == 0 || syncs != tx.NotReady+tx.Pages {
		t.Errorf("%d syncs in the API log, %d empty answers and %d pages: want the wait, then the pages", syncs, tx.NotReady, tx.Pages)
	}
	if strings.Contains(errOut, "not ready yet") {
		t.Errorf("--json must keep stderr free of progress; got:\n%s", errOut)
	}
	code, out, errOut = runInWith(t, d, nil, "run", "--partner", "boom", "--partner-view", "--no-save")
	// The wait is told while it lasts, on stderr, as the walk's other polls are.
	if !strings.Contains(errOut, "transactions are not ready yet") {
		t.Errorf("stderr does not tell the wait for the history:\n%s", errOut)
	}
	for _, want := range []string{"partner view: what Boom reads", "came back empty with next_cursor", "added on the first page"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("human output (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
	// Another Item, other transactions: a sample line of its own (date, amount, currency, name).
	if !regexp.MustCompile(`(?m)^ +\d{4}-\d{2}-\d{2} +-?\d+\.\d{2} USD  \S`).MatchString(out) {
		t.Errorf("human output lacks a transaction line:\n%s", out)
	}
}
