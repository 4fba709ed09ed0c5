package main

import (
	"encoding/json"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
)

// quickstartInvestmentsJS is Plaid's quickstart backend's Investments and Liabilities calls,
// written as it makes them with the plaid npm package, after a link token made with the
// product alone and the emulated Link taking the first account it offers (quickstartPrelude).
// It prints what the quickstart's frontend would draw, joined as it joins them: each holding's
// and each investment transaction's security looked up by id, liabilities.credit read without a
// null check.
const quickstartInvestmentsJS = quickstartPrelude + `
async function main() {
  const out = {};
  let ACCESS_TOKEN = await emulatedLink(['investments']);
  const holdingsResponse = await client.investmentsHoldingsGet({ access_token: ACCESS_TOKEN });
  const h = holdingsResponse.data;
  out.holdings = h.holdings.map((holding) => {
    const security = h.securities.filter((sec) => sec.security_id === holding.security_id)[0];
    const account = h.accounts.filter((acc) => acc.account_id === holding.account_id)[0];
    return { mask: account.mask, name: security.name, value: holding.quantity * security.close_price };
  });
  const startDate = new Date(Date.now() - 30 * 864e5).toISOString().slice(0, 10);
  const endDate = new Date().toISOString().slice(0, 10);
  const investmentsResponse = await client.investmentsTransactionsGet({ access_token: ACCESS_TOKEN, start_date: startDate, end_date: endDate });
  const t = investmentsResponse.data;
  out.investmentTransactions = t.investment_transactions.map((tx) => t.securities.filter((sec) => sec.security_id === tx.security_id)[0].name).length;
  out.totalInvestmentTransactions = investmentsResponse.data.total_investment_transactions;

  ACCESS_TOKEN = await emulatedLink(['liabilities']);
  const liabilitiesResponse = await client.liabilitiesGet({ access_token: ACCESS_TOKEN });
  const l = liabilitiesResponse.data.liabilities;
  out.liabilities = { credit: l.credit.map((c) => c.last_payment_amount).length, student: l.student.length, mortgage: l.mortgage.length };
  console.log(JSON.stringify(out));
}
main().catch((e) => { console.error(e.response ? JSON.stringify(e.response.data) : e); process.exit(1); });
`

// The quickstart's Investments and Liabilities buttons, with the official plaid npm package,
// against the emulator under the spec check: every holding finds its security and account (as
// the frontend joins them), the month has investment transactions, and Link made for
// liabilities gives the first account offered, a credit card, its liability.
func TestNodeQuickstartInvestmentsAndLiabilities(t *testing.T) {
	dir := nodePlaid(t)
	srv := httptest.NewServer(plaidspec.Wrap(t, emulator.New(emulator.Options{})))
	t.Cleanup(srv.Close)
	script := filepath.Join(dir, "quickstart_investments_liabilities.js")
	if err := os.WriteFile(script, []byte(quickstartInvestmentsJS), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", script)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PLAID_CLIENT_ID=" + emulator.TestClientID, "PLAID_SECRET=" + emulator.TestSecret, "PLAID_BASE_URL=" + srv.URL}
	raw, err := cmd.Output()
	if err != nil {
		var stderr []byte
		if ee, ok := err.(*exec.ExitError); ok {
			stderr = ee.Stderr
		}
		t.Fatalf("node: %v\n%s%s", err, raw, stderr)
	}
	var out struct {
		Holdings []struct {
			Mask, Name *string
			Value      float64
		}
		InvestmentTransactions, TotalInvestmentTransactions int
		Liabilities                                         struct{ Credit, Student, Mortgage int }
	}
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("node printed %s: %v", raw, err)
	}
	if len(out.Holdings) == 0 {
		t.Fatal("no holdings for the account Link offered first")
	}
	for _, h := range out.Holdings {
		if h.Mask == nil || h.Name == nil || h.Value <= 0 {
			t.Errorf("a holding the frontend cannot draw: %+v", h)
		}
	}
	if out.InvestmentTransactions == 0 || out.InvestmentTransactions != out.TotalInvestmentTransactions {
		t.Errorf("%d investment transactions this month, total %d", out.InvestmentTransactions, out.TotalInvestmentTransactions)
	}
	if l := out.Liabilities; l.Credit != 1 || l.Student+l.Mortgage != 0 {
		t.Errorf("liabilities of the first account Link offers (a credit card): %+v", l)
	}
}
