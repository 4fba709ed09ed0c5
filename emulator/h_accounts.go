package emulator

type accountsRequest struct {
	AccessToken string `json:"access_token"`
	Options     struct {
		AccountIDs []string `json:"account_ids"`
	} `json:"options"`
}

type accountsResponse struct {
	Accounts  []accountJSON `json:"accounts"`
	Item      itemJSON      `json:"item"`
	RequestID string        `json:"request_id"`
}

// decodeAccountsRequest reads and checks a data endpoint's request, before the lock is taken:
// e.mu is held only for what reads the emulator's state.
func decodeAccountsRequest(q *apiRequest) (accountsRequest, *apiError) {
	var req accountsRequest
	if perr := q.decode(&req); perr != nil {
		return req, perr
	}
	return req, checkAccountIDs("options.account_ids", req.Options.AccountIDs)
}

// readAccounts is the common part of the data endpoints: a usable Item and the accounts the
// request asks for. Callers hold e.mu.
func (e *Emulator) readAccounts(req accountsRequest) (*item, []account, *apiError) {
	it, perr := e.usableItem(req.AccessToken)
	if perr != nil {
		return nil, nil, perr
	}
	accounts, perr := it.selectAccounts(req.Options.AccountIDs)
	if perr != nil {
		return nil, nil, perr
	}
	return it, accounts, nil
}

func (e *Emulator) accountsGet(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.readAccounts(req)
	if perr != nil {
		return nil, perr
	}
	return accountsAnswer{accounts: accounts, item: it.json(q.requestID), requestID: q.requestID}, nil
}

// accountsAnswer is /accounts/get's answer as the handler has it: written as accountsResponse
// straight from the accounts (json_append.go), which is built only for the rare answer that
// appendJSON leaves to encoding/json.
type accountsAnswer struct {
	accounts  []account
	item      itemJSON
	requestID string
}

func (a accountsAnswer) response() accountsResponse {
	resp := accountsResponse{Accounts: make([]accountJSON, 0, len(a.accounts)), Item: a.item, RequestID: a.requestID}
	for _, acct := range a.accounts {
		resp.Accounts = append(resp.Accounts, acct.json())
	}
	return resp
}

type authResponse struct {
	Accounts  []accountJSON `json:"accounts"`
	Numbers   authNumbers   `json:"numbers"`
	Item      itemJSON      `json:"item"`
	RequestID string        `json:"request_id"`
}

type authNumbers struct {
	ACH           []achNumbers           `json:"ach"`
	EFT           []eftNumbers           `json:"eft"`
	International []internationalNumbers `json:"international"`
	BACS          []bacsNumbers          `json:"bacs"`
}

type achNumbers struct {
	AccountID   string  `json:"account_id"`
	Account     string  `json:"account"`
	Routing     string  `json:"routing"`
	WireRouting *string `json:"wire_routing"`
}

// authGet returns ACH numbers for the checking, savings and cash management accounts, and a
// custom user's configured numbers (ACH, EFT, IBAN/BIC, BACS) for its accounts.
func (e *Emulator) authGet(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.readAccounts(req)
	if perr != nil {
		return nil, perr
	}
	resp := authResponse{Accounts: []accountJSON{}, Item: it.json(q.requestID), RequestID: q.requestID,
		Numbers: authNumbers{ACH: []achNumbers{}, EFT: []eftNumbers{}, International: []internationalNumbers{}, BACS: []bacsNumbers{}}}
	for _, a := range accounts {
		if perr := authNotReady(a.verification); perr != nil {
			return nil, perr
		}
		if !a.hasACHNumbers() && !a.hasOtherNumbers() {
			continue
		}
		resp.Accounts = append(resp.Accounts, a.json())
		if a.hasACHNumbers() {
			resp.Numbers.ACH = append(resp.Numbers.ACH, it.achNumbers(a))
		}
		eft, intl, bacs := a.otherNumbers()
		resp.Numbers.EFT = append(resp.Numbers.EFT, eft...)
		resp.Numbers.International = append(resp.Numbers.International, intl...)
		resp.Numbers.BACS = append(resp.Numbers.BACS, bacs...)
	}
	if len(resp.Accounts) == 0 {
		return nil, noAuthAccounts()
	}
	return resp, nil
}

// achNumbers are the account's ACH numbers, derived from its mask and the institution's
// routing number (a custom user's configured numbers win) rather than stored. Only accounts
// with hasACHNumbers have them.
func (it *item) achNumbers(a account) achNumbers {
	routing := "011401533"
	switch {
	case it.institution.ID == authFlowsBank:
		routing = authFlowsRouting
	case len(it.institution.RoutingNumbers) > 0:
		routing = it.institution.RoutingNumbers[0]
	}
	return a.withACHOverride(achNumbers{AccountID: a.id, Account: "111122223333" + a.mask, Routing: routing, WireRouting: nullable("021000021")})
}

func noAuthAccounts() *apiError {
	return itemError("NO_AUTH_ACCOUNTS",
		"no checking, savings or cash management account with account and routing numbers was found for this request",
		"No eligible checking or savings account was found.")
}
