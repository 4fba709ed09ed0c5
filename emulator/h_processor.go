package emulator

type processorRequest struct {
	AccessToken string `json:"access_token"`
	AccountID   string `json:"account_id"`
	Processor   string `json:"processor"`
}

// partnerAccount finds the usable Item and account a partner token is asked for, refusing
// accounts money cannot be pulled from, unless (for a processor token) the Item was linked with
// a product that reads the account: a partner of Investments or Liabilities reads an investment
// account or a card or loan through /processor/investments/* or /processor/liabilities/get.
// A malformed account id is refused before the token is looked up, as Plaid checks a request's
// form first. Callers hold e.mu.
func (e *Emulator) partnerAccount(req processorRequest, needNumbers bool) (*item, account, *apiError) {
	if perr := checkAccountID("account_id", req.AccountID); perr != nil {
		return nil, account{}, perr
	}
	it, perr := e.usableItem(req.AccessToken)
	if perr != nil {
		return nil, account{}, perr
	}
	a, ok := it.account(req.AccountID)
	if !ok {
		return nil, account{}, invalidAccountID()
	}
	if needNumbers && !a.hasACHNumbers() || !a.debitable() && (needNumbers || !it.productReads(a)) {
		return nil, account{}, noAuthAccounts()
	}
	return it, a, nil
}

type processorTokenResponse struct {
	ProcessorToken string `json:"processor_token"`
	RequestID      string `json:"request_id"`
}

func (e *Emulator) processorTokenCreate(q *apiRequest) (any, *apiError) {
	var req processorRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	tok := newTokenKey() // before the lock, held only to check and store
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerAccount(req, false)
	if perr != nil {
		return nil, perr
	}
	return processorTokenResponse{ProcessorToken: e.issueProcessorTokenLocked(tok, it.id, a.index, req.Processor), RequestID: q.requestID}, nil
}

type stripeTokenResponse struct {
	StripeBankAccountToken string `json:"stripe_bank_account_token"`
	RequestID              string `json:"request_id"`
}

// stripeTokenCreate makes a Stripe bank account token: Stripe debits over ACH, so the account
// needs account and routing numbers.
func (e *Emulator) stripeTokenCreate(q *apiRequest) (any, *apiError) {
	var req processorRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	tok := newStripeToken() // before the lock, held only to check and store
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerAccount(req, true)
	if perr != nil {
		return nil, perr
	}
	e.stripeTokens[tok] = tokenGrant{itemID: it.id, account: a.index, processor: "stripe"}
	e.saveStripeGrantLocked(tok, e.stripeTokens[tok])
	return stripeTokenResponse{StripeBankAccountToken: tok, RequestID: q.requestID}, nil
}
