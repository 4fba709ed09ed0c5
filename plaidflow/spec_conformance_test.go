package plaidflow

import (
	"context"
	"testing"

	"plaidwalk/emulator"
)

// TestLinkTokenOptionsConformToPlaidsSpec sends /link/token/create with every option
// plaidflow can set (account filters, webhook, link_customization_name, Hosted Link, redirect
// URI) and reads the result back; startEmulator's plaidspec check fails the test if any
// request or answer is not what Plaid's OpenAPI spec defines.
func TestLinkTokenOptionsConformToPlaidsSpec(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	c, log := fastClient(t, cfg)
	catalog, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range catalog.Runnable() {
		lc := DefaultLinkConfig(cfg, p)
		lc.Webhook = "https://example.com/plaid/webhook"
		lc.LinkCustomization = "multi_select"
		lc.HostedLink = true
		lc.RedirectURI = "http://localhost:8000/oauth"
		lt, err := c.CreateLinkToken(context.Background(), lc)
		if err != nil {
			t.Fatalf("%s: %v", p.ID, err)
		}
		if lt.HostedLinkURL == "" {
			t.Errorf("%s: Hosted Link asked for but no hosted_link_url", p.ID)
		}
		if _, err := c.LinkTokenResult(context.Background(), lt.Token); err != nil {
			t.Errorf("%s: /link/token/get: %v", p.ID, err)
		}
	}
	if len(log.Calls()) < 2*len(catalog.Runnable()) {
		t.Errorf("only %d calls were made", len(log.Calls()))
	}
}
