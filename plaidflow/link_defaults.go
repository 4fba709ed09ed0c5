package plaidflow

import (
	"encoding/json"
	"strings"
)

// Link's defaults and the sandbox shortcut's, in one place: the terminal UI's options screen,
// `run`, replay and the request builder all start from these, so a walk in one front end
// sends what a walk in another does.

// Defaults of /link/token/create. DefaultUserID is the client_user_id every walk sends: Plaid
// requires one, and a fixed, obviously local value keeps saved sessions comparable.
const (
	DefaultClientName = "plaidwalk"
	DefaultLanguage   = "en"
	DefaultUserID     = "plaidwalk-local-user"
	DefaultCountry    = "US"
)

// Sandbox defaults of the shortcut (/sandbox/public_token/create): a bank with every US
// product and the test user that logs in without MFA.
const (
	DefaultInstitutionID = "ins_109508" // First Platypus Bank
	DefaultUsername      = "user_good"
	DefaultPassword      = "pass_good"
)

// CustomUsername is Plaid's Sandbox user whose password is a JSON configuration of the Item
// (its accounts, balances, numbers, owners, a security check or a forced error): what support
// uses to reproduce a customer's account set. CustomUserExample is a working one to start from.
const (
	CustomUsername = "user_custom"
	// DynamicUsername's Item gains, posts and changes transactions on each /transactions/refresh.
	DynamicUsername   = "user_transactions_dynamic"
	CustomUserExample = `{"override_accounts":[{"type":"depository","subtype":"checking","starting_balance":1250.75,` +
		`"meta":{"name":"Customer Checking","mask":"4321"},"numbers":{"account":"123456784321","ach_routing":"011401533"}}]}`
)

// IsCustomConfig reports whether a password is a custom user's configuration: a JSON object,
// other than user_good's reCAPTCHA passwords ({"recaptcha":"good"} / "bad").
func IsCustomConfig(password string) bool {
	var obj map[string]json.RawMessage
	if !strings.HasPrefix(strings.TrimSpace(password), "{") || json.Unmarshal([]byte(password), &obj) != nil {
		return false
	}
	_, recaptcha := obj["recaptcha"]
	return !(recaptcha && len(obj) == 1)
}

// ShortcutUsername is the user the shortcut logs in as: the one given, or when none was given,
// user_custom for a custom configuration and user_good otherwise, so that a JSON password
// alone (run --password '{...}') reproduces a custom account set.
func ShortcutUsername(given, password string) string {
	switch {
	case given != "":
		return given
	case IsCustomConfig(password):
		return CustomUsername
	}
	return DefaultUsername
}

// DefaultLinkConfig is a working LinkConfig for a partner under a Config: the partner's
// products plus any PLAID_PRODUCTS, PLAID_COUNTRY_CODES or else the partner's countries.
func DefaultLinkConfig(cfg Config, p Partner) LinkConfig {
	var products []string
	for _, prod := range append(append([]string(nil), p.Products...), cfg.Products...) {
		products = appendUnique(products, prod)
	}
	countries := cfg.CountryCodes
	if len(countries) == 0 {
		countries = p.Countries
	}
	return LinkConfig{
		Products:     products,
		CountryCodes: append([]string(nil), countries...),
		RedirectURI:  cfg.RedirectURI,
		// Real integrations filter Link to the accounts their partner can take, so the user
		// cannot pick a credit card for an ACH partner in the first place.
		AccountFilters: partnerFilters(p),
	}.withDefaults()
}

// withDefaults fills the fields Plaid requires that lc leaves empty. linkTokenRequest applies
// it too, so a LinkConfig built by hand or read from an old session still makes a valid call.
func (lc LinkConfig) withDefaults() LinkConfig {
	lc.ClientName = nonEmpty(lc.ClientName, DefaultClientName)
	lc.Language = nonEmpty(lc.Language, DefaultLanguage)
	lc.UserID = nonEmpty(lc.UserID, DefaultUserID)
	if len(lc.CountryCodes) == 0 {
		lc.CountryCodes = []string{DefaultCountry}
	}
	return lc
}
