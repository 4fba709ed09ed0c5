package emulator

type publicTokenResponse struct {
	PublicToken string `json:"public_token"`
	RequestID   string `json:"request_id"`
}

// sandboxPublicTokenCreate skips Link: it logs the test user in and returns a public_token
// for an Item holding every account.
func (e *Emulator) sandboxPublicTokenCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		InstitutionID   string   `json:"institution_id"`
		InitialProducts []string `json:"initial_products"`
		Options         struct {
			Webhook          string           `json:"webhook"`
			OverrideUsername string           `json:"override_username"`
			OverridePassword string           `json:"override_password"`
			Statements       *statementsDates `json:"statements"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if len(req.InitialProducts) == 0 {
		return nil, invalidRequest("INVALID_FIELD", "initial_products must list at least one product")
	}
	if perr := checkProducts(req.InitialProducts); perr != nil {
		return nil, perr
	}
	if perr := checkWebhookURL("options.webhook", req.Options.Webhook); perr != nil {
		return nil, perr
	}
	stmts, perr := statementsWindowFor("options.statements.", req.InitialProducts, req.Options.Statements, e.now(), false)
	if perr != nil {
		return nil, perr
	}
	user, pass := req.Options.OverrideUsername, req.Options.OverridePassword
	if user == "" {
		user = "user_good"
	}
	if pass == "" {
		pass = "pass_good"
	}
	// Ids and tokens are made before the lock, which is held only to store them.
	it, perr := e.newItem(req.InstitutionID, user, pass, req.InitialProducts, req.Options.Webhook)
	if perr != nil {
		return nil, perr
	}
	it.statementsWindow = stmts
	tok := e.newPublicToken()
	e.mu.Lock()
	defer e.mu.Unlock()
	e.items[it.id] = it
	e.saveItemLocked(it)
	e.scheduleTransactionsReady(it)
	return publicTokenResponse{PublicToken: e.storePublicTokenLocked(tok, it.id), RequestID: q.requestID}, nil
}

type exchangeResponse struct {
	AccessToken string `json:"access_token"`
	ItemID      string `json:"item_id"`
	RequestID   string `json:"request_id"`
}

// itemPublicTokenExchange trades a public_token, once and within 30 minutes, for the Item's
// access_token.
func (e *Emulator) itemPublicTokenExchange(q *apiRequest) (any, *apiError) {
	var req struct {
		PublicToken string `json:"public_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if !tokenShape("public", req.PublicToken) {
		return nil, invalidInput("INVALID_PUBLIC_TOKEN",
			"provided public token is in an invalid format. expected format: public-<environment>-<identifier>")
	}
	minted := newTokenKey() // before the lock; unused when the Item already has one
	e.mu.Lock()
	defer e.mu.Unlock()
	pt, ok := e.publicTokens[req.PublicToken]
	it, live := (*item)(nil), false
	if ok {
		it, live = e.items[pt.itemID]
	}
	if !ok || pt.used || !e.now().Before(pt.expires) || !live {
		return nil, invalidInput("INVALID_PUBLIC_TOKEN",
			"could not find matching public token; public tokens can be exchanged once and expire after 30 minutes")
	}
	pt.used = true
	e.savePublicTokenLocked(req.PublicToken, nil) // spent: nothing to keep
	if it.access.isZero() {
		e.setAccessTokenLocked(it, minted)
	}
	return exchangeResponse{AccessToken: e.accessToken(it), ItemID: it.id, RequestID: q.requestID}, nil
}

// itemJSON is Plaid's Item object.
type itemJSON struct {
	ItemID                string     `json:"item_id"`
	InstitutionID         *string    `json:"institution_id"`
	InstitutionName       *string    `json:"institution_name"` // in the spec since v43; plaidflow names the bank with it
	Webhook               *string    `json:"webhook"`
	Error                 *errorBody `json:"error"`
	AvailableProducts     []string   `json:"available_products"`
	BilledProducts        []string   `json:"billed_products"`
	Products              []string   `json:"products"`
	ConsentedProducts     []string   `json:"consented_products"`
	ConsentExpirationTime *string    `json:"consent_expiration_time"`
	UpdateType            string     `json:"update_type"`
}

func (it *item) json(requestID string) itemJSON {
	// One copy of the Item's products serves the three lists (they are only written out; the
	// copy keeps the Item's own slice out of reach), and the available list is made to size.
	products := append([]string{}, it.products...)
	j := itemJSON{
		ItemID: it.id, InstitutionID: nullable(it.institution.shownID()), InstitutionName: nullable(it.institution.shownName()),
		Webhook: nullable(it.webhook), AvailableProducts: make([]string, 0, len(it.institution.Products)),
		BilledProducts: products, Products: products, ConsentedProducts: products, UpdateType: "background",
	}
	for _, p := range it.institution.Products {
		if !contains(it.products, p) {
			j.AvailableProducts = append(j.AvailableProducts, p)
		}
	}
	if it.loginRequired {
		b := itemLoginRequired().body(requestID)
		j.Error = &b
	}
	return j
}

type itemGetResponse struct {
	Item      itemWithConsentJSON `json:"item"`
	Status    itemStatusJSON      `json:"status"`
	RequestID string              `json:"request_id"`
}

// itemGet answers even for an Item that needs a new login: that is how Plaid reports it.
func (e *Emulator) itemGet(q *apiRequest) (any, *apiError) {
	it, perr := e.itemForRequest(q, false)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	return itemGetResponse{Item: it.withConsent(q.requestID), Status: it.status(), RequestID: q.requestID}, nil
}

type requestIDOnly struct {
	RequestID string `json:"request_id"`
}

// itemRemove deletes the Item; its access token and the processor tokens made from it stop
// working.
func (e *Emulator) itemRemove(q *apiRequest) (any, *apiError) {
	it, perr := e.itemForRequest(q, false)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	delete(e.items, it.id)
	delete(e.accessTokens, it.access)
	var revoked []tokenKey
	for k, g := range e.processorTokens {
		if g.itemID == it.id {
			delete(e.processorTokens, k)
			delete(e.partnerSettings, e.tokenString("processor", k))
			revoked = append(revoked, k)
		}
	}
	e.dropItemLocked(it, revoked)
	return requestIDOnly{RequestID: q.requestID}, nil
}

type resetLoginResponse struct {
	ResetLogin bool   `json:"reset_login"`
	RequestID  string `json:"request_id"`
}

func (e *Emulator) sandboxItemResetLogin(q *apiRequest) (any, *apiError) {
	it, perr := e.itemForRequest(q, false)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if it.institution.Manual {
		// Plaid's docs do not say; an Item of typed-in numbers has no login for update mode to
		// repair (its update-mode Link asks the deposit code), so the emulator refuses.
		return nil, invalidRequest("INVALID_FIELD", "this item was made from account numbers typed into Link (Same-Day or Instant Micro-deposits): "+
			"it has no bank login to reset; use an item linked through its bank to try ITEM_LOGIN_REQUIRED")
	}
	it.loginRequired = true
	e.saveItemLocked(it)
	e.webhookLoginRequired(it)
	return resetLoginResponse{ResetLogin: true, RequestID: q.requestID}, nil
}

// itemForRequest decodes the access_token of the body and finds its Item; usable also
// refuses Items that need a new login.
func (e *Emulator) itemForRequest(q *apiRequest, usable bool) (*item, *apiError) {
	var req struct {
		AccessToken string `json:"access_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if usable {
		return e.usableItem(req.AccessToken)
	}
	return e.itemByAccessToken(req.AccessToken)
}
