package emulator

// The partner's side of a processor token: a partner (Dwolla, Alloy, ...) calls /processor/*
// with the token it was handed and reads the one account the token names, nothing else of the
// Item. The Item's owner may narrow what the partner reads with /processor/token/permissions/set;
// removing the Item revokes every processor token made from it.

// partnerSettings is what was changed on one processor token. Most tokens never change
// anything, so a token has an entry only once it has, and a grant stays three strings.
type partnerSettings struct {
	products []string // the products the partner may read; empty: all of them
	webhook  string
}

type processorTokenRequest struct {
	ProcessorToken string `json:"processor_token"`
}

func invalidProcessorToken(msg string) *apiError {
	return invalidInput("INVALID_PROCESSOR_TOKEN", msg)
}

// grantByProcessorToken finds what a processor token names; a token of a removed Item is
// unknown. Callers hold e.mu.
func (e *Emulator) grantByProcessorToken(tok string) (tokenGrant, *item, *apiError) {
	if !tokenShape("processor", tok) {
		return tokenGrant{}, nil, invalidProcessorToken(
			"the processor token is not in the form processor-<environment>-<identifier>; pass the processor_token /processor/token/create returned")
	}
	g, ok := e.processorGrant(tok)
	it, live := e.items[g.itemID]
	if !ok || !live {
		return tokenGrant{}, nil, invalidProcessorToken(
			"no processor token matches; it may belong to another client, or its item was removed (which revokes its processor tokens)")
	}
	return g, it, nil
}

// partnerRead reads the processor_token of the body and returns the account it names, for a
// partner reading product (empty: no product needed). Callers hold e.mu.
func (e *Emulator) partnerRead(q *apiRequest, product string) (*item, account, *apiError) {
	var req processorTokenRequest
	if perr := q.decode(&req); perr != nil {
		return nil, account{}, perr
	}
	return e.partnerTokenAccount(req.ProcessorToken, product, true)
}

// partnerTokenAccount is the Item and account of a processor token that may read product.
// needLogin refuses an Item that needs a new login; Signal scores one without bank data.
// Callers hold e.mu.
func (e *Emulator) partnerTokenAccount(tok, product string, needLogin bool) (*item, account, *apiError) {
	g, it, perr := e.grantByProcessorToken(tok)
	if perr != nil {
		return nil, account{}, perr
	}
	if allowed := e.partnerSettings[tok].products; product != "" && len(allowed) > 0 && !contains(allowed, product) {
		return nil, account{}, invalidInput("INVALID_PRODUCT", "this processor token may not read "+product+
			"; the item's owner limited it to "+joinSorted(append([]string(nil), allowed...))+
			" and can grant more with /processor/token/permissions/set")
	}
	if needLogin && it.loginRequired {
		return nil, account{}, itemLoginRequired()
	}
	a, ok := it.sharedAt(g.account)
	if !ok {
		return nil, account{}, invalidInput("INVALID_ACCOUNT_ID",
			"the account this processor token names is no longer shared on its item; ask the item's owner for a new processor token")
	}
	return it, a, nil
}

type processorAccountResponse struct {
	Account       accountJSON `json:"account"`
	InstitutionID string      `json:"institution_id,omitempty"`
	RequestID     string      `json:"request_id"`
}

func (e *Emulator) processorAccountGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerRead(q, "")
	if perr != nil {
		return nil, perr
	}
	return processorAccountResponse{Account: a.json(), InstitutionID: it.institution.shownID(), RequestID: q.requestID}, nil
}

func (e *Emulator) processorBalanceGet(q *apiRequest) (any, *apiError) {
	var req struct {
		Options struct {
			MinLastUpdated string `json:"min_last_updated_datetime"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := checkDateTime("options.min_last_updated_datetime", req.Options.MinLastUpdated); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	_, a, perr := e.partnerRead(q, "balance")
	if perr != nil {
		return nil, perr
	}
	return processorAccountResponse{Account: a.json(), RequestID: q.requestID}, nil
}

type processorAuthResponse struct {
	Account   accountJSON          `json:"account"`
	Numbers   processorNumbersJSON `json:"numbers"`
	RequestID string               `json:"request_id"`
}

// processorNumbersJSON holds the one account's numbers; the schemes it has none for are null.
type processorNumbersJSON struct {
	ACH           *achNumbers `json:"ach"`
	EFT           *struct{}   `json:"eft"`
	International *struct{}   `json:"international"`
	BACS          *struct{}   `json:"bacs"`
}

func (e *Emulator) processorAuthGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerRead(q, "auth")
	if perr != nil {
		return nil, perr
	}
	if perr := authNotReady(a.verification); perr != nil {
		return nil, perr
	}
	if !a.hasACHNumbers() {
		return nil, noAuthAccounts()
	}
	ach := it.achNumbers(a)
	return processorAuthResponse{Account: a.json(), Numbers: processorNumbersJSON{ACH: &ach}, RequestID: q.requestID}, nil
}

type processorIdentityResponse struct {
	Account   identityAccountJSON `json:"account"`
	RequestID string              `json:"request_id"`
}

func (e *Emulator) processorIdentityGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerRead(q, "identity")
	if perr != nil {
		return nil, perr
	}
	if it.institution.Manual {
		return nil, typedInProduct("identity")
	}
	return processorIdentityResponse{Account: identityAccountJSON{accountJSON: a.json(), Owners: []ownerJSON{a.owner()}},
		RequestID: q.requestID}, nil
}

type processorPermissionsResponse struct {
	Products  []string `json:"products"`
	RequestID string   `json:"request_id"`
}

func (e *Emulator) processorPermissionsGet(q *apiRequest) (any, *apiError) {
	var req processorTokenRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, _, perr := e.grantByProcessorToken(req.ProcessorToken); perr != nil {
		return nil, perr
	}
	products := append([]string{}, e.partnerSettings[req.ProcessorToken].products...)
	return processorPermissionsResponse{Products: products, RequestID: q.requestID}, nil
}

// processorPermissionsSet limits the products the partner reads; an empty list lifts the limit.
// Each product was checked against the spec's Products enum with the body (INVALID_PRODUCT).
func (e *Emulator) processorPermissionsSet(q *apiRequest) (any, *apiError) {
	var req struct {
		ProcessorToken string   `json:"processor_token"`
		Products       []string `json:"products"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, _, perr := e.grantByProcessorToken(req.ProcessorToken); perr != nil {
		return nil, perr
	}
	e.changePartnerSettings(req.ProcessorToken, func(s *partnerSettings) { s.products = dedupe(req.Products) })
	return requestIDOnly{RequestID: q.requestID}, nil
}

// processorWebhookUpdate stores the partner's webhook URL for the token (null removes it).
// Sending WEBHOOK_UPDATE_ACKNOWLEDGED comes with webhook delivery.
func (e *Emulator) processorWebhookUpdate(q *apiRequest) (any, *apiError) {
	// webhook is required but may be null; the body check has refused a body without it, and
	// null decodes as "", no webhook.
	var req struct {
		ProcessorToken string `json:"processor_token"`
		Webhook        string `json:"webhook"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	webhook := req.Webhook
	if perr := checkWebhookURL("webhook", webhook); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, _, perr := e.grantByProcessorToken(req.ProcessorToken); perr != nil {
		return nil, perr
	}
	e.changePartnerSettings(req.ProcessorToken, func(s *partnerSettings) { s.webhook = webhook })
	e.webhookProcessorUpdateAcknowledged(req.ProcessorToken, webhook)
	return requestIDOnly{RequestID: q.requestID}, nil
}

// changePartnerSettings applies change to a token's settings, dropping the entry when nothing
// differs from a fresh token any more. Callers hold e.mu.
func (e *Emulator) changePartnerSettings(tok string, change func(*partnerSettings)) {
	s := e.partnerSettings[tok]
	change(&s)
	kept := len(s.products) > 0 || s.webhook != ""
	e.savePartnerSettingsLocked(tok, s, kept)
	if !kept {
		delete(e.partnerSettings, tok)
		return
	}
	if e.partnerSettings == nil {
		e.partnerSettings = map[string]partnerSettings{}
	}
	e.partnerSettings[tok] = s
}

func dedupe(list []string) []string {
	var out []string
	for _, v := range list {
		if !contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}
