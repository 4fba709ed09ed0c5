package plaidflow

import (
	"errors"
	"fmt"
	"net"
	"net/url"

	"plaidwalk/internal/termtext"
)

// CheckHostedLinkURL vets the hosted_link_url /link/token/create returned before anything
// prints it, copies it or hands it to a browser: the host chose it, and a file: or javascript:
// address, or one carrying terminal escapes, must go no further. Plaid's page is https; plain
// http is accepted only on loopback, where an emulator serves it.
func CheckHostedLinkURL(raw string) (string, error) {
	if raw == "" {
		return "", errors.New("/link/token/create returned no hosted_link_url: this Plaid host did not turn Hosted Link on for the token; open Link in the browser instead")
	}
	u, err := url.Parse(raw)
	if err == nil && u.Host != "" && termtext.SingleLine(raw) == raw &&
		(u.Scheme == "https" || u.Scheme == "http" && isLoopbackHost(u.Hostname())) {
		return u.String(), nil
	}
	return "", fmt.Errorf("/link/token/create returned a hosted_link_url plaidwalk will not open (%q): it must be https, or http on 127.0.0.1; open Link in the browser instead",
		termtext.SingleLine(raw))
}

func isLoopbackHost(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
