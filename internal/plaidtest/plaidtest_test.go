package plaidtest

import (
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
)

// TestTransportReachesPlaidsNamesOnly: through Transport, the CDN and the environment's API
// host answer as the emulator (the script, and Plaid's error for a call without keys); the
// other environment's host does not resolve; without the test CA the certificate is refused.
func TestTransportReachesPlaidsNamesOnly(t *testing.T) {
	srv := Start(t, "sandbox")
	client := &http.Client{Transport: srv.Transport()}
	body := get(t, client, "https://cdn.plaid.com/link/v2/stable/link-initialize.js")
	if !strings.Contains(body, "Plaid.create") {
		t.Errorf("the CDN's script is not Link's: %.200s", body)
	}
	resp, err := client.Post("https://sandbox.plaid.com/link/token/create", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 400 || !strings.Contains(string(b), "error_code") {
		t.Errorf("the API host answered %d %s, want Plaid's 400 error", resp.StatusCode, b)
	}
	var dns *net.DNSError
	if _, err := client.Get("https://production.plaid.com/"); !errors.As(err, &dns) {
		t.Errorf("production.plaid.com from a sandbox server: %v, want a DNS error", err)
	}
	var unknown x509.UnknownAuthorityError
	untrusted := &http.Client{Transport: srv.UntrustedTransport()}
	if _, err := untrusted.Get("https://cdn.plaid.com/link/v2/stable/link-initialize.js"); !errors.As(err, &unknown) {
		t.Errorf("without the test CA: %v, want an unknown authority", err)
	}
}

// TestChromiumReachesTheImpersonatedCDN: Chromium with ChromiumFlags loads Link's script from
// https://cdn.plaid.com, certificate accepted, as a page loading Plaid's script would.
func TestChromiumReachesTheImpersonatedCDN(t *testing.T) {
	srv := Start(t, "sandbox")
	tab := browsertest.StartWith(t, srv.ChromiumFlags()...)
	err := chromedp.Do(tab, chromedp.Navigate("https://cdn.plaid.com/link/v2/stable/link-initialize.js"))
	var text string
	if err == nil {
		text, err = chromedp.Run(tab, chromedp.Text(chromedp.CSS("body")))
	}
	if err != nil || !strings.Contains(text, "Plaid.create") {
		t.Fatalf("Chromium did not get Link's script from the impersonated CDN: %v %.200s", err, text)
	}
}

func get(t *testing.T, c *http.Client, url string) string {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
