package emulator

// What the emulated Link (link_*.go) needs from the API side's state.

// linkTokenView is what Link needs to know of a link_token.
type linkTokenView struct {
	Token      string
	ClientName string
	Language   string
	Products   []string // every Item made with this token must offer all of them
	// RequiredIfSupported are added to an Item when its institution offers them.
	RequiredIfSupported []string
	CountryCodes        []string
	RedirectURI         string
	AccountFilters      map[string][]string // type -> allowed subtypes; empty map: all accounts
	MultiSelect         bool                // link_customization_name "multi_select"
	Hosted              bool                // created with hosted_link: results are read via /link/token/get
	// CompletionRedirectURI is hosted_link.completion_redirect_uri: where Hosted Link sends
	// the user when done ("" when not given).
	CompletionRedirectURI string
	// UpdateItemID is the Item an update-mode link_token (made with its access_token) repairs;
	// UpdateInstitution its bank, where Link opens.
	UpdateItemID      string
	UpdateInstitution *Institution
	// StatementsFrom and StatementsTo are the statements window (statements.go) of the Items
	// made with the token; zero without the statements product.
	StatementsFrom, StatementsTo int32 `json:",omitempty"`
	// Auth's flows the token turns on or off (its auth object): Same-Day and Instant
	// Micro-deposits are off unless asked for, Instant Match on unless turned off, as Plaid's
	// defaults are for a team made today (link_auth.go).
	SameDayMicrodeposits bool `json:",omitempty"`
	InstantMicrodeposits bool `json:",omitempty"`
	NoInstantMatch       bool `json:",omitempty"`
}

// statementsWindow is the window the token gives its Items.
func (v linkTokenView) statementsWindow() stmtWindow {
	return stmtWindow{v.StatementsFrom, v.StatementsTo}
}

// accountView is one account of an Item as Link shows it.
type accountView struct {
	ID, Name, Mask, Type, Subtype string
	Available, Current            *float64
	Verification                  string // verification_status; "": null
}

// itemView is a just-created Item.
type itemView struct {
	ItemID      string
	Institution Institution
	Accounts    []accountView
}

// linkResult is one finished Link session, recorded on its link_token for /link/token/get.
type linkResult struct {
	LinkSessionID string
	PublicToken   string // empty when the session exited
	Institution   *Institution
	Accounts      []accountView
	ExitError     *apiError
	ExitStatus    string
}

func invalidLinkToken() *apiError {
	return invalidInput("INVALID_LINK_TOKEN", "provided link token is invalid, expired or unknown")
}

// lookupLinkToken finds a live link_token (INVALID_LINK_TOKEN when unknown or expired).
func (e *Emulator) lookupLinkToken(token string) (linkTokenView, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	lt, ok := e.linkTokens[token]
	if !ok || !e.now().Before(lt.expires) {
		return linkTokenView{}, invalidLinkToken()
	}
	return lt.view.clone(), nil
}

// clone copies the view so Link can keep it without sharing the emulator's slices and map.
func (v linkTokenView) clone() linkTokenView {
	c := v
	c.Products = append([]string(nil), v.Products...)
	c.RequiredIfSupported = append([]string(nil), v.RequiredIfSupported...)
	c.CountryCodes = append([]string(nil), v.CountryCodes...)
	c.AccountFilters = make(map[string][]string, len(v.AccountFilters))
	for k, subs := range v.AccountFilters {
		c.AccountFilters[k] = append([]string(nil), subs...)
	}
	return c
}

// issuePublicToken limits the Item to the chosen accounts (Account Select) and returns a new
// public_token for it (one use, 30 minutes).
func (e *Emulator) issuePublicToken(itemID string, accountIDs []string) (string, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, ok := e.items[itemID]
	if !ok {
		return "", itemError("ITEM_NOT_FOUND", "the item does not exist or was removed", "")
	}
	chosen, perr := it.selectAccounts(accountIDs)
	if perr != nil {
		return "", perr
	}
	it.share(chosen)
	e.saveItemLocked(it)
	return e.newPublicTokenLocked(it.id), nil
}

// newPublicTokenLocked mints a public_token for an Item. Callers hold e.mu.
func (e *Emulator) newPublicTokenLocked(itemID string) string {
	return e.storePublicTokenLocked(e.newPublicToken(), itemID)
}

// storePublicTokenLocked makes tok, minted before the lock was taken, a public_token for an
// Item. Callers hold e.mu.
func (e *Emulator) storePublicTokenLocked(tok, itemID string) string {
	e.pruneLocked()
	e.publicTokens[tok] = &publicTokenState{itemID: itemID, expires: e.now().Add(publicTokenLifetime)}
	e.savePublicTokenLocked(tok, e.publicTokens[tok])
	return tok
}

// recordLinkResult stores a finished session on its link_token (Hosted Link reads it back).
// Unknown tokens are ignored: the session can outlive nothing else that would read it.
func (e *Emulator) recordLinkResult(linkToken string, res linkResult) {
	e.mu.Lock()
	defer e.mu.Unlock()
	lt, ok := e.linkTokens[linkToken]
	if !ok {
		return
	}
	res.Accounts = append([]accountView(nil), res.Accounts...)
	lt.results = append(lt.results, recordedResult{linkResult: res, finished: e.now()})
	e.saveLinkTokenLocked(linkToken, lt)
}
