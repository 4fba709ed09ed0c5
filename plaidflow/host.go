package plaidflow

import (
	"net/url"
	"strings"

	"plaidwalk/internal/termtext"
)

// plaidHosts are Plaid's own API hosts. PLAID_BASE_URL naming one of them changes nothing a
// user needs told; naming anything else (`plaidwalk emulator`, a proxy, a mock) means the
// data is not Plaid's, whatever PLAID_ENV says.
var plaidHosts = map[string]bool{
	"sandbox.plaid.com":     true,
	"production.plaid.com":  true,
	"development.plaid.com": true,
}

// CustomHost is the API host of a keyed Config when it is not one of Plaid's (PLAID_BASE_URL
// or --base-url pointing elsewhere), else "". Offline is always the built-in emulator, so it
// has none.
func CustomHost(cfg Config) string {
	if cfg.Env == EnvOffline || cfg.BaseURL == "" {
		return ""
	}
	u, err := url.Parse(cfg.BaseURL)
	if err != nil {
		return termtext.SingleLine(strings.TrimRight(cfg.BaseURL, "/"))
	}
	if u.Scheme == "https" && plaidHosts[strings.ToLower(u.Hostname())] {
		return ""
	}
	u.User = nil // a password in the URL is never shown or saved
	return termtext.SingleLine(strings.TrimRight(u.String(), "/"))
}
