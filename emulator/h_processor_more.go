package emulator

// Two more ways to get a processor token: Apex's legacy endpoint, and the Sandbox shortcut that
// makes an Item and a token in one call so a partner can test its /processor/* calls alone.

// issueProcessorTokenLocked records tok, minted before the lock was taken, as a processor token
// for one account of an Item. Callers hold e.mu.
func (e *Emulator) issueProcessorTokenLocked(tok tokenKey, itemID string, account uint16, processor string) string {
	e.processorTokens[tok] = tokenGrant{itemID: itemID, account: account, processor: internProcessor(processor)}
	e.saveProcessorGrantLocked(tok, e.processorTokens[tok])
	return e.tokenString("processor", tok)
}

// apexProcessorTokenCreate is /processor/token/create with processor apex_clearing, through
// the endpoint Apex integrations used before the generic one existed.
func (e *Emulator) apexProcessorTokenCreate(q *apiRequest) (any, *apiError) {
	var req processorRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	tok := newTokenKey()
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerAccount(req, false)
	if perr != nil {
		return nil, perr
	}
	return processorTokenResponse{ProcessorToken: e.issueProcessorTokenLocked(tok, it.id, a.index, "apex_clearing"), RequestID: q.requestID}, nil
}

// sandboxProcessorTokenCreate logs the test user in at the institution, as
// /sandbox/public_token/create does, and returns a processor token for the Item's first account
// with ACH numbers (its checking account).
func (e *Emulator) sandboxProcessorTokenCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		InstitutionID string `json:"institution_id"`
		Options       struct {
			OverrideUsername string `json:"override_username"`
			OverridePassword string `json:"override_password"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	user, pass := req.Options.OverrideUsername, req.Options.OverridePassword
	if user == "" {
		user = "user_good"
	}
	if pass == "" {
		pass = "pass_good"
	}
	var products []string
	if in, ok := findInstitution(req.InstitutionID); ok && in.offers("auth") {
		products = []string{"auth"}
	}
	// The Item and the token are made before the lock, which is held only to store them.
	it, perr := e.newItem(req.InstitutionID, user, pass, products, "")
	if perr != nil {
		return nil, perr
	}
	accounts := it.accounts()
	if len(accounts) == 0 {
		return nil, sandboxError("NO_ACCOUNTS")
	}
	chosen := accounts[0]
	for _, a := range accounts {
		if a.hasACHNumbers() {
			chosen = a
			break
		}
	}
	tok := newTokenKey()
	e.mu.Lock()
	defer e.mu.Unlock()
	e.items[it.id] = it
	e.saveItemLocked(it)
	e.scheduleTransactionsReady(it)
	return processorTokenResponse{ProcessorToken: e.issueProcessorTokenLocked(tok, it.id, chosen.index, ""), RequestID: q.requestID}, nil
}
