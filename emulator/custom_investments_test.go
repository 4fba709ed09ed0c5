package emulator

import (
	"reflect"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// customPortfolio is a customer's portfolio reproduced in the shape of Plaid's example
// configurations: holdings as a list and as one object, investment transactions, a card and a
// student loan with their liability overrides, and an investment account that configures none.
const customPortfolio = `{"override_accounts": [
 {"type": "investment", "subtype": "brokerage", "starting_balance": 5000, "meta": {"name": "Brokerage", "mask": "1001"},
  "holdings": [
   {"institution_price": 140.4, "institution_price_as_of": "2026-02-08", "quantity": 12, "currency": "USD", "security": {"ticker_symbol": "AAPL", "currency": "USD"}},
   {"institution_price": 19999.54, "quantity": 0.00293644, "cost_basis": 120.03, "currency": "USD", "security": {"ticker_symbol": "CUR:BTC", "currency": "USD"}},
   {"institution_price": 5.9, "quantity": 20, "currency": "USD", "security": {"ticker_symbol": "F241108C00005000", "currency": "USD"}}],
  "investment_transactions": [
   {"date": "2026-02-12", "name": "buy stock", "quantity": 15, "price": 10, "fees": 20, "type": "buy", "currency": "USD", "security": {"ticker_symbol": "PLAID", "currency": "USD"}},
   {"date": "2026-02-20", "name": "sell stock", "quantity": -5, "price": 12, "fees": 1, "type": "sell", "currency": "USD", "security": {"ticker_symbol": "PLAID", "currency": "USD"}},
   {"date": "2025-06-01", "name": "old buy", "quantity": 1, "price": 10, "type": "buy", "currency": "USD", "security": {"ticker_symbol": "PLAID", "currency": "USD"}}]},
 {"type": "investment", "subtype": "ira", "starting_balance": 150, "meta": {"mask": "1002"},
  "holdings": {"institution_price": 50, "quantity": 3, "currency": "USD", "security": {"cusip": "922908769", "name": "Total Market Fund", "currency": "USD"}}},
 {"type": "investment", "subtype": "brokerage", "starting_balance": 120, "meta": {"mask": "1003"}},
 {"type": "credit", "subtype": "credit card", "starting_balance": 1245.67, "meta": {"limit": 10000, "mask": "1004"},
  "liability": {"type": "credit", "purchase_apr": 16.99, "cash_apr": 24.99, "balance_transfer_apr": 18.99, "special_apr": 0,
   "last_payment_amount": 250, "minimum_payment_amount": 35, "is_overdue": true}},
 {"type": "loan", "subtype": "student", "starting_balance": 40000, "meta": {"mask": "1005"},
  "liability": {"type": "student", "origination_date": "2022-01-01", "principal": 45123, "nominal_apr": 4.23, "guarantor": "ACME GUARANTY",
   "loan_name": "Plaid Student Loan", "repayment_model": {"type": "standard", "non_repayment_months": 12, "repayment_months": 120}}}
]}`

func (h *harness) portfolioItem() string {
	h.t.Helper()
	return h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_INVESTMENTS, plaid.PRODUCTS_LIABILITIES}, customOpts(customPortfolio))).AccessToken
}

// The configured holdings are served on their accounts, with securities made from their
// tickers (a known ticker gets the known security, an OCC symbol an option contract, CUR: a
// cryptocurrency); an account that configures none holds its balance in cash.
func TestCustomUserHoldings(t *testing.T) {
	h := newHarness(t)
	access := h.portfolioItem()
	resp := h.holdings(access).get(t)
	secs := map[string]plaid.Security{}
	for _, s := range resp.Securities {
		secs[s.SecurityId] = s
	}
	byAccount := map[string][]plaid.Holding{}
	masks := map[string]string{}
	for _, a := range resp.Accounts {
		masks[a.AccountId] = a.GetMask()
	}
	for _, hd := range resp.Holdings {
		byAccount[masks[hd.AccountId]] = append(byAccount[masks[hd.AccountId]], hd)
	}
	brokerage := byAccount["1001"]
	if len(brokerage) != 3 || brokerage[0].Quantity != 12 || brokerage[0].InstitutionPrice != 140.4 || brokerage[0].GetInstitutionPriceAsOf() != "2026-02-08" ||
		brokerage[0].SecurityId != secAAPL.id || brokerage[1].GetCostBasis() != 120.03 {
		t.Fatalf("brokerage holdings: %+v", brokerage)
	}
	if s := secs[brokerage[1].SecurityId]; s.GetType() != "cryptocurrency" || s.GetTickerSymbol() != "CUR:BTC" {
		t.Errorf("CUR:BTC security: %s %s", s.GetType(), s.GetTickerSymbol())
	}
	opt := secs[brokerage[2].SecurityId]
	if c := opt.GetOptionContract(); opt.GetType() != "derivative" || c.UnderlyingSecurityTicker != "F" || c.StrikePrice != 5 || c.ExpirationDate != "2024-11-08" || c.ContractType != "call" {
		t.Errorf("option security: %s %+v", opt.GetType(), c)
	}
	ira, cash := byAccount["1002"], byAccount["1003"]
	if len(ira) != 1 || len(cash) != 1 {
		t.Fatalf("the IRA has %d holdings, the unconfigured account %d; want 1 each", len(ira), len(cash))
	}
	if fund := secs[ira[0].SecurityId]; ira[0].InstitutionValue != 150 || fund.GetName() != "Total Market Fund" {
		t.Errorf("the IRA's one holding (configured as an object): %+v", ira)
	}
	if usd := secs[cash[0].SecurityId]; cash[0].InstitutionValue != 120 || !usd.GetIsCashEquivalent() {
		t.Errorf("an account without holdings should hold its 120 in cash: %+v", cash)
	}
	if again := h.holdings(h.portfolioItem()).get(t); again.Securities[1].SecurityId != resp.Securities[1].SecurityId {
		t.Error("another Item of the same configuration names CUR:BTC by another security_id")
	}
}

// The configured investment transactions within the dates are served, newest first, their
// amount quantity x price + fees, one security for the ticker they share.
func TestCustomUserInvestmentTransactions(t *testing.T) {
	h := newHarness(t)
	access := h.portfolioItem()
	resp := h.investmentTxns(access, "2026-01-01", "2026-03-01", nil).get(t)
	txns := resp.InvestmentTransactions
	if resp.TotalInvestmentTransactions != 2 || len(txns) != 2 || len(resp.Securities) != 1 {
		t.Fatalf("%d transactions (total %d), %d securities; want the 2 configured in range and PLAID", len(txns), resp.TotalInvestmentTransactions, len(resp.Securities))
	}
	sell, buy := txns[0], txns[1]
	if sell.Date != "2026-02-20" || sell.Type != "sell" || sell.Amount != -59 || buy.Amount != 170 || buy.GetFees() != 20 || buy.Subtype != "buy" ||
		buy.GetSecurityId() != sell.GetSecurityId() || resp.Securities[0].GetTickerSymbol() != "PLAID" {
		t.Errorf("sell %+v\nbuy %+v", sell, buy)
	}
	if !reflect.DeepEqual(txns, h.investmentTxns(access, "2026-01-01", "2026-03-01", nil).get(t).InvestmentTransactions) {
		t.Error("two calls differ")
	}
}

// The liability overrides replace the derived figures they name; the rest is derived.
func TestCustomUserLiabilities(t *testing.T) {
	h := newHarness(t)
	l := h.liabilities(h.portfolioItem()).get(t).Liabilities
	if len(l.Credit) != 1 || len(l.Student) != 1 || len(l.Mortgage) != 0 {
		t.Fatalf("%d credit, %d student, mortgage %v; want the card and the loan", len(l.Credit), len(l.Student), l.Mortgage)
	}
	card := l.Credit[0]
	aprs := map[string]float64{}
	for _, a := range card.Aprs {
		aprs[a.AprType] = a.AprPercentage
	}
	if aprs["purchase_apr"] != 16.99 || aprs["cash_apr"] != 24.99 || aprs["balance_transfer_apr"] != 18.99 || card.GetLastPaymentAmount() != 250 ||
		card.GetMinimumPaymentAmount() != 35 || !card.GetIsOverdue() || card.GetLastStatementBalance() != 1245.67 {
		t.Errorf("card: %+v (aprs %v)", card, aprs)
	}
	loan := l.Student[0]
	if loan.GetOriginationDate() != "2022-01-01" || loan.GetOriginationPrincipalAmount() != 45123 || loan.InterestRatePercentage != 4.23 ||
		loan.GetGuarantor() != "ACME GUARANTY" || loan.GetLoanName() != "Plaid Student Loan" || loan.GetExpectedPayoffDate() != "2033-01-01" {
		t.Errorf("student loan: origination %s principal %v rate %v guarantor %s name %s payoff %s", loan.GetOriginationDate(),
			loan.GetOriginationPrincipalAmount(), loan.InterestRatePercentage, loan.GetGuarantor(), loan.GetLoanName(), loan.GetExpectedPayoffDate())
	}
}

// Configurations Plaid cannot use are refused with the field named.
func TestCustomUserInvestmentConfigErrors(t *testing.T) {
	h := newHarness(t)
	ira := `{"override_accounts":[{"type":"investment","subtype":"ira",`
	for _, c := range []struct{ config, field string }{
		{`{"override_accounts":[{"type":"loan","subtype":"mortgage","liability":{"type":"mortgage"}}]}`, "liability.type"},
		{`{"override_accounts":[{"type":"loan","subtype":"student","liability":{"type":"credit"}}]}`, "liability.type credit"},
		{ira + `"holdings":[{"quantity":1,"institution_price":2,"currency":"USD"}]}]}`, "holdings[0].security"},
		{ira + `"investment_transactions":[{"date":"2026-01-01","name":"x","quantity":1,"price":1,"type":"gift","currency":"USD",` +
			`"security":{"ticker_symbol":"X"}}]}]}`, "investment_transactions[0].type"},
	} {
		pe := h.sandboxLogin("ins_109508", "user_custom", c.config).fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
		if !strings.Contains(pe.ErrorMessage, c.field) {
			t.Errorf("message %q does not name %s", pe.ErrorMessage, c.field)
		}
	}
}
