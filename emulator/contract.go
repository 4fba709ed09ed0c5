package emulator

// CONTRACT (skeleton): what cmd, the tests of other packages, and the emulated Link files
// (emulator/link_*.go, written by the Link work) use. The API work implements it and may add
// to it; changing or removing needs a strong reason. This comment goes away once built.

import (
	"context"
	"errors"
	"net/http"
	"time"
)

// The emulator's test keys: printed by `plaidwalk emulator`, the only keys it accepts.
const (
	TestClientID = "6a1f0ff11e0e0a1a70e00001"
	TestSecret   = "0ff11ne5ec4e70000000000000000a"
)

// Options tune an Emulator; the zero value is Plaid's sandbox behaviour.
type Options struct {
	Now              func() time.Time // injectable clock; nil: time.Now
	AssetReportDelay time.Duration    // how long /asset_report/get answers PRODUCT_NOT_READY; 0: 2s
}

// Emulator is the offline Plaid: an http.Handler, safe for concurrent use.
type Emulator struct{}

// New makes an Emulator with empty state.
func New(o Options) *Emulator { return &Emulator{} }

func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	http.Error(w, "not built", http.StatusNotImplemented)
}

// Serve listens on addr (127.0.0.1:0 when empty; anything not loopback is refused) and serves
// until ctx ends or stop is called. baseURL is http://127.0.0.1:PORT.
func (e *Emulator) Serve(ctx context.Context, addr string) (baseURL string, stop func(), err error) {
	return "", nil, errors.New("emulator: not built yet")
}

// Start is New(Options{}) served on 127.0.0.1:0.
func Start(ctx context.Context) (baseURL string, stop func(), err error) {
	return New(Options{}).Serve(ctx, "")
}

// ---- What the emulated Link (link_*.go) needs from the API side's state. ----

// apiError is a Plaid error object with its HTTP status. writeError renders it with a
// request_id, documentation_url and suggested_action as Plaid does.
type apiError struct {
	Status         int
	Type           string
	Code           string
	Message        string
	DisplayMessage string
}

func (e *apiError) Error() string { return e.Type + "/" + e.Code }

func (e *Emulator) writeError(w http.ResponseWriter, r *http.Request, pe *apiError) {}

// Institution is a sandbox institution.
type Institution struct {
	ID        string
	Name      string
	Countries []string
	Products  []string
	OAuth     bool
	Status    string // "healthy", "degraded", "down"
	// Unsupported institutions fail every login with INSTITUTION_NOT_SUPPORTED-style errors.
	Unsupported bool
}

// institutions lists the sandbox institutions in search order.
func (e *Emulator) institutions() []Institution { return nil }

// linkTokenView is what Link needs to know of a link_token.
type linkTokenView struct {
	Token          string
	ClientName     string
	Language       string
	Products       []string
	CountryCodes   []string
	RedirectURI    string
	AccountFilters map[string][]string // type -> allowed subtypes; empty map: all accounts
	MultiSelect    bool                // link_customization_name "multi_select"
}

// lookupLinkToken finds a live link_token (INVALID_LINK_TOKEN when unknown or expired).
func (e *Emulator) lookupLinkToken(token string) (linkTokenView, *apiError) {
	return linkTokenView{}, &apiError{}
}

// accountView is one account of an Item as Link shows it.
type accountView struct {
	ID, Name, Mask, Type, Subtype string
	Available, Current            *float64
}

// itemView is a just-created Item.
type itemView struct {
	ItemID      string
	Institution Institution
	Accounts    []accountView
}

// createItem logs the test user in at an institution as the sandbox does (user_good /
// pass_good and the other sandbox users; an error_<CODE> password yields that Plaid error)
// and makes an Item with the given products. Link calls it after any MFA step passes.
func (e *Emulator) createItem(institutionID, username, password string, products []string) (itemView, *apiError) {
	return itemView{}, &apiError{}
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

// issuePublicToken limits the Item to the chosen accounts (Account Select) and returns a new
// public_token for it (one use, 30 minutes).
func (e *Emulator) issuePublicToken(itemID string, accountIDs []string) (string, *apiError) {
	return "", &apiError{}
}

// recordLinkResult stores a finished session on its link_token (Hosted Link reads it back).
func (e *Emulator) recordLinkResult(linkToken string, res linkResult) {}
