package tui

import (
	"errors"
	"fmt"
	"net"
	"net/url"
	"strings"
	"syscall"
	"testing"

	"plaidwalk/plaidflow"
)

// A network failure is not a Plaid error: the panel says what to check besides the cause.
func TestNetworkErrorShowsAHint(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvSandbox, "dwolla"), keyMsg("enter"))
	refused := &url.Error{Op: "Post", URL: "https://sandbox.plaid.com/link/token/create",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	v := send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: refused}).View()
	mustContain(t, v, "cause", "connection refused", "hint", "network", "PLAID_ENV", "PLAID_BASE_URL")
	dns := &net.DNSError{Err: "no such host", Name: "sandbox.plaid.com", IsNotFound: true}
	v = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: fmt.Errorf("/link/token/create: %w", dns)}).View()
	mustContain(t, v, "no such", "hint", "PLAID_BASE_URL")
	// plaidflow's own hint wins when it has one.
	ce := &plaidflow.ConnectionError{Endpoint: "/link/token/create", Host: "http://127.0.0.1:9", Err: refused, Hint: "Nothing answered at the base URL."}
	v = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: ce}).View()
	mustContain(t, v, "hint", "Nothing answered at the base URL.")
	if v := send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: errors.New("something odd")}).View(); strings.Contains(v, "hint") {
		t.Errorf("a hint for an error that is not about the network:\n%s", v)
	}
}

// At 80 columns the docs URL is too long to sit beside its label: it gets its own line,
// whole, rather than being broken in the middle.
func TestErrorPanelNeverBreaksURLs(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	pe := plaidErr()
	pe.DocsURL = "https://plaid.com/docs/errors/invalid-request/#missing_fields"
	for _, w := range []int{80, 100, 120} {
		v := send(m, resize(w, 30), stepFailedMsg{op: m.op, step: stepLinkToken, err: pe}).View()
		whole := false
		for _, line := range strings.Split(v, "\n") {
			whole = whole || strings.Contains(line, pe.DocsURL)
		}
		if !whole {
			t.Errorf("at %d columns the docs URL is not on one line:\n%s", w, v)
		}
	}
}

// The error panel's title says what failed in words, not "The Create the link_token step failed".
func TestErrorTitlesSayWhatFailed(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	m = send(m, keyMsg("enter"))
	m = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: &plaidflow.PlaidError{Code: "INVALID_FIELD", Message: "bad"}})
	v := m.View()
	mustContain(t, v, "Creating the link_token failed")
	if strings.Contains(v, "The Create") {
		t.Errorf("old title:\n%s", v)
	}
}
