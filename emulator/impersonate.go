package emulator

import (
	"net/http"
	"slices"
	"strings"
)

// Impersonation makes the emulator play Plaid under Plaid's own names, for tests that run the
// real client unchanged (https to sandbox.plaid.com or production.plaid.com, Link's script from
// cdn.plaid.com) against a TLS server on loopback. The program never sets it: without it the
// emulator answers loopback names only (guard.go), which is its defence against DNS rebinding.
type Impersonation struct {
	// Env is the environment played, "sandbox" (the default) or "production": the tokens it
	// hands out carry it, as Plaid's do (link-production-…).
	Env string
	// Hosts are the names answered besides loopback ones, e.g. sandbox.plaid.com and
	// cdn.plaid.com. They are answered over TLS only, as Plaid answers them.
	Hosts []string
	// LinkHost is the name the emulated Link's pages are served under (cdn.plaid.com):
	// hosted_link_url points at https://LinkHost, since the API host serves no pages.
	LinkHost string
}

// env is the environment named in tokens: <kind>-<env>-<uuid>.
func (e *Emulator) env() string {
	if e.as.Env == "production" {
		return "production"
	}
	return "sandbox"
}

// impersonated says whether the request came over TLS addressed to one of the names the
// emulator plays; it returns that name in lower case.
func (e *Emulator) impersonated(r *http.Request) (string, bool) {
	if r.TLS == nil || len(e.as.Hosts) == 0 {
		return "", false
	}
	host := strings.ToLower(r.Host)
	if h, _, found := strings.Cut(host, ":"); found {
		host = h
	}
	return host, slices.Contains(e.as.Hosts, host)
}

// serves says whether the environment played has an API path: production has no /sandbox/
// endpoints, so a test that reaches one there gets Plaid's 404, as it would from Plaid.
func (e *Emulator) serves(path string) bool {
	return e.env() != "production" || !strings.HasPrefix(path, "/sandbox/")
}
