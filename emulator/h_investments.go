package emulator

import (
	"sort"
	"strings"
)

// The Investments product: /investments/holdings/get, /investments/transactions/get and
// /investments/refresh, and the partner's /processor/investments/holdings/get and
// /transactions/get for the one account of a processor token. The data is derived from the
// Item (investments_data.go); nothing is stored per call. Investments has no first pull to
// wait for here: Plaid holds a call that comes before its data is ready instead of answering
// PRODUCT_NOT_READY (that answer is only for the async_update extraction of an Item linked
// without investments, which the emulator refuses before, below), and the emulator's data is
// ready at once.

// productItem checks the Item may read product (investments or liabilities). An Item's
// consented products are the products it was linked with (/item/get's consented_products), so
// one linked without the product answers as Plaid does a product the user never consented to:
// INVALID_INPUT / ADDITIONAL_CONSENT_REQUIRED; at an institution that does not offer the
// product at all, ITEM_ERROR / PRODUCTS_NOT_SUPPORTED. (Plaid would also add a product named in
// additional_consented_products on its first call; the emulator's Items do not keep that list.)
func productItem(it *item, product string) *apiError {
	if contains(it.products, product) {
		return nil
	}
	if !it.institution.offers(product) {
		return itemError("PRODUCTS_NOT_SUPPORTED", it.institution.Name+" does not offer "+product+
			"; link an institution that does (see /institutions/get_by_id's products) to read it", "")
	}
	return invalidInput("ADDITIONAL_CONSENT_REQUIRED", "the user did not consent to PRODUCT_"+strings.ToUpper(product)+
		" for this item: it was linked without "+product+"; link it again with "+product+" in products (or required_if_supported_products)")
}

func noInvestmentAccounts() *apiError {
	return itemError("NO_INVESTMENT_ACCOUNTS", "none of the accounts asked for is an investment account, so there are no holdings or investment transactions to return",
		"No investment accounts were found for this connection.")
}

// investmentAccounts reads the token's Item and the investment accounts among those asked
// for. Callers hold e.mu.
func (e *Emulator) investmentAccounts(token string, ids []string) (*item, []account, *apiError) {
	it, perr := e.usableItem(token)
	if perr != nil {
		return nil, nil, perr
	}
	if perr := productItem(it, "investments"); perr != nil {
		return nil, nil, perr
	}
	accounts, perr := it.selectAccounts(ids)
	if perr != nil {
		return nil, nil, perr
	}
	out := accounts[:0]
	for _, a := range accounts {
		if a.isInvestment() {
			out = append(out, a)
		}
	}
	if len(out) == 0 {
		return nil, nil, noInvestmentAccounts()
	}
	return it, out, nil
}

// investmentAccountJSON is InvestmentAccount: AccountBase whose balances add margin_loan_amount.
type investmentAccountJSON struct {
	accountJSON
	Balances investmentBalanceJSON `json:"balances"` // shadows accountJSON's
}

type investmentBalanceJSON struct {
	balanceJSON
	MarginLoanAmount *float64 `json:"margin_loan_amount"`
}

func (a account) investmentJSON() investmentAccountJSON {
	j := a.json()
	return investmentAccountJSON{accountJSON: j, Balances: investmentBalanceJSON{balanceJSON: j.Balances}}
}

// securityList gathers the securities the rows name, once each, in the order first named.
type securityList struct {
	seen map[string]bool
	list []securityJSON
}

func (l *securityList) add(s *security, today int, currency string) {
	if s == nil || l.seen[s.id] {
		return
	}
	if l.seen == nil {
		l.seen = map[string]bool{}
	}
	l.seen[s.id] = true
	l.list = append(l.list, s.json(today, currency))
}

func (l *securityList) all() []securityJSON {
	if l.list == nil {
		return []securityJSON{}
	}
	return l.list
}

// holdingsPage is the holdings of the accounts with their securities.
func holdingsPage(accounts []account, today int) ([]holdingJSON, []securityJSON) {
	rows := []holdingJSON{}
	var secs securityList
	for i := range accounts {
		for _, h := range holdingsOf(&accounts[i], today) {
			rows = append(rows, h.json())
			secs.add(h.sec, today, h.currency)
		}
	}
	return rows, secs.all()
}

type holdingsResponse struct {
	Accounts   []investmentAccountJSON `json:"accounts"`
	Holdings   []holdingJSON           `json:"holdings"`
	Securities []securityJSON          `json:"securities"`
	Item       itemJSON                `json:"item"`
	RequestID  string                  `json:"request_id"`
}

func (e *Emulator) investmentsHoldingsGet(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.investmentAccounts(req.AccessToken, req.Options.AccountIDs)
	if perr != nil {
		return nil, perr
	}
	rows, secs := holdingsPage(accounts, epochDay(e.now()))
	return holdingsResponse{Accounts: investmentAccountsJSON(accounts), Holdings: rows, Securities: secs,
		Item: it.json(q.requestID), RequestID: q.requestID}, nil
}

func investmentAccountsJSON(accounts []account) []investmentAccountJSON {
	out := make([]investmentAccountJSON, len(accounts))
	for i, a := range accounts {
		out[i] = a.investmentJSON()
	}
	return out
}

// investmentTxnPage lists the accounts' investment transactions dated within w, newest first
// (ties by id, so the order never shifts), the page w asks for with its securities, and how
// many there are in all.
func (it *item) investmentTxnPage(accounts []account, w window, today int) ([]investmentTxnJSON, []securityJSON, int) {
	var all []investmentTxn
	for i := range accounts {
		all = append(all, it.investmentTxnsOf(&accounts[i], w.start, min(w.end, today))...)
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].day != all[j].day {
			return all[i].day > all[j].day
		}
		return all[i].id < all[j].id
	})
	page := []investmentTxnJSON{}
	var secs securityList
	if w.offset < len(all) {
		for _, t := range all[w.offset:min(w.offset+w.count, len(all))] {
			page = append(page, t.json())
			secs.add(t.sec, today, t.currency)
		}
	}
	return page, secs.all(), len(all)
}

type investmentTxnsResponse struct {
	Item         itemJSON                `json:"item"`
	Accounts     []investmentAccountJSON `json:"accounts"`
	Securities   []securityJSON          `json:"securities"`
	Transactions []investmentTxnJSON     `json:"investment_transactions"`
	Total        int                     `json:"total_investment_transactions"`
	RequestID    string                  `json:"request_id"`
}

func (e *Emulator) investmentsTransactionsGet(q *apiRequest) (any, *apiError) {
	req, w, perr := decodeWindowRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.investmentAccounts(req.AccessToken, req.Options.AccountIDs)
	if perr != nil {
		return nil, perr
	}
	page, secs, total := it.investmentTxnPage(accounts, w, epochDay(e.now()))
	return investmentTxnsResponse{Item: it.json(q.requestID), Accounts: investmentAccountsJSON(accounts), Securities: secs,
		Transactions: page, Total: total, RequestID: q.requestID}, nil
}

// investmentsRefresh asks for a fresh pull: user_good's holdings do not change and its
// investment transactions only with the day, so the answer is all there is to it.
func (e *Emulator) investmentsRefresh(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, _, perr := e.investmentAccounts(req.AccessToken, nil); perr != nil {
		return nil, perr
	}
	return requestIDResponse{RequestID: q.requestID}, nil
}
