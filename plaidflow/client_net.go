package plaidflow

import (
	"crypto/x509"
	"errors"
	"net"
	"net/http"
)

// ClientOptions change how a Client reaches the network. The zero value is what every user
// gets: Go's default transport, the system's DNS and certificate store.
type ClientOptions struct {
	// Transport replaces the default transport; the client takes it over (Close closes its
	// idle connections). Tests set one whose dialer sends Plaid's hosts to a loopback server
	// and whose TLS config trusts that server's test CA, so the https path to Plaid runs
	// unchanged; the program never sets it, and no flag or variable can.
	Transport *http.Transport
}

func (o ClientOptions) transport() *http.Transport {
	if o.Transport != nil {
		return o.Transport
	}
	// Each client has its own connection pool, so Close can release it.
	return http.DefaultTransport.(*http.Transport).Clone()
}

// networkHint says what to check when host gave no answer, by why: a name that does not
// resolve and a certificate this machine does not trust each have their own fix, which a
// generic "check the network" would hide. It returns "" for other failures.
func networkHint(host string, err error) string {
	var dns *net.DNSError
	var unknownCA x509.UnknownAuthorityError
	var badHost x509.HostnameError
	var invalid x509.CertificateInvalidError
	switch {
	case errors.As(err, &dns):
		return "The name in " + host + " did not resolve (DNS): check this machine's network and DNS settings (or VPN); unset PLAID_CLIENT_ID and PLAID_SECRET to run offline against the built-in emulator instead."
	case errors.As(err, &unknownCA), errors.As(err, &badHost), errors.As(err, &invalid):
		return "The certificate " + host + " presented is not one this machine trusts, so nothing was sent: a proxy or antivirus that inspects HTTPS does this; add its CA to the system's trust store (or SSL_CERT_FILE), or exempt *.plaid.com from it."
	}
	return ""
}
