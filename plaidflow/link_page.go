package plaidflow

import "strings"

// LinkPage is what the local Link page loads and says, decided here once for both front ends
// (run and the UI render it into the page server's options): where Link's script comes
// from, the origins its Content-Security-Policy allows, the environment's label, and whether
// the page is the offline emulator's (it then says no real bank is contacted).
type LinkPage struct {
	ScriptURL      string
	FrameOrigins   []string // where Link's iframe comes from
	ConnectOrigins []string // what the page and Link may call
	EnvLabel       string   // EnvLabel(cfg): the same line run's header and the UI's banner give
	Offline        bool
}

// PlaidLinkScript is Link's script; Plaid asks that it always come from its CDN.
const PlaidLinkScript = "https://cdn.plaid.com/link/v2/stable/link-initialize.js"

// plaidCDN is the origin Link's iframe comes from.
const plaidCDN = "https://cdn.plaid.com"

// LinkPageFor is the Link page of cfg. Plaid's hosts get Plaid's Link from its CDN. The
// built-in emulator, or a host that is not Plaid's (PLAID_BASE_URL: `plaidwalk emulator`, a
// mock), serves the Link it emulates itself: Plaid's CDN would send Link to Plaid with a
// link_token Plaid never made.
func LinkPageFor(cfg Config) LinkPage {
	p := LinkPage{EnvLabel: EnvLabel(cfg), Offline: cfg.Env == EnvOffline}
	if cfg.BaseURL != "" && (cfg.Env == EnvOffline || CustomHost(cfg) != "") {
		base := strings.TrimRight(cfg.BaseURL, "/")
		p.ScriptURL = base + "/link/v2/stable/link-initialize.js"
		p.FrameOrigins, p.ConnectOrigins = []string{base}, []string{base}
		return p
	}
	p.ScriptURL = PlaidLinkScript
	p.FrameOrigins = []string{plaidCDN}
	p.ConnectOrigins = []string{strings.TrimRight(BaseURLFor(cfg), "/")}
	return p
}
