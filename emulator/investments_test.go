package emulator

import (
	"math"
	"reflect"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) holdings(access string, accountIDs ...string) result[plaid.InvestmentsHoldingsGetResponse] {
	req := plaid.NewInvestmentsHoldingsGetRequest(access)
	if accountIDs != nil {
		opts := plaid.NewInvestmentHoldingsGetRequestOptions()
		opts.SetAccountIds(accountIDs)
		req.SetOptions(*opts)
	}
	return ok(h.client.InvestmentsHoldingsGet(h.ctx).InvestmentsHoldingsGetRequest(*req).Execute())
}

func (h *harness) investmentTxns(access, start, end string, opts *plaid.InvestmentsTransactionsGetRequestOptions) result[plaid.InvestmentsTransactionsGetResponse] {
	req := plaid.NewInvestmentsTransactionsGetRequest(access, start, end)
	if opts != nil {
		req.SetOptions(*opts)
	}
	return ok(h.client.InvestmentsTransactionsGet(h.ctx).InvestmentsTransactionsGetRequest(*req).Execute())
}

// quickstartWindow is the quickstart's investments call: the last 30 days.
func (h *harness) quickstartWindow() (string, string) {
	today := h.clock.Now().UTC()
	return today.AddDate(0, 0, -30).Format(time.DateOnly), today.Format(time.DateOnly)
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.0051 }

// The quickstart's Investments calls, made as it makes them, right after linking with
// products ['investments']: holdings of the IRA and 401k whose securities are listed, whose
// values are quantity times price and add up to the accounts' balances; the month's
// investment transactions with their securities.
func TestInvestmentsQuickstart(t *testing.T) {
	h := newHarness(t)
	h.linkToken(plaid.PRODUCTS_INVESTMENTS)
	access := h.connect(plaid.PRODUCTS_INVESTMENTS)
	resp := h.holdings(access).get(t)
	balances := map[string]float64{}
	for _, a := range resp.Accounts {
		if a.Type != plaid.ACCOUNTTYPE_INVESTMENT {
			t.Errorf("holdings lists %s (%s), not an investment account", a.Name, a.Type)
		}
		balances[a.AccountId] = a.Balances.GetCurrent()
	}
	if len(balances) != 2 {
		t.Fatalf("holdings lists %d accounts, want the IRA and the 401k", len(balances))
	}
	securities := map[string]plaid.Security{}
	for _, s := range resp.Securities {
		securities[s.SecurityId] = s
	}
	worth := map[string]float64{}
	for _, hd := range resp.Holdings {
		if _, ok := securities[hd.SecurityId]; !ok {
			t.Errorf("holding of %s names no listed security", hd.SecurityId)
		}
		if _, ok := balances[hd.AccountId]; !ok {
			t.Errorf("holding in account %s, which is not a listed investment account", hd.AccountId)
		}
		if !near(hd.Quantity*hd.InstitutionPrice, hd.InstitutionValue) {
			t.Errorf("%s: %v x %v = %v, value %v", hd.SecurityId, hd.Quantity, hd.InstitutionPrice, hd.Quantity*hd.InstitutionPrice, hd.InstitutionValue)
		}
		worth[hd.AccountId] += hd.InstitutionValue
	}
	for id, b := range balances {
		if !near(worth[id], b) {
			t.Errorf("account %s holds %v, its balance is %v", id, worth[id], b)
		}
	}
	start, end := h.quickstartWindow()
	txns := h.investmentTxns(access, start, end, nil).get(t)
	if txns.TotalInvestmentTransactions == 0 || len(txns.InvestmentTransactions) != int(txns.TotalInvestmentTransactions) {
		t.Fatalf("a month of investment transactions: %d listed, total %d", len(txns.InvestmentTransactions), txns.TotalInvestmentTransactions)
	}
	checkInvestmentTxns(t, txns.InvestmentTransactions, txns.Securities, start, end)
}

// checkInvestmentTxns checks transactions are newest first within the window, each names a
// listed security (the quickstart's frontend looks every one up), and trades cost quantity
// times price.
func checkInvestmentTxns(t *testing.T, txns []plaid.InvestmentTransaction, secs []plaid.Security, start, end string) {
	t.Helper()
	listed := map[string]bool{}
	for _, s := range secs {
		listed[s.SecurityId] = true
	}
	for i, tx := range txns {
		if tx.Date < start || tx.Date > end || (i > 0 && tx.Date > txns[i-1].Date) {
			t.Errorf("transaction %d dated %s: out of %s..%s or out of order", i, tx.Date, start, end)
		}
		if id := tx.GetSecurityId(); !listed[id] {
			t.Errorf("transaction %s (%s) names security %q, which is not listed", tx.InvestmentTransactionId, tx.Name, id)
		}
		if (tx.Type == "buy" || tx.Type == "sell") && !near(tx.Quantity*tx.Price+tx.GetFees(), tx.Amount) {
			t.Errorf("%s: %v x %v + %v fees != amount %v", tx.Name, tx.Quantity, tx.Price, tx.GetFees(), tx.Amount)
		}
	}
}

// Paging with count and offset through two years of history gives every transaction once,
// total_investment_transactions says how many, and the same calls give the same data again.
// options.account_ids limits them to the 401k.
func TestInvestmentTransactionsPaging(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_INVESTMENTS)
	today := h.clock.Now().UTC()
	start, end := today.AddDate(-2, 0, 0).Format(time.DateOnly), today.Format(time.DateOnly)
	all := func(accountIDs []string) []plaid.InvestmentTransaction {
		var out []plaid.InvestmentTransaction
		for offset := int32(0); ; offset += 50 {
			opts := plaid.NewInvestmentsTransactionsGetRequestOptions()
			opts.SetCount(50)
			opts.SetOffset(offset)
			if accountIDs != nil {
				opts.SetAccountIds(accountIDs)
			}
			page := h.investmentTxns(access, start, end, opts).get(t)
			checkInvestmentTxns(t, page.InvestmentTransactions, page.Securities, start, end)
			out = append(out, page.InvestmentTransactions...)
			if len(page.InvestmentTransactions) < 50 {
				if len(out) != int(page.TotalInvestmentTransactions) {
					t.Fatalf("paged %d transactions, total_investment_transactions %d", len(out), page.TotalInvestmentTransactions)
				}
				return out
			}
		}
	}
	first := all(nil)
	if len(first) < 100 {
		t.Fatalf("two years hold %d investment transactions, want a realistic history", len(first))
	}
	seen := map[string]bool{}
	for _, tx := range first {
		if seen[tx.InvestmentTransactionId] {
			t.Fatalf("%s listed twice across pages", tx.InvestmentTransactionId)
		}
		seen[tx.InvestmentTransactionId] = true
	}
	if again := all(nil); !reflect.DeepEqual(first, again) {
		t.Error("the same calls gave different investment transactions")
	}
	k401 := accountByMask(t, h.accounts(access), "6666").AccountId
	only := all([]string{k401})
	for _, tx := range only {
		if tx.AccountId != k401 {
			t.Fatalf("asked for the 401k, got a transaction of %s", tx.AccountId)
		}
	}
	if len(only) == 0 || len(only) >= len(first) {
		t.Errorf("the 401k has %d of the %d transactions", len(only), len(first))
	}
}

// Holdings are the same on every call; another Item's accounts have other ids, and the same
// securities (a security's id is not an Item's).
func TestInvestmentsDeterministic(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_INVESTMENTS)
	one, two := h.holdings(access).get(t), h.holdings(access).get(t)
	if !reflect.DeepEqual(one.Holdings, two.Holdings) || !reflect.DeepEqual(one.Securities, two.Securities) {
		t.Error("two holdings calls differ")
	}
	other := h.holdings(h.connect(plaid.PRODUCTS_INVESTMENTS)).get(t)
	if other.Holdings[0].AccountId == one.Holdings[0].AccountId || other.Securities[0].SecurityId != one.Securities[0].SecurityId {
		t.Errorf("another Item: account %s vs %s, security %s vs %s", other.Holdings[0].AccountId, one.Holdings[0].AccountId,
			other.Securities[0].SecurityId, one.Securities[0].SecurityId)
	}
}
