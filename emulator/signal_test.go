package emulator

import (
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) signalEvaluate(access, accountID, txnID string, amount float64) result[plaid.SignalEvaluateResponse] {
	req := plaid.NewSignalEvaluateRequest(access, accountID, txnID, amount)
	return ok(h.client.SignalEvaluate(h.ctx).SignalEvaluateRequest(*req).Execute())
}

func (h *harness) signalDecision(txnID string) result[plaid.SignalDecisionReportResponse] {
	return ok(h.client.SignalDecisionReport(h.ctx).SignalDecisionReportRequest(*plaid.NewSignalDecisionReportRequest(txnID, true)).Execute())
}

func (h *harness) signalReturn(txnID, code string) result[plaid.SignalReturnReportResponse] {
	return ok(h.client.SignalReturnReport(h.ctx).SignalReturnReportRequest(*plaid.NewSignalReturnReportRequest(txnID, code)).Execute())
}

// products are the Item's products as /item/get reports them.
func (h *harness) products(access string) []plaid.Products {
	item := h.itemGet(access).get(h.t).Item
	return item.GetProducts()
}

func containsProduct(list []plaid.Products, p plaid.Products) bool {
	for _, x := range list {
		if x == p {
			return true
		}
	}
	return false
}

// Plaid's quickstart for Signal, unchanged: Link with products ['signal'], /accounts/get, then
// /signal/evaluate for accounts[0] with client_transaction_id txn1234 and 100.0. The answer has
// both scores with their tiers, the default ruleset's result, the account's balances, and no
// warnings; the same evaluation answers the same again, and a decision and a return can be
// reported for it.
func TestSignalQuickstartFlow(t *testing.T) {
	h := newHarness(t)
	lt := h.linkToken(plaid.PRODUCTS_SIGNAL)
	access := h.linkThrough(lt.LinkToken, "Plaid Checking")
	acct := h.accounts(access)[0]
	resp := h.signalEvaluate(access, acct.AccountId, "txn1234", 100.0).get(t)
	scores := resp.Scores.Get()
	cust, bank := scores.GetCustomerInitiatedReturnRisk(), scores.GetBankInitiatedReturnRisk()
	if cust.Score < 1 || cust.Score > 99 || bank.Score < 1 || bank.Score > 99 || cust.RiskTier != int32(customerTier(int(cust.Score))) || bank.RiskTier != int32(bankTier(int(bank.Score))) {
		t.Fatalf("scores %+v %+v", cust, bank)
	}
	rs := resp.Ruleset.Get()
	if rs.GetRulesetKey() != "default" || !strings.Contains("ACCEPT REVIEW REROUTE", string(rs.Result)) || len(resp.Warnings) != 0 {
		t.Fatalf("ruleset %+v, warnings %v", rs, resp.Warnings)
	}
	core := resp.CoreAttributes
	if core.GetAvailableBalance() != acct.Balances.GetAvailable() || core.GetCurrentBalance() != acct.Balances.GetCurrent() || core.GetBalanceToTransactionAmountRatio() != 1 {
		t.Errorf("core attributes %v/%v (ratio %v); want the account's %v/%v and ratio 1", core.GetAvailableBalance(), core.GetCurrentBalance(),
			core.GetBalanceToTransactionAmountRatio(), acct.Balances.GetAvailable(), acct.Balances.GetCurrent())
	}
	again := h.signalEvaluate(access, acct.AccountId, "txn1234", 100.0).get(t)
	if again.Scores.Get().GetBankInitiatedReturnRisk() != bank || again.Ruleset.Get().Result != rs.Result {
		t.Errorf("the same evaluation scored %+v then %+v", bank, again.Scores.Get().GetBankInitiatedReturnRisk())
	}
	h.signalDecision("txn1234").get(t)
	h.signalReturn("txn1234", "R01").get(t)
}

// Scores follow the debit's cover and nothing random: a debit the balance covers many times is
// ACCEPTed with a low bank score, one ten times the balance is REROUTEd with a high one; the
// same account and amount score the same under another client_transaction_id; a debit from an
// Item that needs a login is scored without bank data, with Plaid's ITEM_LOGIN_REQUIRED warning.
func TestSignalScoresAreDerived(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_SIGNAL)
	checking := accountByMask(t, h.accounts(access), "0000") // available 100
	small := h.signalEvaluate(access, checking.AccountId, "small", 1.00).get(t)
	large := h.signalEvaluate(access, checking.AccountId, "large", 1000.00).get(t)
	if s := small.Scores.Get().GetBankInitiatedReturnRisk().Score; s > 14 || small.Ruleset.Get().Result != plaid.RULERESULT_ACCEPT {
		t.Errorf("a $1 debit from $100: bank score %d, %s; want at most 14 and ACCEPT", s, small.Ruleset.Get().Result)
	}
	if s := large.Scores.Get().GetBankInitiatedReturnRisk().Score; s < 75 || large.Ruleset.Get().Result != plaid.RULERESULT_REROUTE {
		t.Errorf("a $1000 debit from $100: bank score %d, %s; want at least 75 and REROUTE", s, large.Ruleset.Get().Result)
	}
	twin := h.signalEvaluate(access, checking.AccountId, "large-again", 1000.00).get(t)
	if twin.Scores.Get().GetBankInitiatedReturnRisk() != large.Scores.Get().GetBankInitiatedReturnRisk() {
		t.Error("the same debit under another client_transaction_id scored differently")
	}

	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).get(t)
	blind := h.signalEvaluate(access, checking.AccountId, "blind", 50).get(t)
	if len(blind.Warnings) != 1 || blind.Warnings[0].GetWarningCode() != "ITEM_LOGIN_REQUIRED" || blind.CoreAttributes.AvailableBalance.IsSet() {
		t.Errorf("an Item needing a login: warnings %+v, available balance set %v; want ITEM_LOGIN_REQUIRED and no bank data",
			blind.Warnings, blind.CoreAttributes.AvailableBalance.IsSet())
	}
}

// core_attributes count the account's posted transactions as /transactions/get lists them:
// debits (positive amounts) and credits in the last 30 days, with their totals.
func TestSignalCoreAttributesMatchTransactions(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_TRANSACTIONS, plaid.PRODUCTS_SIGNAL)
	h.clock.Advance(DefaultTransactionsReadyDelay)
	checking := accountByMask(t, h.accounts(access), "0000")
	today := h.clock.Now().UTC()
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{checking.AccountId})
	opts.SetCount(500)
	txns := h.txnGet(access, today.AddDate(0, 0, -29).Format(time.DateOnly), today.Format(time.DateOnly), opts).get(t).Transactions
	var debits, credits int32
	var debitSum float64
	for _, tx := range txns {
		switch {
		case tx.Pending:
		case tx.Amount > 0:
			debits++
			debitSum += tx.Amount
		default:
			credits++
		}
	}
	core := h.signalEvaluate(access, checking.AccountId, "attrs", 25).get(t).CoreAttributes
	if core.GetDebitTransactionsCount30d() != debits || core.GetCreditTransactionsCount30d() != credits || round2(core.GetTotalDebitTransactionsAmount30d()) != round2(debitSum) {
		t.Errorf("30 days: %d debits (%.2f), %d credits; /transactions/get lists %d (%.2f) and %d",
			core.GetDebitTransactionsCount30d(), core.GetTotalDebitTransactionsAmount30d(), core.GetCreditTransactionsCount30d(), debits, debitSum, credits)
	}
	if debits == 0 || credits == 0 || core.GetDaysSinceFirstPlaidConnection() != 0 || core.GetPlaidConnectionsCount7d() != 1 {
		t.Errorf("user_good's checking has debits and credits each month and was linked today: %+v", core)
	}
}

// Errors, in Plaid's shape: a client_transaction_id reused for another debit, reports for an id
// never evaluated, a return code that is not one, a bad amount or account, a bank without Signal.
// /signal/prepare and a first evaluation add signal to an Item's products.
func TestSignalErrorsAndPrepare(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH)
	checking := accountByMask(t, h.accounts(access), "0000").AccountId
	h.signalEvaluate(access, checking, "t-1", 10).get(t)
	if products := h.products(access); !containsProduct(products, plaid.PRODUCTS_SIGNAL) {
		t.Errorf("after an evaluation the Item's products are %v; want signal added", products)
	}
	h.signalEvaluate(access, checking, "t-1", 11).fails(t, 400, "SIGNAL_ERROR", "CLIENT_TRANSACTION_ID_ALREADY_IN_USE")
	h.signalDecision("never-evaluated").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalReturn("never-evaluated", "R01").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalReturn("t-1", "X1").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalEvaluate(access, checking, "t-2", 0).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalEvaluate(access, checking, "", 5).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalEvaluate(access, checking, strings.Repeat("x", 37), 5).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalEvaluate(access, "not-an-account", "t-3", 5).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalEvaluate(access, strings.Repeat("A", 37), "t-4", 5).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	h.signalEvaluate("access-sandbox-bad", checking, "t-5", 5).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")

	fresh := h.connect(plaid.PRODUCTS_AUTH)
	ok(h.client.SignalPrepare(h.ctx).SignalPrepareRequest(*plaid.NewSignalPrepareRequest(fresh)).Execute()).get(t)
	if products := h.products(fresh); !containsProduct(products, plaid.PRODUCTS_SIGNAL) {
		t.Errorf("after /signal/prepare the Item's products are %v; want signal", products)
	}
	uk := h.exchange(h.publicToken("ins_117650", []plaid.Products{plaid.PRODUCTS_TRANSACTIONS}, nil)).AccessToken
	ok(h.client.SignalPrepare(h.ctx).SignalPrepareRequest(*plaid.NewSignalPrepareRequest(uk)).Execute()).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
}
