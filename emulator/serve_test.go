package emulator

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v20/plaid"
)

func TestServeRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:0", "example.com:80", "nonsense"} {
		if _, _, err := New(Options{}).Serve(context.Background(), addr); err == nil {
			t.Errorf("Serve(%q) listened; want a refusal", addr)
		}
	}
}

func TestStartServesPlaidGoUntilStopped(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	baseURL, stop, err := Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(baseURL, "http://127.0.0.1:") {
		t.Fatalf("baseURL %q", baseURL)
	}
	client := plaidClient(baseURL, TestClientID, TestSecret)
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
	ok(client.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(*req).Execute()).get(t)
	stop()
	stop() // idempotent
	httpClient := &http.Client{Timeout: 2 * time.Second}
	if resp, err := httpClient.Post(baseURL+"/item/get", "application/json", strings.NewReader("{}")); err == nil {
		resp.Body.Close()
		t.Fatal("emulator still answers after stop")
	}
}

func TestServeStopsWhenContextEnds(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	baseURL, _, err := New(Options{}).Serve(ctx, "localhost:0")
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	httpClient := &http.Client{Timeout: 2 * time.Second}
	for range 100 {
		resp, err := httpClient.Post(baseURL+"/item/get", "application/json", strings.NewReader("{}"))
		if err != nil {
			return
		}
		resp.Body.Close()
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("emulator still answers 2s after its context ended")
}

// TestConformanceCheckerCatchesBadBodies proves the recorder every test runs through would
// notice a response Plaid's spec forbids, an error that is not a PlaidError, and an accepted
// request the spec calls invalid.
func TestConformanceCheckerCatchesBadBodies(t *testing.T) {
	doc, router := loadPlaidSpec(t)
	exchange := func(path, reqBody string, status int, respBody string) string {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(reqBody))
		r.Header.Set("Content-Type", "application/json")
		raw, _ := io.ReadAll(r.Body)
		rec := httptest.NewRecorder()
		rec.Header().Set("Content-Type", "application/json")
		rec.WriteHeader(status)
		rec.WriteString(respBody)
		return checkExchange(doc, router, r, raw, rec)
	}
	if p := exchange("/item/remove", `{"access_token":"a"}`, 200, `{"request_id":"abcdeABCDE12345"}`); p != "" {
		t.Fatalf("a valid exchange was flagged: %s", p)
	}
	if p := exchange("/item/public_token/exchange", `{"public_token":"p"}`, 200, `{"request_id":"abcdeABCDE12345"}`); p == "" {
		t.Error("a response missing access_token and item_id passed")
	}
	if p := exchange("/item/remove", `{}`, 200, `{"request_id":"abcdeABCDE12345"}`); p == "" {
		t.Error("an accepted request missing access_token passed")
	}
	if p := exchange("/item/remove", `{"access_token":"a"}`, 400, `{"error_code":"X","request_id":"abcdeABCDE12345"}`); p == "" {
		t.Error("an error body missing error_type and error_message passed")
	}
	if p := exchange("/item/remove", `{"access_token":"a"}`, 200, `{"request_id":"short"}`); p == "" {
		t.Error("a request_id that is not 15 alphanumerics passed")
	}
}
