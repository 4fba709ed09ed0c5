package plaidflow

import (
	"net/url"
	"sort"
	"strings"
)

// linkProducts are the values of /link/token/create's `products` that plaidwalk offers (a
// subset of the Products enum of plaid-go v43's spec). `balance` is deliberately absent:
// Plaid answers INVALID_PRODUCT for it.
var linkProducts = []string{
	"assets", "auth", "credit_details", "employment", "identity",
	"identity_match", "identity_verification", "income", "income_verification", "investments",
	"investments_auth", "liabilities", "payment_initiation", "recurring_transactions", "signal",
	"standing_orders", "statements", "transactions", "transfer",
}

// countryCodes are the country codes Link accepts.
var countryCodes = []string{
	"AT", "BE", "CA", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "IE", "IT", "LT", "LV", "NL", "NO", "PL", "PT", "SE", "US",
}

// IsLinkProduct reports whether p may be listed in /link/token/create's products.
func IsLinkProduct(p string) bool { return contains(linkProducts, p) }

// IsCountryCode reports whether cc is a country code Link accepts.
func IsCountryCode(cc string) bool { return contains(countryCodes, cc) }

func contains(list []string, v string) bool {
	i := sort.SearchStrings(list, v)
	return i < len(list) && list[i] == v
}

func splitList(s string) []string {
	var out []string
	for _, f := range strings.Split(s, ",") {
		if f = strings.TrimSpace(f); f != "" {
			out = append(out, f)
		}
	}
	return out
}

func parseProducts(s string) ([]string, error) {
	var out []string
	for _, p := range splitList(strings.ToLower(s)) {
		switch {
		case p == "balance":
			return nil, &ConfigError{VarProducts, "balance is not a Link product (Plaid answers INVALID_PRODUCT)",
				"remove it: balances come with any other product, e.g. " + VarProducts + "=auth"}
		case !IsLinkProduct(p):
			return nil, &ConfigError{VarProducts, "unknown product " + quote(p),
				"use a comma list of Link products, from: " + strings.Join(linkProducts, ",")}
		}
		out = appendUnique(out, p)
	}
	return out, nil
}

func parseCountryCodes(s string) ([]string, error) {
	var out []string
	for _, cc := range splitList(strings.ToUpper(s)) {
		if !IsCountryCode(cc) {
			return nil, &ConfigError{VarCountryCodes, "unknown or unsupported country code " + quote(cc),
				"use two-letter codes Link supports, e.g. US,CA (all: " + strings.Join(countryCodes, ",") + ")"}
		}
		out = appendUnique(out, cc)
	}
	return out, nil
}

// checkRedirectURI applies Plaid's rules: https, or http://localhost in Sandbox, and no query
// or fragment. The URI must also be allow-listed on the Dashboard, which only Plaid can check.
func checkRedirectURI(s string, env Env) (string, error) {
	if s == "" {
		return "", nil
	}
	bad := func(problem string) error {
		return &ConfigError{VarRedirectURI, problem,
			"use an https URI allow-listed on the Dashboard (Developers > API), or http://localhost:PORT/path in sandbox, without ? or #"}
	}
	u, err := url.Parse(s)
	if err != nil || u.Host == "" {
		return "", bad(quote(s) + " is not an absolute URI")
	}
	if u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.ContainsAny(s, "?#") {
		return "", bad(quote(s) + " has a query or fragment, which Plaid refuses")
	}
	switch {
	case u.Scheme == "https":
	case u.Scheme == "http" && u.Hostname() == "localhost" && env != EnvProduction:
	case u.Scheme == "http" && u.Hostname() == "localhost":
		return "", bad("http://localhost is only allowed in sandbox, not production")
	default:
		return "", bad(quote(s) + " must use https (http only for localhost in sandbox)")
	}
	return s, nil
}

func checkBaseURL(s string) (string, error) {
	if s == "" {
		return "", nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return "", &ConfigError{VarBaseURL, quote(s) + " is not an http(s) base URL",
			"use the URL 'plaidwalk emulator' printed (http://127.0.0.1:PORT) or a Plaid host, or unset it"}
	}
	return strings.TrimRight(s, "/"), nil
}

func appendUnique(list []string, v string) []string {
	for _, x := range list {
		if x == v {
			return list
		}
	}
	return append(list, v)
}
