package emulator

import (
	"io"
	"math"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// quickstartReport makes an Asset Report as Plaid's quickstart does (10 days, a client report
// id and every user field) and polls /asset_report/get once a second until it is ready, as its
// getAssetReportWithRetries does (at most 20 tries).
func (h *harness) quickstartReport(access string) (string, plaid.AssetReport) {
	h.t.Helper()
	user := plaid.NewAssetReportUser()
	user.SetClientUserId("Custom User ID #456")
	user.SetFirstName("Alice")
	user.SetMiddleName("Bobcat")
	user.SetLastName("Cranberry")
	user.SetSsn("123-45-6789")
	user.SetPhoneNumber("555-123-4567")
	user.SetEmail("alice@example.com")
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetClientReportId("Custom Report ID #123")
	opts.SetUser(*user)
	req := plaid.NewAssetReportCreateRequest(10)
	req.SetAccessTokens([]string{access})
	req.SetOptions(*opts)
	token := ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute()).get(h.t).AssetReportToken
	for try := 1; try <= 20; try++ {
		got := h.getAssetReport(token)
		if got.err == nil {
			return token, got.v.Report
		}
		got.fails(h.t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
		h.clock.Advance(time.Second)
	}
	h.t.Fatal("the report was not ready after 20 polls a second apart")
	return "", plaid.AssetReport{}
}

// pdfGet fetches a report's PDF with plaid-go, which saves it to a temporary file.
func (h *harness) pdfGet(token string) ([]byte, *http.Response) {
	h.t.Helper()
	f, resp, err := h.client.AssetReportPdfGet(h.ctx).AssetReportPDFGetRequest(*plaid.NewAssetReportPDFGetRequest(token)).Execute()
	ok(f, resp, err).get(h.t)
	defer f.Close()
	data, err := io.ReadAll(f)
	if err != nil {
		h.t.Fatal(err)
	}
	return data, resp
}

// TestAssetReportQuickstart is the quickstart's Assets button: create, poll, then the PDF. The
// report's user is what was sent, its transactions are the Item's own (as /transactions/get
// lists them for the same days) and its PDF is a valid file with the report's facts.
func TestAssetReportQuickstart(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_ASSETS, plaid.PRODUCTS_TRANSACTIONS)
	token, report := h.quickstartReport(access)
	if report.DaysRequested != 10 || report.GetClientReportId() != "Custom Report ID #123" || report.User.GetFirstName() != "Alice" ||
		report.User.GetSsn() != "123-45-6789" || len(report.Items) != 1 || len(report.Items[0].Accounts) != len(userGoodAccounts) {
		t.Fatalf("report: days %v client id %q user %+v items %d", report.DaysRequested, report.GetClientReportId(), report.User, len(report.Items))
	}
	generated := report.DateGenerated
	from := generated.AddDate(0, 0, -10).Format(time.DateOnly)
	checking := assetAccountByMask(t, report, "0000")
	if len(checking.Transactions) == 0 {
		t.Fatal("the checking account has no transactions in 10 days")
	}
	h.clock.Advance(DefaultTransactionsReadyDelay) // /transactions/get is ready too
	listed := map[string]plaid.Transaction{}
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{checking.AccountId})
	for _, tx := range h.txnGet(access, from, generated.Format(time.DateOnly), opts).get(t).Transactions {
		listed[tx.TransactionId] = tx
	}
	for _, tx := range checking.Transactions {
		if tx.Date < from || tx.Date > generated.Format(time.DateOnly) {
			t.Errorf("transaction %s dated %s is outside the 10 days before %s", tx.TransactionId, tx.Date, report.DateGenerated)
		}
		if l, ok := listed[tx.TransactionId]; !ok || l.Amount != tx.Amount || l.Date != tx.Date || l.Pending != tx.Pending {
			t.Errorf("report transaction %+v is not /transactions/get's %+v", tx, l)
		}
	}
	checkHistoricalBalances(t, checking, 10, 1)
	checkHistoricalBalances(t, assetAccountByMask(t, report, "3333"), 10, -1)
	if ira := assetAccountByMask(t, report, "5555"); len(ira.HistoricalBalances) != 0 {
		t.Errorf("the IRA has %d historical balances; Plaid gives them for depository and credit accounts", len(ira.HistoricalBalances))
	}

	data, resp := h.pdfGet(token)
	if ct := resp.Header.Get("Content-Type"); ct != "application/pdf" {
		t.Errorf("Content-Type %q, want application/pdf", ct)
	}
	if id := resp.Header.Get("Plaid-Request-ID"); !regexp.MustCompile(`^[A-Za-z0-9]{15}$`).MatchString(id) {
		t.Errorf("Plaid-Request-ID %q is not a request_id", id)
	}
	text := checkPDF(t, data)
	desc := strings.NewReplacer("(", `\(`, ")", `\)`).Replace(checking.Transactions[0].GetOriginalDescription())
	for _, want := range []string{report.AssetReportId, "Alice Bobcat Cranberry", "Plaid Checking ****0000", "First Platypus Bank", desc} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF's text lacks %q", want)
		}
	}
	if strings.Contains(text, "123-45-6789") {
		t.Error("the PDF shows the user's SSN")
	}
}

func assetAccountByMask(t *testing.T, r plaid.AssetReport, mask string) plaid.AccountAssets {
	t.Helper()
	for _, it := range r.Items {
		for _, a := range it.Accounts {
			if a.GetMask() == mask {
				return a
			}
		}
	}
	t.Fatalf("the report has no account %s", mask)
	return plaid.AccountAssets{}
}

// checkHistoricalBalances: one balance per day before the report's day, newest first; the
// newest is the current balance less what posted on the report's day, and each day differs
// from the next by what posted that next day (sign: +1 for deposits, -1 for credit).
func checkHistoricalBalances(t *testing.T, a plaid.AccountAssets, days int, sign float64) {
	t.Helper()
	hb := a.HistoricalBalances
	if len(hb) != days {
		t.Fatalf("%s: %d historical balances, want %d", a.Name, len(hb), days)
	}
	postedOn := map[string]float64{}
	for _, tx := range a.Transactions {
		if !tx.Pending {
			postedOn[tx.Date] += tx.Amount
		}
	}
	day := func(s string) time.Time { d, _ := time.Parse(time.DateOnly, s); return d }
	next, nextBalance := day(hb[0].Date).AddDate(0, 0, 1), a.Balances.GetCurrent()
	for _, b := range hb {
		if d := day(b.Date); !d.Equal(next.AddDate(0, 0, -1)) {
			t.Fatalf("%s: balance dated %s after %s", a.Name, b.Date, next.Format(time.DateOnly))
		}
		want := nextBalance + sign*postedOn[next.Format(time.DateOnly)]
		if math.Abs(b.Current-want) > 0.005 {
			t.Fatalf("%s: balance on %s is %.2f, want %.2f (the next day's, less what posted that day)", a.Name, b.Date, b.Current, want)
		}
		next, nextBalance = day(b.Date), b.Current
	}
}

// TestAssetReportInsights: include_insights adds Plaid's enrichment to every transaction
// (category, merchant, location, ...); without it those keys are absent, as in Plaid's plain
// report. days_to_include narrows transactions and balances.
func TestAssetReportInsights(t *testing.T) {
	h := newHarness(t)
	created := h.assetReport(30, h.connect(plaid.PRODUCTS_ASSETS)).get(t)
	h.clock.Advance(DefaultAssetReportDelay * 3)
	insightKeys := []string{"category", "category_id", "name", "merchant_name", "location", "payment_meta", "transaction_type", "date_transacted"}
	for _, insights := range []bool{false, true} {
		body := `{"asset_report_token":"` + created.AssetReportToken + `","include_insights":` + map[bool]string{false: "false", true: "true"}[insights] + `}`
		txns := rawReportTransactions(t, h.post("/asset_report/get", body, testKeys).body)
		if len(txns) == 0 {
			t.Fatal("the report has no transactions")
		}
		merchants := 0
		for _, tx := range txns {
			for _, k := range insightKeys {
				if _, has := tx[k]; has != insights {
					t.Fatalf("include_insights %v: transaction has %s = %v", insights, k, has)
				}
			}
			if m, _ := tx["merchant_name"].(string); m != "" {
				merchants++
			}
		}
		if insights && merchants == 0 {
			t.Error("no transaction with insights names its merchant")
		}
	}
	req := plaid.NewAssetReportGetRequest()
	req.SetAssetReportToken(created.AssetReportToken)
	opts := plaid.NewAssetReportGetRequestOptions()
	opts.SetDaysToInclude(3)
	req.SetOptions(*opts)
	report := ok(h.client.AssetReportGet(h.ctx).AssetReportGetRequest(*req).Execute()).get(t).Report
	generated := report.DateGenerated
	checking := assetAccountByMask(t, report, "0000")
	for _, tx := range checking.Transactions {
		if tx.Date < generated.AddDate(0, 0, -3).Format(time.DateOnly) {
			t.Errorf("days_to_include 3 kept a transaction dated %s", tx.Date)
		}
	}
	if report.DaysRequested != 30 || len(checking.HistoricalBalances) != 3 {
		t.Errorf("days_to_include 3: days_requested %v, %d balances", report.DaysRequested, len(checking.HistoricalBalances))
	}
}

// rawReportTransactions are every transaction of a raw /asset_report/get answer.
func rawReportTransactions(t *testing.T, body map[string]any) []map[string]any {
	t.Helper()
	report, _ := body["report"].(map[string]any)
	items, _ := report["items"].([]any)
	var out []map[string]any
	for _, it := range items {
		for _, a := range it.(map[string]any)["accounts"].([]any) {
			for _, tx := range a.(map[string]any)["transactions"].([]any) {
				out = append(out, tx.(map[string]any))
			}
		}
	}
	if report == nil {
		t.Fatalf("not a report: %v", body)
	}
	return out
}
