package emulator

// A partner reads the holdings and investment transactions of the one account its processor
// token names, with the same data the Item's owner sees for that account.

// productReads says whether one of the Item's products other than money movement reads
// account a: investments an investment account, liabilities a credit card or a loan.
func (it *item) productReads(a account) bool {
	return a.isInvestment() && contains(it.products, "investments") ||
		liabilityKind(a.typ, a.subtype) != "" && contains(it.products, "liabilities")
}

// partnerInvestments is partnerRead for the investments product: the Item must have it and
// the token's account must be an investment account. Callers hold e.mu.
func (e *Emulator) partnerInvestments(q *apiRequest) (*item, account, *apiError) {
	it, a, perr := e.partnerRead(q, "investments")
	if perr != nil {
		return nil, account{}, perr
	}
	if perr := productItem(it, "investments"); perr != nil {
		return nil, account{}, perr
	}
	if !a.isInvestment() {
		return nil, account{}, noInvestmentAccounts()
	}
	return it, a, nil
}

type processorHoldingsResponse struct {
	Account    investmentAccountJSON `json:"account"`
	Holdings   []holdingJSON         `json:"holdings"`
	Securities []securityJSON        `json:"securities"`
	RequestID  string                `json:"request_id"`
}

func (e *Emulator) processorInvestmentsHoldingsGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	_, a, perr := e.partnerInvestments(q)
	if perr != nil {
		return nil, perr
	}
	rows, secs := holdingsPage([]account{a}, epochDay(e.now()))
	return processorHoldingsResponse{Account: a.investmentJSON(), Holdings: rows, Securities: secs, RequestID: q.requestID}, nil
}

type processorInvestmentTxnsResponse struct {
	Account      investmentAccountJSON `json:"account"`
	Transactions []investmentTxnJSON   `json:"investment_transactions"`
	Securities   []securityJSON        `json:"securities"`
	Total        int                   `json:"total_investment_transactions"`
	RequestID    string                `json:"request_id"`
}

func (e *Emulator) processorInvestmentsTransactionsGet(q *apiRequest) (any, *apiError) {
	_, w, perr := decodeWindowRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerInvestments(q)
	if perr != nil {
		return nil, perr
	}
	page, secs, total := it.investmentTxnPage([]account{a}, w, epochDay(e.now()))
	return processorInvestmentTxnsResponse{Account: a.investmentJSON(), Transactions: page, Securities: secs, Total: total, RequestID: q.requestID}, nil
}
