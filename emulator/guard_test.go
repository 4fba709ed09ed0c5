package emulator

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// rawCall sends body to url with the Host header and extra headers given, over loopback,
// and returns the status and the decoded JSON answer.
func rawCall(t *testing.T, url, host, body string, headers map[string]string) (int, map[string]any) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		req.Header.Set(k, v)
	}
	if host != "" {
		req.Host = host
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(raw, &out); err != nil {
		t.Fatalf("%s answered non-JSON %q", url, raw)
	}
	return resp.StatusCode, out
}

const shortcutBody = `{"institution_id":"ins_109508","initial_products":["auth"]}`

// A name that a web page rebound to 127.0.0.1 is refused on the API and on Link's pages;
// every loopback spelling, with or without a port, is served.
func TestHostHeaderMustNameThisMachine(t *testing.T) {
	h := newHarness(t)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(h.url, "http://"))
	for _, host := range []string{"evil.example", "evil.example:" + port, "127.0.0.1.evil.example:" + port,
		"10.0.0.1:" + port, "0.0.0.0:" + port, "localhost.evil.example"} {
		for _, path := range []string{"/sandbox/public_token/create", "/link/emulated/api/session", linkScriptPath} {
			status, body := rawCall(t, h.url+path, host, shortcutBody, testKeys)
			msg, _ := body["error_message"].(string)
			if status != http.StatusForbidden || body["error_code"] != "INVALID_HEADERS" || !strings.Contains(msg, "Host") {
				t.Errorf("Host %q on %s: %d %v, want 403 INVALID_HEADERS naming the Host", host, path, status, body)
			}
		}
	}
	for _, host := range []string{"127.0.0.1:" + port, "localhost:" + port, "LocalHost:" + port, "127.8.9.10:" + port,
		"[::1]:" + port, "[::1]", "127.0.0.1", "localhost"} {
		status, body := rawCall(t, h.url+"/sandbox/public_token/create", host, shortcutBody, testKeys)
		if status != http.StatusOK || !strings.HasPrefix(body["public_token"].(string), "public-sandbox-") {
			t.Errorf("Host %q: %d %v, want the public token", host, status, body)
		}
	}
}

// The real plaid-go client, pointed at a name that resolves (is rebound) to the emulator, is
// refused; pointed at localhost it is served.
func TestPlaidGoThroughAReboundNameIsRefused(t *testing.T) {
	h := newHarness(t)
	addr := strings.TrimPrefix(h.url, "http://")
	_, port, _ := net.SplitHostPort(addr)
	cfg := plaid.NewConfiguration()
	cfg.Servers = plaid.ServerConfigurations{{URL: "http://rebound.example:" + port}}
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", TestClientID)
	cfg.AddDefaultHeader("PLAID-SECRET", TestSecret)
	dialer := &net.Dialer{Timeout: 5 * time.Second}
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return dialer.DialContext(ctx, network, addr) // what a rebound DNS answer does
		},
	}}
	rebound := plaid.NewAPIClient(cfg).PlaidApi
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
	ok(rebound.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).
		fails(t, http.StatusForbidden, "INVALID_REQUEST", "INVALID_HEADERS")
	local := plaidClient("http://localhost:"+port, TestClientID, TestSecret)
	ok(local.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).get(t)
}

// Link's private endpoints answer Link's own pages (same origin) and programs (no Origin),
// and refuse any other page, a loopback one included.
func TestLinkEndpointsRefuseOtherOrigins(t *testing.T) {
	rig := newLinkRig(t, nil)
	body := `{"link_token":"` + rig.token + `"}`
	for _, origin := range []string{"http://evil.example", "http://127.0.0.1:1", "null", "https://" + strings.TrimPrefix(rig.srv.URL, "http://")} {
		status, answer := rawCall(t, rig.srv.URL+"/link/emulated/api/session", "", body, map[string]string{"Origin": origin})
		msg, _ := answer["error_message"].(string)
		if status != http.StatusForbidden || answer["error_code"] != "INVALID_HEADERS" || !strings.Contains(msg, origin) {
			t.Errorf("Origin %q: %d %v, want 403 INVALID_HEADERS naming the origin", origin, status, answer)
		}
	}
	for _, origin := range []string{rig.srv.URL, ""} {
		status, answer := rawCall(t, rig.srv.URL+"/link/emulated/api/session", "", body, map[string]string{"Origin": origin})
		if status != http.StatusOK || answer["link_session_id"] == "" {
			t.Errorf("Origin %q: %d %v, want a Link session", origin, status, answer)
		}
	}
}

// hosted_link_url points at the address the emulator is reached on, whatever Host the
// caller sent; the OAuth bank keeps the Link page's loopback name (its postMessage must
// come from Link's origin) but the emulator's own port.
func TestURLsTheEmulatorHandsOutUseItsOwnAddress(t *testing.T) {
	srv := httptest.NewServer(New(Options{}))
	t.Cleanup(srv.Close)
	_, port, _ := net.SplitHostPort(strings.TrimPrefix(srv.URL, "http://"))
	create := `{"client_id":"` + TestClientID + `","secret":"` + TestSecret + `","client_name":"t","language":"en",` +
		`"country_codes":["US"],"user":{"client_user_id":"u"},"products":["auth"],"hosted_link":{}}`
	status, body := rawCall(t, srv.URL+"/link/token/create", "localhost:1", create, nil)
	token, _ := body["link_token"].(string)
	if want := srv.URL + "/link/emulated/hosted/" + token; status != 200 || body["hosted_link_url"] != want {
		t.Fatalf("%d hosted_link_url %v, want %s", status, body["hosted_link_url"], want)
	}
	_, sess := rawCall(t, srv.URL+"/link/emulated/api/session", "localhost:1", `{"link_token":"`+token+`"}`, nil)
	start := `{"link_session_id":"` + sess["link_session_id"].(string) + `","institution_id":"ins_127287"}`
	status, reply := rawCall(t, srv.URL+"/link/emulated/api/oauth/start", "localhost:1", start, nil)
	oauth, _ := reply["oauth"].(map[string]any)
	if bank, _ := oauth["bank_url"].(string); status != 200 || !strings.HasPrefix(bank, "http://localhost:"+port+"/link/emulated/oauth/bank?") {
		t.Fatalf("%d bank_url %q, want http://localhost:%s/...", status, bank, port)
	}
}

// loopbackName reads the spelling clients send (127.0.0.1:PORT) without parsing, and every
// other one as before: a second colon or a longer name is no loopback name.
func TestLoopbackNameSpellings(t *testing.T) {
	for host, want := range map[string]bool{
		"127.0.0.1:4010": true, "127.0.0.1:": true, "127.0.0.10:4010": true, "127.0.0.1:4010:1": false,
		"127.0.0.1.evil.example:4010": false, "127.0.0.2": true,
	} {
		if _, got := loopbackName(host); got != want {
			t.Errorf("loopbackName(%q) = %v, want %v", host, got, want)
		}
	}
}
