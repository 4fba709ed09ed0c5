package emulator

import (
	"crypto/tls"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestImpersonationIsOptInAndOverTLSOnly: Plaid's names are answered only when a test's
// Impersonation lists them and only over TLS; without it the loopback-only defence stands.
func TestImpersonationIsOptInAndOverTLSOnly(t *testing.T) {
	as := Impersonation{Env: "production", Hosts: []string{"production.plaid.com"}, LinkHost: "cdn.plaid.com"}
	cases := []struct {
		name string
		opts Options
		tls  bool
		want int
	}{
		{"default refuses Plaid's name", Options{}, true, http.StatusForbidden},
		{"impersonation over plain http is refused", Options{Impersonate: as}, false, http.StatusForbidden},
		{"impersonation over TLS is answered", Options{Impersonate: as}, true, http.StatusNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest(http.MethodGet, "https://production.plaid.com/nowhere", nil)
			if !tc.tls {
				r.TLS = nil
			} else if r.TLS == nil {
				r.TLS = &tls.ConnectionState{}
			}
			w := httptest.NewRecorder()
			New(tc.opts).ServeHTTP(w, r)
			if w.Code != tc.want {
				t.Errorf("status %d, want %d: %s", w.Code, tc.want, w.Body)
			}
		})
	}
}

// TestImpersonatedProductionTokens: tokens carry the environment played, and production has
// no /sandbox/ endpoints.
func TestImpersonatedProductionTokens(t *testing.T) {
	prod := New(Options{Impersonate: Impersonation{Env: "production"}})
	if tok := prod.newLinkToken(); !strings.HasPrefix(tok, "link-production-") {
		t.Errorf("production link token %q", tok)
	}
	if tok := New(Options{}).tokenString("access", newTokenKey()); !strings.HasPrefix(tok, "access-sandbox-") {
		t.Errorf("default access token %q", tok)
	}
	if prod.serves("/sandbox/public_token/create") || !prod.serves("/link/token/create") {
		t.Error("production should serve /link/token/create and no /sandbox/ endpoint")
	}
}
