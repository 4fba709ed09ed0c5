package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// notURLs are webhooks Plaid refuses: no scheme, a scheme other than http(s), no host, spaces.
var notURLs = []string{"not a url", "example.com/hook", "ftp://example.com/hook", "https://", "https://exa mple.com/"}

// TestWebhooksMustBeURLs: every endpoint that takes a webhook refuses one that is not an http(s)
// URL with INVALID_FIELD naming the field, and accepts one that is.
func TestWebhooksMustBeURLs(t *testing.T) {
	h := newHarness(t)
	good := "https://example.com/plaid/webhook"
	linkToken := func(webhook string) *plaidCall {
		req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
		req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
		req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
		req.SetWebhook(webhook)
		return callOf(ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()))
	}
	sandboxToken := func(webhook string) *plaidCall {
		req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
		opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
		opts.SetWebhook(webhook)
		req.SetOptions(*opts)
		return callOf(ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()))
	}
	report := h.assetReport(30, h.connect(plaid.PRODUCTS_ASSETS)).get(t).AssetReportToken
	relay := func(webhook string) *plaidCall {
		req := plaid.NewCreditRelayCreateRequest([]string{report}, "alloy-client-1")
		req.SetWebhook(webhook)
		return callOf(ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(*req).Execute()))
	}
	cases := map[string]struct {
		do    func(string) *plaidCall
		field string
	}{
		"/link/token/create":           {linkToken, "webhook"},
		"/sandbox/public_token/create": {sandboxToken, "options.webhook"},
		"/credit/relay/create":         {relay, "webhook"},
	}
	for path, c := range cases {
		t.Run(path, func(t *testing.T) {
			if r := c.do(good); r.err != nil {
				t.Fatalf("a valid webhook was refused: %v", r.err)
			}
			for _, bad := range notURLs {
				pe := c.do(bad).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
				if !strings.HasPrefix(pe.ErrorMessage, c.field+" ") {
					t.Errorf("%q: message %q does not start with %s", bad, pe.ErrorMessage, c.field)
				}
			}
		})
	}
}
