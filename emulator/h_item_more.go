package emulator

import "time"

// Item management beyond create, read and remove: the status /item/get reports, the Item's
// webhook, rotating its access_token, a fresh public_token for an existing Item, and Items
// imported without Link.

// itemStatusJSON is ItemStatus. It is derived, not stored: a product the Item has was last
// updated when the Item was made (the emulator's data does not change after that); one it
// lacks has never been updated. last_webhook is the last webhook fired for the Item (null
// before the first), whether or not its delivery succeeded.
type itemStatusJSON struct {
	Investments  productStatusJSON `json:"investments"`
	Transactions productStatusJSON `json:"transactions"`
	LastWebhook  *lastWebhookJSON  `json:"last_webhook"`
}

type productStatusJSON struct {
	LastSuccessfulUpdate *string `json:"last_successful_update"`
	LastFailedUpdate     *string `json:"last_failed_update"`
}

type lastWebhookJSON struct {
	SentAt   *string `json:"sent_at"`
	CodeSent string  `json:"code_sent"`
}

// itemWithConsentJSON is ItemWithConsentFields, the Item as /item/get shows it: the Item object
// and when the Item was created.
type itemWithConsentJSON struct {
	itemJSON
	CreatedAt string `json:"created_at"`
}

func (it *item) withConsent(requestID string) itemWithConsentJSON {
	return itemWithConsentJSON{itemJSON: it.json(requestID), CreatedAt: it.created.UTC().Format(time.RFC3339)}
}

// sentWebhook is when a webhook was fired for an Item, and its code.
type sentWebhook struct {
	at   time.Time
	code string
}

func (it *item) status() itemStatusJSON {
	updated := func(product string) productStatusJSON {
		if !contains(it.products, product) {
			return productStatusJSON{}
		}
		return productStatusJSON{LastSuccessfulUpdate: nullable(it.created.UTC().Format(time.RFC3339))}
	}
	s := itemStatusJSON{Investments: updated("investments"), Transactions: updated("transactions")}
	if w := it.lastWebhook; w != nil {
		s.LastWebhook = &lastWebhookJSON{SentAt: nullable(w.at.UTC().Format(time.RFC3339)), CodeSent: w.code}
	}
	return s
}

type itemWebhookUpdateResponse struct {
	Item      itemJSON `json:"item"`
	RequestID string   `json:"request_id"`
}

// itemWebhookUpdate stores the Item's webhook URL; null, empty or absent removes it. Sending
// WEBHOOK_UPDATE_ACKNOWLEDGED to the new URL comes with webhook delivery.
func (e *Emulator) itemWebhookUpdate(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string `json:"access_token"`
		Webhook     string `json:"webhook"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := checkWebhookURL("webhook", req.Webhook); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.itemByAccessToken(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	it.webhook = req.Webhook
	e.saveItemLocked(it)
	e.webhookUpdateAcknowledged(it)
	return itemWebhookUpdateResponse{Item: it.json(q.requestID), RequestID: q.requestID}, nil
}

type accessTokenInvalidateResponse struct {
	NewAccessToken string `json:"new_access_token"`
	RequestID      string `json:"request_id"`
}

// itemAccessTokenInvalidate rotates the Item's access_token: the old one stops working at once;
// processor tokens made from the Item keep working, as they name the Item, not the token.
func (e *Emulator) itemAccessTokenInvalidate(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string `json:"access_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	minted := newTokenKey()
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.itemByAccessToken(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	return accessTokenInvalidateResponse{NewAccessToken: e.setAccessTokenLocked(it, minted), RequestID: q.requestID}, nil
}

type itemPublicTokenCreateResponse struct {
	PublicToken string `json:"public_token"`
	Expiration  string `json:"expiration"`
	RequestID   string `json:"request_id"`
}

// itemPublicTokenCreate issues a public_token for an existing Item (one use, 30 minutes);
// exchanging it gives back the Item's current access_token.
func (e *Emulator) itemPublicTokenCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string `json:"access_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.itemByAccessToken(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	tok := e.newPublicTokenLocked(it.id)
	return itemPublicTokenCreateResponse{PublicToken: tok, Expiration: e.publicTokens[tok].expires.UTC().Format(time.RFC3339),
		RequestID: q.requestID}, nil
}

// importInstitution is where an imported Item lives when the request names no institution.
// Plaid imports through the caller's own Plaid Exchange integration, which the emulator does not
// have; its first Sandbox bank stands in for it.
const importInstitution = "ins_109508"

type itemImportRequest struct {
	InstitutionID string   `json:"institution_id"`
	Products      []string `json:"products"`
	UserAuth      struct {
		UserID    string `json:"user_id"`
		AuthToken string `json:"auth_token"`
	} `json:"user_auth"`
	Options struct {
		Webhook string `json:"webhook"`
	} `json:"options"`
}

// itemImport makes an Item without Link from credentials the caller chose for its own users
// (any non-empty user_id and auth_token) and returns its access_token directly.
func (e *Emulator) itemImport(q *apiRequest) (any, *apiError) {
	var req itemImportRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := req.check(); perr != nil {
		return nil, perr
	}
	if req.InstitutionID == "" {
		req.InstitutionID = importInstitution
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.newItemLocked(req.InstitutionID, "user_good", "pass_good", req.Products, req.Options.Webhook)
	if perr != nil {
		return nil, perr
	}
	return itemImportResponse{AccessToken: e.setAccessTokenLocked(it, newTokenKey()), RequestID: q.requestID}, nil
}

type itemImportResponse struct {
	AccessToken string `json:"access_token"`
	RequestID   string `json:"request_id"`
}

func (req itemImportRequest) check() *apiError {
	switch {
	case len(req.Products) == 0:
		return invalidRequest("INVALID_FIELD", "products must list at least one product, such as transactions")
	case req.UserAuth.UserID == "":
		return invalidRequest("INVALID_FIELD", "user_auth.user_id must name the user in your own system; it is empty")
	case req.UserAuth.AuthToken == "":
		return invalidRequest("INVALID_FIELD", "user_auth.auth_token must be the token your system issued for the user; it is empty")
	}
	if perr := checkProducts(req.Products); perr != nil {
		return perr
	}
	return checkWebhookURL("options.webhook", req.Options.Webhook)
}
