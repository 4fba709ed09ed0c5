package linkserver

import "strings"

// The page's options come from plaidflow.LinkPageFor in the product (linkserver takes them as
// given); these fill them the same way for the tests of this package, which do not import
// plaidflow.

// EnvOffline is the EnvLabel of the offline emulator; the page says its tokens are not real.
const EnvOffline = "offline emulator"

// PlaidScriptURL is Link's script; Plaid asks that it always come from its CDN.
const PlaidScriptURL = "https://cdn.plaid.com/link/v2/stable/link-initialize.js"

// plaidCDN is the origin Link's iframe comes from.
const plaidCDN = "https://cdn.plaid.com"

// PlaidOptions fills the script and CSP fields for Plaid's real Link in env ("sandbox" or
// "production"): the CDN script, frames from the CDN, and the environment's API host.
func PlaidOptions(o Options, env string) Options {
	o.ScriptURL = PlaidScriptURL
	o.FrameOrigins = []string{plaidCDN}
	o.ConnectOrigins = []string{"https://" + env + ".plaid.com"}
	o.EnvLabel = env
	return o
}

// EmulatorOptions fills them for the offline emulator at baseURL (http://127.0.0.1:PORT).
func EmulatorOptions(o Options, baseURL string) Options {
	base := strings.TrimRight(baseURL, "/")
	o.ScriptURL = base + "/link/v2/stable/link-initialize.js"
	o.FrameOrigins = []string{base}
	o.ConnectOrigins = []string{base}
	o.EnvLabel, o.Offline = EnvOffline, true
	return o
}
