package emulator

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
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
