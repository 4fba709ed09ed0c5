package linkserver_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
	"plaidwalk/linkserver"
)

// startWebhookRig runs an emulator with a short Asset Report delay and the walk's webhook
// server checking signatures with that emulator's keys.
func startWebhookRig(t *testing.T) (*plaid.APIClient, *linkserver.WebhookServer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	baseURL, stop, err := emulator.New(emulator.Options{AssetReportDelay: 50 * time.Millisecond}).Serve(ctx, "")
	if err != nil {
		t.Fatalf("emulator: %v", err)
	}
	t.Cleanup(stop)
	srv, err := linkserver.StartWebhooks(ctx, linkserver.NewKeySource(baseURL, emulator.TestClientID, emulator.TestSecret))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	return newPlaidClient(baseURL), srv
}

// TestWebhookServerTellsTheWalkItsReportIsReady: an Asset Report made with the server's URL
// as its webhook brings a verified ASSETS PRODUCT_READY, which releases AssetReportReady for
// that report (and not for another), arrives on Webhooks and is kept by Received.
func TestWebhookServerTellsTheWalkItsReportIsReady(t *testing.T) {
	api, srv := startWebhookRig(t)
	ctx := context.Background()
	if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") || len(srv.URL()) < len("http://127.0.0.1:1/")+43+len("/webhook") {
		t.Fatalf("URL %q: want loopback with a secret path", srv.URL())
	}
	pt, _, err := api.PlaidApi.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(
		*plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_ASSETS})).Execute()
	if err != nil {
		t.Fatal(err)
	}
	ex, _, err := api.PlaidApi.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(pt.PublicToken)).Execute()
	if err != nil {
		t.Fatal(err)
	}
	req := plaid.NewAssetReportCreateRequest(30)
	req.SetAccessTokens([]string{ex.AccessToken})
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetWebhook(srv.URL())
	req.SetOptions(*opts)
	rep, _, err := api.PlaidApi.AssetReportCreate(ctx).AssetReportCreateRequest(*req).Execute()
	if err != nil {
		t.Fatal(err)
	}
	other, auth := srv.AssetReportReady("some-other-report"), srv.Arrived("AUTH")
	select {
	case <-srv.AssetReportReady(rep.AssetReportId):
	case <-time.After(10 * time.Second):
		t.Fatalf("no PRODUCT_READY for %s; received %+v", rep.AssetReportId, srv.Received())
	}
	select {
	case <-other:
		t.Error("another report's wait was released")
	case <-auth:
		t.Error("PRODUCT_READY released a wait for an AUTH webhook")
	default:
	}
	select { // a type already received releases a wait for it at once
	case <-srv.Arrived("ASSETS"):
	default:
		t.Error("a wait for ASSETS blocks after PRODUCT_READY came")
	}
	got := <-srv.Webhooks()
	if !got.Verified || got.WebhookType != "ASSETS" || got.WebhookCode != "PRODUCT_READY" || got.ItemID != rep.AssetReportId {
		t.Errorf("webhook = %+v", got)
	}
	if r := srv.Received(); len(r) != 1 || r[0].ReceivedAt.IsZero() {
		t.Errorf("Received = %+v", r)
	}
	select { // a report already ready releases a later wait at once
	case <-srv.AssetReportReady(rep.AssetReportId):
	default:
		t.Error("a second wait for a ready report blocks")
	}
}

// TestWebhookServerRefusesWhatIsNotAWebhook: no secret, a foreign Host, a page's Origin and a
// GET are refused and recorded nowhere; a forged PRODUCT_READY is kept unverified and
// releases nothing.
func TestWebhookServerRefusesWhatIsNotAWebhook(t *testing.T) {
	_, srv := startWebhookRig(t)
	body := `{"webhook_type":"ASSETS","webhook_code":"PRODUCT_READY","asset_report_id":"r1"}`
	noSecret := srv.URL()[:strings.LastIndex(srv.URL()[:len(srv.URL())-len("/webhook")], "/")] + "/webhook"
	for name, c := range map[string]struct {
		url  string
		set  func(*http.Request)
		want int
	}{
		"no secret": {noSecret, func(*http.Request) {}, http.StatusNotFound},
		"Host":      {srv.URL(), func(r *http.Request) { r.Host = "evil.example" }, http.StatusForbidden},
		"Origin":    {srv.URL(), func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, http.StatusForbidden},
		"GET":       {srv.URL(), func(r *http.Request) { r.Method = http.MethodGet }, http.StatusMethodNotAllowed},
	} {
		req, _ := http.NewRequest(http.MethodPost, c.url, strings.NewReader(body))
		c.set(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != c.want {
			t.Errorf("%s: status %d, want %d", name, resp.StatusCode, c.want)
		}
	}
	if r := srv.Received(); len(r) != 0 {
		t.Fatalf("refused requests were kept: %+v", r)
	}
	resp, err := http.Post(srv.URL(), "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if r := srv.Received(); len(r) != 1 || r[0].Verified || !strings.Contains(r[0].VerifyError, "Plaid-Verification") {
		t.Errorf("forged webhook kept as %+v; want unverified, saying why", r)
	}
	select {
	case <-srv.AssetReportReady("r1"):
		t.Error("an unsigned PRODUCT_READY released the wait")
	case <-srv.Arrived("ASSETS"):
		t.Error("an unsigned webhook released a wait for its type")
	default:
	}
}
