package emulator

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// knownProducts are the products the emulator lets Link and the institution lists name. The
// spec's Products enum, checked before the handler, has more (Plaid Check's cra_*, beacon,
// profile, ...): those answer INVALID_PRODUCT here, as Plaid does for a product a client has
// not been enabled for. (deposit_switch left the enum in v43 and is refused before this.)
var knownProducts = []string{"assets", "auth", "balance", "identity", "identity_match", "investments",
	"investments_auth", "liabilities", "payment_initiation", "identity_verification", "transactions",
	"credit_details", "income", "income_verification", "standing_orders", "transfer",
	"employment", "recurring_transactions", "signal", "statements"}

// knownCountries are the spec's CountryCode enum (v43 added AT and FI).
var knownCountries = []string{"US", "GB", "ES", "NL", "FR", "IE", "CA", "DE", "IT", "PL", "DK", "NO", "SE", "EE", "LT", "LV", "PT", "BE", "AT", "FI"}

var knownLanguages = []string{"da", "nl", "en", "et", "fr", "de", "hi", "it", "lv", "lt", "no", "pl", "pt", "ro", "es", "sv", "vi"}

type linkTokenCreateRequest struct {
	ClientName   string   `json:"client_name"`
	Language     string   `json:"language"`
	CountryCodes []string `json:"country_codes"`
	User         struct {
		ClientUserID string `json:"client_user_id"`
	}
	Products              []string `json:"products"`
	RequiredIfSupported   []string `json:"required_if_supported_products"`
	OptionalProducts      []string `json:"optional_products"`
	Webhook               string   `json:"webhook"`
	AccessToken           string   `json:"access_token"`
	LinkCustomizationName string   `json:"link_customization_name"`
	RedirectURI           string   `json:"redirect_uri"`
	AccountFilters        map[string]struct {
		Subtypes []string `json:"account_subtypes"`
	} `json:"account_filters"`
	Auth *struct {
		SameDay      *bool `json:"same_day_microdeposits_enabled"`
		InstantMD    *bool `json:"instant_microdeposits_enabled"`
		InstantMatch *bool `json:"instant_match_enabled"`
	} `json:"auth"`
	Statements *statementsDates `json:"statements"`
	HostedLink *struct {
		CompletionRedirectURI string `json:"completion_redirect_uri"`
		URLLifetimeSeconds    *int64 `json:"url_lifetime_seconds"`
	} `json:"hosted_link"`
}

type linkTokenCreateResponse struct {
	LinkToken     string `json:"link_token"`
	Expiration    string `json:"expiration"`
	RequestID     string `json:"request_id"`
	HostedLinkURL string `json:"hosted_link_url,omitempty"`
}

func (e *Emulator) linkTokenCreate(q *apiRequest) (any, *apiError) {
	var req linkTokenCreateRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := req.validate(); perr != nil {
		return nil, perr
	}
	all := append(append(append([]string(nil), req.Products...), req.RequiredIfSupported...), req.OptionalProducts...)
	stmts, perr := statementsWindowFor("statements.", all, req.Statements, time.Time{}, true)
	if perr != nil {
		return nil, perr
	}
	lifetime, target, perr := e.linkTokenLifetime(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	now := e.now()
	lt := newLinkTokenState(&req, e.newLinkToken(), target, stmts, now, lifetime)
	resp := linkTokenCreateResponse{LinkToken: lt.view.Token, RequestID: q.requestID}
	if req.HostedLink != nil {
		lt.view.CompletionRedirectURI = req.HostedLink.CompletionRedirectURI
		lt.expires = now.Add(hostedLinkTokenLifetime)
		if s := req.HostedLink.URLLifetimeSeconds; s != nil { // validate kept it in range
			lt.expires = now.Add(time.Duration(*s) * time.Second)
		}
		// The URL points at the address the call came in on, never at the Host header, which
		// the caller chose: a hosted_link_url is handed on to end users.
		base, perr := e.ownBaseURL(q.r)
		if perr != nil {
			return nil, perr
		}
		lt.hostedURL = base + "/link/emulated/hosted/" + lt.view.Token
		resp.HostedLinkURL = lt.hostedURL
	}
	resp.Expiration = lt.expires.UTC().Format(time.RFC3339)
	e.mu.Lock()
	e.linkTokens[lt.view.Token] = lt
	e.saveLinkTokenLocked(lt.view.Token, lt)
	e.pruneLocked()
	dropped := e.takePrunedLinkTokens()
	e.mu.Unlock()
	e.pruneLinkSessions(dropped)
	return resp, nil
}

// newLinkTokenState is what a new link_token keeps: the request's Link settings (copied, as
// the request's slices are the decoder's), the Item it updates, and when it expires.
func newLinkTokenState(req *linkTokenCreateRequest, token string, target updateTarget, stmts stmtWindow, now time.Time, lifetime time.Duration) *linkTokenState {
	lt := &linkTokenState{
		view: linkTokenView{
			Token: token, ClientName: req.ClientName, Language: req.Language,
			Products:            append([]string(nil), req.Products...),
			RequiredIfSupported: append([]string(nil), req.RequiredIfSupported...),
			CountryCodes:        req.CountryCodes, RedirectURI: req.RedirectURI,
			AccountFilters: map[string][]string{},
			MultiSelect:    req.LinkCustomizationName == "multi_select",
			Hosted:         req.HostedLink != nil,
			UpdateItemID:   target.itemID,
			StatementsFrom: stmts.from, StatementsTo: stmts.to,
		},
		created: now, expires: now.Add(lifetime), webhook: req.Webhook,
	}
	if target.itemID != "" {
		in := target.institution
		lt.view.UpdateInstitution = &in
	}
	for typ, f := range req.AccountFilters {
		lt.view.AccountFilters[typ] = append([]string(nil), f.Subtypes...)
	}
	if a := req.Auth; a != nil {
		lt.view.SameDayMicrodeposits = a.SameDay != nil && *a.SameDay
		lt.view.InstantMicrodeposits = a.InstantMD != nil && *a.InstantMD
		lt.view.NoInstantMatch = a.InstantMatch != nil && !*a.InstantMatch
	}
	return lt
}

// linkTokenLifetime is 4 hours, or 30 minutes in update mode (a link token for an existing
// Item, named by its access_token, which must be valid); in update mode it also names the Item.
func (e *Emulator) linkTokenLifetime(accessToken string) (time.Duration, updateTarget, *apiError) {
	if accessToken == "" {
		return linkTokenLifetime, updateTarget{}, nil
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	target, perr := e.updateTargetOf(accessToken)
	if perr != nil {
		return 0, updateTarget{}, perr
	}
	return updateModeLinkTokenLifetime, target, nil
}

// validate applies the checks Plaid makes on /link/token/create beyond field types.
func (req *linkTokenCreateRequest) validate() *apiError {
	switch {
	case strings.TrimSpace(req.ClientName) == "":
		return invalidRequest("INVALID_FIELD", "client_name must be a non-empty string")
	case !contains(knownLanguages, req.Language):
		return invalidRequest("INVALID_FIELD", "language must be one of: "+strings.Join(knownLanguages, ", "))
	case len(req.CountryCodes) == 0:
		return invalidRequest("INVALID_FIELD", "country_codes must list at least one country code")
	case strings.TrimSpace(req.User.ClientUserID) == "":
		return invalidRequest("INVALID_FIELD", "user.client_user_id must be a non-empty string")
	case req.AccessToken == "" && len(req.Products) == 0 && len(req.RequiredIfSupported) == 0 && len(req.OptionalProducts) == 0:
		return invalidRequest("MISSING_FIELDS", "the following required fields are missing: products")
	}
	for _, c := range req.CountryCodes {
		if !contains(knownCountries, c) {
			return invalidRequest("INVALID_FIELD", "country_codes contains an unknown country code: "+c)
		}
	}
	for _, list := range [][]string{req.Products, req.RequiredIfSupported, req.OptionalProducts} {
		if perr := checkProducts(list); perr != nil {
			return perr
		}
	}
	for typ, f := range req.AccountFilters {
		if len(f.Subtypes) == 0 {
			return invalidRequest("INVALID_FIELD", "account_filters."+typ+".account_subtypes must list at least one subtype")
		}
	}
	if perr := req.checkHostedLink(); perr != nil {
		return perr
	}
	if perr := checkWebhookURL("webhook", req.Webhook); perr != nil {
		return perr
	}
	return checkRedirectURI(req.RedirectURI)
}

// maxHostedURLLifetime is the longest url_lifetime_seconds Plaid takes: its spec says the
// value must be positive and at most 21 days.
const maxHostedURLLifetime = 21 * 24 * time.Hour

// checkHostedLink refuses an url_lifetime_seconds out of Plaid's range, as Plaid does, rather
// than letting a huge value overflow into an expiry centuries away.
func (req *linkTokenCreateRequest) checkHostedLink() *apiError {
	if req.HostedLink == nil || req.HostedLink.URLLifetimeSeconds == nil {
		return nil
	}
	if s := *req.HostedLink.URLLifetimeSeconds; s < 1 || s > int64(maxHostedURLLifetime/time.Second) {
		return invalidRequest("INVALID_FIELD", "hosted_link.url_lifetime_seconds must be between 1 and "+
			strconv.FormatInt(int64(maxHostedURLLifetime/time.Second), 10)+" (21 days); leave it out for the default lifetime")
	}
	return nil
}

// checkProducts refuses unknown products, and balance, which Plaid never takes as a Link
// product (balance data comes with any other product).
func checkProducts(products []string) *apiError {
	for _, p := range products {
		if p == "balance" {
			return invalidInput("INVALID_PRODUCT", "balance is not a valid product to initialize Link with; request another product such as auth or transactions and call /accounts/balance/get")
		}
		if !contains(knownProducts, p) {
			return invalidInput("INVALID_PRODUCT", "unknown product: "+p)
		}
	}
	return nil
}

// checkRedirectURI applies Plaid's rules: https (http only for localhost in Sandbox), no
// query string, no fragment.
func checkRedirectURI(raw string) *apiError {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	bad := err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || strings.Contains(raw, "#")
	if !bad && u.Scheme != "https" && !(u.Scheme == "http" && u.Hostname() == "localhost") {
		bad = true
	}
	if bad {
		return invalidRequest("INVALID_FIELD", "redirect_uri must be an https URL (http is allowed only for localhost in Sandbox) with no query string or fragment, and must be allow-listed for your client")
	}
	return nil
}
