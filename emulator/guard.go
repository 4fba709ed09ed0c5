package emulator

import (
	"net"
	"net/http"
	"strconv"
	"strings"
)

// The emulator hands out (fake) bank tokens on a loopback port with public test keys, so the
// checks here keep web pages out: a page on evil.example whose name is rebound to 127.0.0.1
// still sends Host: evil.example (refused by checkHost), and a page on any other origin still
// sends its Origin (refused on the API by serveAPI, on Link's endpoints by checkLinkOrigin).

// loopbackName returns the host part of a Host header when it names this machine:
// localhost, an IPv4 literal in 127.0.0.0/8 or [::1], with or without a port.
func loopbackName(hostport string) (string, bool) {
	if port, ok := strings.CutPrefix(hostport, "127.0.0.1:"); ok && strings.Trim(port, "0123456789") == "" {
		return "127.0.0.1", true // what clients send nearly always, read without parsing
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	} else if strings.HasPrefix(host, "[") && strings.HasSuffix(host, "]") {
		host = host[1 : len(host)-1]
	}
	host = strings.ToLower(host)
	if host == "localhost" {
		return host, true
	}
	ip := net.ParseIP(host)
	return host, ip != nil && ip.IsLoopback()
}

// checkHost refuses requests whose Host header is not a loopback name (DNS rebinding), or
// one of the names a test's Impersonation plays.
func (e *Emulator) checkHost(r *http.Request) *apiError {
	if _, ok := loopbackName(r.Host); ok {
		return nil
	}
	if _, ok := e.impersonated(r); ok {
		return nil
	}
	return &apiError{Status: http.StatusForbidden, Type: "INVALID_REQUEST", Code: "INVALID_HEADERS",
		Message: "the Host header " + strconv.Quote(r.Host) + " does not name this machine: the offline emulator " +
			"answers only requests addressed to localhost, 127.x.x.x or [::1] (so a web page cannot reach it " +
			"through DNS rebinding); call it at the address it printed when it started"}
}

// checkLinkOrigin lets the emulated Link's endpoints be called by Link's own pages (a
// same-origin fetch sends the emulator's origin) and by programs (no Origin), never by
// another page: any page may frame Link, but only Link may log in, pick accounts or finish.
func checkLinkOrigin(r *http.Request) *apiError {
	origin := r.Header.Get("Origin")
	scheme := "http://"
	if r.TLS != nil { // served as Plaid's CDN, in tests: Link's pages are on https://cdn.plaid.com
		scheme = "https://"
	}
	if origin == "" || origin == scheme+strings.ToLower(r.Host) {
		return nil
	}
	return &apiError{Status: http.StatusForbidden, Type: "INVALID_REQUEST", Code: "INVALID_HEADERS",
		Message: "the emulated Link endpoints answer only the emulated Link's own pages; this call came from " +
			strconv.Quote(origin) + ": open Link through Plaid.create or the hosted_link_url instead"}
}

// ownAddress is the loopback address the request came in on, taken from the connection (what
// the emulator listens on, or the test server in front of it), never from headers a client
// chose. It is what URLs the emulator hands out point at.
func ownAddress(r *http.Request) (*net.TCPAddr, *apiError) {
	addr, _ := r.Context().Value(http.LocalAddrContextKey).(*net.TCPAddr)
	if addr == nil || !addr.IP.IsLoopback() {
		return nil, &apiError{Status: http.StatusInternalServerError, Type: "API_ERROR", Code: "INTERNAL_SERVER_ERROR",
			Message: "the emulator cannot tell which loopback address it is served on, so it cannot build a URL to itself; serve it with Emulator.Serve or an http.Server on 127.0.0.1"}
	}
	return addr, nil
}

// ownBaseURL is http://ADDRESS of the emulator itself, e.g. http://127.0.0.1:4010; when it
// plays Plaid, https://LinkHost, where the test serves its Link pages.
func (e *Emulator) ownBaseURL(r *http.Request) (string, *apiError) {
	if _, ok := e.impersonated(r); ok && e.as.LinkHost != "" {
		return "https://" + e.as.LinkHost, nil
	}
	addr, perr := ownAddress(r)
	if perr != nil {
		return "", perr
	}
	return "http://" + addr.String(), nil
}

// linkPageBaseURL is the emulator's base URL under the loopback name the Link page was opened
// with (localhost or an IP): pages it opens, such as the OAuth bank, must share Link's origin
// for their postMessage to be accepted. Only the name comes from the (already checked) Host
// header; the port is the emulator's own.
func (e *Emulator) linkPageBaseURL(r *http.Request) (string, *apiError) {
	if host, ok := e.impersonated(r); ok { // Link opened from the CDN it plays
		return "https://" + host, nil
	}
	addr, perr := ownAddress(r)
	if perr != nil {
		return "", perr
	}
	name, ok := loopbackName(r.Host)
	if !ok {
		name = addr.IP.String()
	}
	return "http://" + net.JoinHostPort(name, strconv.Itoa(addr.Port)), nil
}
