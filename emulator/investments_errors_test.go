package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) investmentsRefresh(access string) result[plaid.InvestmentsRefreshResponse] {
	req := plaid.NewInvestmentsRefreshRequest(access)
	return ok(h.client.InvestmentsRefresh(h.ctx).InvestmentsRefreshRequest(*req).Execute())
}

// An Item linked without investments is refused on all three endpoints: the user did not
// consent to it at a bank that offers it, and a card issuer does not offer it at all.
func TestInvestmentsNeedTheProduct(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSACTIONS)
	pe := h.holdings(access).fails(t, 400, "INVALID_INPUT", "ADDITIONAL_CONSENT_REQUIRED")
	if !strings.Contains(pe.ErrorMessage, "PRODUCT_INVESTMENTS") || !strings.Contains(pe.ErrorMessage, "investments in products") {
		t.Errorf("message %q should name PRODUCT_INVESTMENTS and the fix", pe.ErrorMessage)
	}
	start, end := h.quickstartWindow()
	h.investmentTxns(access, start, end, nil).fails(t, 400, "INVALID_INPUT", "ADDITIONAL_CONSENT_REQUIRED")
	h.investmentsRefresh(access).fails(t, 400, "INVALID_INPUT", "ADDITIONAL_CONSENT_REQUIRED")
	amex := h.exchange(h.publicToken("ins_10", []plaid.Products{plaid.PRODUCTS_TRANSACTIONS}, nil)).AccessToken
	h.holdings(amex).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	h.investmentsRefresh(h.connect(plaid.PRODUCTS_INVESTMENTS)).get(t)
}

// Bad requests name their field; accounts that are not investment accounts answer
// NO_INVESTMENT_ACCOUNTS; tokens and Item state answer as on the other data endpoints.
func TestInvestmentsRequestErrors(t *testing.T) {
	h := newHarness(t)
	access, other := h.connect(plaid.PRODUCTS_INVESTMENTS), h.connect(plaid.PRODUCTS_INVESTMENTS)
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	h.holdings(access, checking).fails(t, 400, "ITEM_ERROR", "NO_INVESTMENT_ACCOUNTS")
	h.holdings(access, "ABCDEFG1234567").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.holdings(access, h.accounts(other)[0].AccountId).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	opts := plaid.NewInvestmentsTransactionsGetRequestOptions()
	opts.SetCount(501)
	h.investmentTxns(access, "2026-01-01", "2026-02-01", opts).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.investmentTxns(access, "2026-02-01", "2026-01-01", nil).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	opts = plaid.NewInvestmentsTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{checking})
	h.investmentTxns(access, "2026-01-01", "2026-02-01", opts).fails(t, 400, "ITEM_ERROR", "NO_INVESTMENT_ACCOUNTS")
	h.holdings("access-sandbox-nope").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	depositOnly := h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_INVESTMENTS}, customOpts(
		`{"override_accounts":[{"type":"depository","subtype":"checking"}]}`))).AccessToken
	h.holdings(depositOnly).fails(t, 400, "ITEM_ERROR", "NO_INVESTMENT_ACCOUNTS")
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).get(t)
	h.holdings(access).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
}

func customOpts(config string) *plaid.SandboxPublicTokenCreateRequestOptions {
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_custom")
	opts.SetOverridePassword(config)
	return opts
}

func (h *harness) processorHoldings(tok string) result[plaid.ProcessorInvestmentsHoldingsGetResponse] {
	req := plaid.NewProcessorInvestmentsHoldingsGetRequest(tok)
	return ok(h.client.ProcessorInvestmentsHoldingsGet(h.ctx).ProcessorInvestmentsHoldingsGetRequest(*req).Execute())
}

func (h *harness) processorInvestmentTxns(tok, start, end string) result[plaid.ProcessorInvestmentsTransactionsGetResponse] {
	req := plaid.NewProcessorInvestmentsTransactionsGetRequest(tok, start, end)
	return ok(h.client.ProcessorInvestmentsTransactionsGet(h.ctx).ProcessorInvestmentsTransactionsGetRequest(*req).Execute())
}

// partnerTokenOn is a processor token for the Item's account of mask, made as a partner's is.
func (h *harness) partnerTokenOn(access, mask, processor string) string {
	h.t.Helper()
	return h.processorToken(access, accountByMask(h.t, h.accounts(access), mask).AccountId, processor).get(h.t).ProcessorToken
}

// A partner's token on the 401k (which /processor/token/create makes for an Item linked with
// investments, and refuses for one linked with auth alone) reads that account's holdings and
// transactions, the same as the Item's owner sees for it; a token on a checking account has
// none to read, a partner limited to other products may not read them.
func TestProcessorInvestments(t *testing.T) {
	h := newHarness(t)
	authOnly := h.connect(plaid.PRODUCTS_AUTH)
	h.processorToken(authOnly, accountByMask(t, h.accounts(authOnly), "6666").AccountId, "drivewealth").fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_INVESTMENTS)
	h.stripeToken(access, accountByMask(t, h.accounts(access), "6666").AccountId).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	tok := h.partnerTokenOn(access, "6666", "drivewealth")
	k401 := accountByMask(t, h.accounts(access), "6666").AccountId
	got := h.processorHoldings(tok).get(t)
	want := h.holdings(access, k401).get(t)
	if got.Account.AccountId != k401 || len(got.Holdings) == 0 || len(got.Holdings) != len(want.Holdings) || len(got.Securities) != len(want.Securities) {
		t.Fatalf("partner sees %d holdings of %s, owner %d", len(got.Holdings), got.Account.AccountId, len(want.Holdings))
	}
	start, end := h.quickstartWindow()
	txns := h.processorInvestmentTxns(tok, start, end).get(t)
	opts := plaid.NewInvestmentsTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{k401})
	owner := h.investmentTxns(access, start, end, opts).get(t)
	if txns.TotalInvestmentTransactions != owner.TotalInvestmentTransactions || txns.TotalInvestmentTransactions == 0 {
		t.Errorf("partner counts %d transactions, owner %d", txns.TotalInvestmentTransactions, owner.TotalInvestmentTransactions)
	}
	checkInvestmentTxns(t, txns.InvestmentTransactions, txns.Securities, start, end)
	checking := h.partnerTokenOn(access, "0000", "dwolla")
	h.processorHoldings(checking).fails(t, 400, "ITEM_ERROR", "NO_INVESTMENT_ACCOUNTS")
	h.permissionsSet(tok, plaid.PRODUCTS_AUTH).get(t)
	h.processorHoldings(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	// /sandbox/processor_token/create makes its Item for auth, which did not consent to investments.
	sbx := h.sandboxProcessorToken("ins_109508", "", "").get(t).ProcessorToken
	h.processorHoldings(sbx).fails(t, 400, "INVALID_INPUT", "ADDITIONAL_CONSENT_REQUIRED")
}
