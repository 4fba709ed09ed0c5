package emulator

import (
	"slices"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestAssetReportInvestmentsAddOn: with the investments add-on, each investment account of the
// report carries the holdings /investments/holdings/get lists for it at the same moment, the
// investment transactions /investments/transactions/get lists for the report's window, and
// every security they name; other accounts carry none, and a report without the add-on none.
func TestAssetReportInvestmentsAddOn(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_ASSETS, plaid.PRODUCTS_INVESTMENTS)
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetAddOns([]plaid.AssetReportAddOns{plaid.ASSETREPORTADDONS_INVESTMENTS})
	req := plaid.NewAssetReportCreateRequest(30)
	req.SetAccessTokens([]string{access})
	req.SetOptions(*opts)
	token := ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute()).get(t).AssetReportToken
	plain := h.assetReport(30, access).get(t).AssetReportToken
	h.clock.Advance(h.emu.assetDelay)
	report := h.getAssetReport(token).get(t).Report
	start, end := h.quickstartWindow()
	holdings := h.holdings(access).get(t).Holdings
	txns := h.investmentTxns(access, start, end, nil).get(t).InvestmentTransactions
	invested := 0
	for _, a := range report.Items[0].Accounts {
		inv, has := a.GetInvestmentsOk()
		if (a.Type == plaid.ACCOUNTTYPE_INVESTMENT) != has {
			t.Errorf("account %s (%s) has investments: %v", a.Name, a.Type, has)
			continue
		}
		if !has {
			continue
		}
		invested++
		var wantHoldings, wantTxns []string
		for _, hd := range holdings {
			if hd.AccountId == a.AccountId {
				wantHoldings = append(wantHoldings, hd.SecurityId)
			}
		}
		for _, tx := range txns {
			if tx.AccountId == a.AccountId {
				wantTxns = append(wantTxns, tx.InvestmentTransactionId)
			}
		}
		checkAssetInvestments(t, a.Name, inv, wantHoldings, wantTxns)
	}
	if invested == 0 {
		t.Fatal("no investment account in the report")
	}
	for _, a := range h.getAssetReport(plain).get(t).Report.Items[0].Accounts {
		if _, has := a.GetInvestmentsOk(); has {
			t.Errorf("a report without the add-on has investments on %s", a.Name)
		}
	}
}

// checkAssetInvestments compares an account's holdings (by security) and transactions (by id)
// with what /investments/* listed, and checks every security named is listed.
func checkAssetInvestments(t *testing.T, name string, inv *plaid.AssetReportInvestments, wantHoldings, wantTxns []string) {
	t.Helper()
	var gotHoldings, gotTxns []string
	listed := map[string]bool{}
	for _, s := range inv.GetSecurities() {
		listed[s.SecurityId] = true
	}
	for _, hd := range inv.GetHoldings() {
		gotHoldings = append(gotHoldings, hd.SecurityId)
		if !listed[hd.SecurityId] {
			t.Errorf("%s: holding of %s, a security the report does not list", name, hd.SecurityId)
		}
	}
	for _, tx := range inv.GetTransactions() {
		gotTxns = append(gotTxns, tx.InvestmentTransactionId)
		if id := tx.SecurityId.Get(); id != nil && !listed[*id] {
			t.Errorf("%s: transaction of %s, a security the report does not list", name, *id)
		}
	}
	slices.Sort(gotHoldings)
	slices.Sort(wantHoldings)
	slices.Sort(gotTxns)
	slices.Sort(wantTxns)
	if !slices.Equal(gotHoldings, wantHoldings) || !slices.Equal(gotTxns, wantTxns) || len(gotHoldings) == 0 {
		t.Errorf("%s: report holds %v and transactions %v; /investments/* lists %v and %v", name, gotHoldings, gotTxns, wantHoldings, wantTxns)
	}
}
