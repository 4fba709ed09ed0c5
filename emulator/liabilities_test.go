package emulator

import (
	"reflect"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) liabilities(access string, accountIDs ...string) result[plaid.LiabilitiesGetResponse] {
	req := plaid.NewLiabilitiesGetRequest(access)
	if accountIDs != nil {
		opts := plaid.NewLiabilitiesGetRequestOptions()
		opts.SetAccountIds(accountIDs)
		req.SetOptions(*opts)
	}
	return ok(h.client.LiabilitiesGet(h.ctx).LiabilitiesGetRequest(*req).Execute())
}

// The quickstart's Liabilities call right after linking with products ['liabilities']:
// user_good's two credit cards, student loan and mortgage, each on its own account, due dates
// after today and payments before it; the card's last payment is the one its transactions show.
func TestLiabilitiesQuickstart(t *testing.T) {
	h := newHarness(t)
	h.linkToken(plaid.PRODUCTS_LIABILITIES)
	access := h.connect(plaid.PRODUCTS_LIABILITIES, plaid.PRODUCTS_TRANSACTIONS)
	resp := h.liabilities(access).get(t)
	byMask := map[string]string{}
	for _, a := range resp.Accounts {
		byMask[a.GetMask()] = a.AccountId
	}
	l := resp.Liabilities
	if len(l.Credit) != 2 || len(l.Student) != 1 || len(l.Mortgage) != 1 {
		t.Fatalf("%d credit, %d student, %d mortgage; want 2, 1, 1", len(l.Credit), len(l.Student), len(l.Mortgage))
	}
	today := h.clock.Now().UTC().Format(time.DateOnly)
	card, loan, home := l.Credit[0], l.Student[0], l.Mortgage[0]
	if card.GetAccountId() != byMask["3333"] || l.Credit[1].GetAccountId() != byMask["9999"] || loan.GetAccountId() != byMask["7777"] || home.AccountId != byMask["8888"] {
		t.Errorf("liabilities on accounts %s, %s, %s, %s", card.GetAccountId(), l.Credit[1].GetAccountId(), loan.GetAccountId(), home.AccountId)
	}
	for what, d := range map[string][2]string{"card": {card.GetLastPaymentDate(), card.GetNextPaymentDueDate()},
		"student loan": {loan.GetLastPaymentDate(), loan.GetNextPaymentDueDate()}, "mortgage": {home.GetLastPaymentDate(), home.GetNextPaymentDueDate()}} {
		if !(d[0] <= today && today < d[1]) {
			t.Errorf("%s: last payment %s, next due %s, today %s", what, d[0], d[1], today)
		}
	}
	if len(card.Aprs) != 4 || card.Aprs[2].AprType != "purchase_apr" || card.Aprs[2].AprPercentage != 12.5 {
		t.Errorf("card APRs %+v: want four, the purchase APR its name states (12.5%%)", card.Aprs)
	}
	h.clock.Advance(DefaultTransactionsReadyDelay)
	paid := card.GetLastPaymentDate()
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetAccountIds([]string{byMask["3333"]})
	var posted []float64
	for _, tx := range h.txnGet(access, paid, paid, opts).get(t).Transactions {
		if tx.Name == "PAYMENT THANK YOU" {
			posted = append(posted, -tx.Amount)
		}
	}
	if len(posted) != 1 || posted[0] != card.GetLastPaymentAmount() {
		t.Errorf("card paid %v on %s; its transactions that day show payments of %v", card.GetLastPaymentAmount(), paid, posted)
	}
	if again := h.liabilities(access).get(t); !reflect.DeepEqual(again.Liabilities, l) {
		t.Error("two liabilities calls differ")
	}
}

// options.account_ids narrows the accounts and their liabilities (the kinds with none are
// empty lists, not null); asking only for accounts without liabilities, or linking without the product, fails.
func TestLiabilitiesErrorsAndOptions(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_LIABILITIES)
	accounts := h.accounts(access)
	mortgage := accountByMask(t, accounts, "8888").AccountId
	only := h.liabilities(access, mortgage).get(t)
	if l := only.Liabilities; len(only.Accounts) != 1 || len(l.Mortgage) != 1 || l.Credit == nil || len(l.Credit) != 0 || l.Student == nil || len(l.Student) != 0 {
		t.Errorf("asked for the mortgage: %d accounts, liabilities %+v", len(only.Accounts), only.Liabilities)
	}
	h.liabilities(access, accountByMask(t, accounts, "0000").AccountId).fails(t, 400, "ITEM_ERROR", "NO_LIABILITY_ACCOUNTS")
	h.liabilities(access, "not-an-id").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.liabilities(h.connect(plaid.PRODUCTS_AUTH)).fails(t, 400, "INVALID_INPUT", "ADDITIONAL_CONSENT_REQUIRED")
	fidelity := h.exchange(h.publicToken("ins_12", []plaid.Products{plaid.PRODUCTS_INVESTMENTS}, nil)).AccessToken
	h.liabilities(fidelity).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).get(t)
	h.liabilities(access).fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
}

func (h *harness) processorLiabilities(tok string) result[plaid.ProcessorLiabilitiesGetResponse] {
	req := plaid.NewProcessorLiabilitiesGetRequest(tok)
	return ok(h.client.ProcessorLiabilitiesGet(h.ctx).ProcessorLiabilitiesGetRequest(*req).Execute())
}

// A partner's token on the student loan (made for an Item linked with liabilities) reads that
// loan as the Item's owner sees it; a token on the checking account has no liability to read.
func TestProcessorLiabilities(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH, plaid.PRODUCTS_LIABILITIES)
	loan := accountByMask(t, h.accounts(access), "7777").AccountId
	got := h.processorLiabilities(h.partnerTokenOn(access, "7777", "esusu")).get(t)
	want := h.liabilities(access, loan).get(t)
	if got.Account.AccountId != loan || !reflect.DeepEqual(got.Liabilities, want.Liabilities) {
		t.Errorf("partner sees %+v on %s, owner %+v", got.Liabilities, got.Account.AccountId, want.Liabilities)
	}
	h.processorLiabilities(h.partnerTokenOn(access, "0000", "dwolla")).fails(t, 400, "ITEM_ERROR", "NO_LIABILITY_ACCOUNTS")
}
