package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidjwt"
	"plaidwalk/linkserver"
)

// appEndpoint is a developer's webhook endpoint: it records what arrives and answers status.
type appEndpoint struct {
	srv *httptest.Server
	got chan *http.Request // with Body replaced by the bytes read
	raw chan []byte
}

func newAppEndpoint(t *testing.T, status int) *appEndpoint {
	a := &appEndpoint{got: make(chan *http.Request, 16), raw: make(chan []byte, 16)}
	a.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		a.got <- r.Clone(context.Background())
		a.raw <- body
		w.WriteHeader(status)
	}))
	t.Cleanup(a.srv.Close)
	return a
}

func (a *appEndpoint) next(t *testing.T) (*http.Request, []byte) {
	t.Helper()
	select {
	case r := <-a.got:
		return r, <-a.raw
	case <-time.After(10 * time.Second):
		t.Fatal("nothing reached the app's endpoint within 10 s")
		return nil, nil
	}
}

// startListen runs `plaidwalk listen args...` in-process and returns the webhook URL it
// prints, its stdout and its stderr.
func startListen(t *testing.T, args ...string) (string, *lockedBuffer, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"listen"}, args...), func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
	}()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("listen exited %d: %s", code, errOut.String())
		}
	})
	urlRE := regexp.MustCompile(`receiving webhooks at (http://127\.0\.0\.1:\d+/webhook)`)
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if m := urlRE.FindStringSubmatch(errOut.String()); m != nil {
			return m[1], &out, &errOut
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("listen printed no URL: %q", errOut.String())
	return "", nil, nil
}

// startEmulatorInProcess runs `plaidwalk emulator` in-process and returns its base URL and stderr.
func startEmulatorInProcess(t *testing.T, args ...string) (string, *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	var errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"emulator"}, args...), func(string) string { return "" }, strings.NewReader(""), outW, &errOut)
		outW.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	lines := bufio.NewScanner(outR)
	for lines.Scan() {
		if v, ok := strings.CutPrefix(lines.Text(), "export PLAID_BASE_URL="); ok {
			go func() { _, _ = io.Copy(io.Discard, outR) }()
			return v, &errOut
		}
	}
	t.Fatalf("the emulator printed no base URL: %s", errOut.String())
	return "", nil
}

func emulatorClient(baseURL string) *plaid.PlaidApiService {
	cfg := plaid.NewConfiguration()
	cfg.Servers = plaid.ServerConfigurations{{URL: baseURL}}
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", emulator.TestClientID)
	cfg.AddDefaultHeader("PLAID-SECRET", emulator.TestSecret)
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return plaid.NewAPIClient(cfg).PlaidApi
}

// itemWithWebhook makes an Item on the emulator whose webhook is url and returns its access token.
func itemWithWebhook(t *testing.T, client *plaid.PlaidApiService, url string) string {
	t.Helper()
	ctx := context.Background()
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetWebhook(url)
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_TRANSACTIONS})
	req.SetOptions(*opts)
	pt, _, err := client.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(*req).Execute()
	if err != nil {
		t.Fatal(err)
	}
	ex, _, err := client.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(pt.PublicToken)).Execute()
	if err != nil {
		t.Fatal(err)
	}
	return ex.AccessToken
}

// TestListenForwardsEmulatorWebhooksUnchanged: the emulator command sends a signed webhook to
// listen, which checks it against the emulator's key, prints a JSON line and passes headers
// and body on to the app; the app verifies the same signature over the bytes it got.
func TestListenForwardsEmulatorWebhooksUnchanged(t *testing.T) {
	baseURL, emuErr := startEmulatorInProcess(t, "--webhook-retry", "1ms")
	app := newAppEndpoint(t, http.StatusOK)
	hookURL, out, _ := startListen(t, "--forward-to", app.srv.URL+"/plaid/webhook", "--base-url", baseURL, "--json")
	client := emulatorClient(baseURL)
	token := itemWithWebhook(t, client, hookURL)
	if _, _, err := client.SandboxItemResetLogin(context.Background()).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(token)).Execute(); err != nil {
		t.Fatal(err)
	}
	r, body := app.next(t)
	if r.URL.Path != "/plaid/webhook" || r.Header.Get("Content-Type") != "application/json" || r.Header.Get("User-Agent") != "plaidwalk-emulator" {
		t.Errorf("forwarded request: path %s, headers %v", r.URL.Path, r.Header)
	}
	kid, err := plaidjwt.KeyID(r.Header.Get("Plaid-Verification"))
	if err != nil {
		t.Fatal(err)
	}
	keys := linkserver.NewKeySource(baseURL, emulator.TestClientID, emulator.TestSecret)
	if err := keys.Verify(context.Background(), r.Header.Get("Plaid-Verification"), body, time.Now()); err != nil {
		t.Fatalf("the app cannot verify what listen forwarded (kid %s): %v\n%s", kid, err, body)
	}
	line := waitLine(t, out)
	var seen linkserver.Webhook
	if err := json.Unmarshal([]byte(line), &seen); err != nil {
		t.Fatalf("--json line %q: %v", line, err)
	}
	if !seen.Verified || seen.WebhookType != "ITEM" || seen.WebhookCode != "ERROR" || seen.ItemID == "" ||
		seen.Forward == nil || seen.Forward.Status != 200 || !strings.Contains(string(seen.Body), "ITEM_LOGIN_REQUIRED") {
		t.Errorf("--json line = %+v", seen)
	}
	// The emulator logs the attempt once listen has answered, which follows the forward.
	want := "webhook ITEM ERROR -> " + hookURL + ": delivered 200 (attempt 1)"
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(emuErr.String(), want) && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if !strings.Contains(emuErr.String(), want) {
		t.Errorf("the emulator's stderr lacks the delivery line: %q", emuErr.String())
	}
}

// waitLine waits for listen's first output line.
func waitLine(t *testing.T, out *lockedBuffer) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if line, _, found := strings.Cut(out.String(), "\n"); found {
			return line
		}
		time.Sleep(5 * time.Millisecond)
	}
	t.Fatalf("listen printed nothing: %q", out.String())
	return ""
}

// TestListenPassesHeadersAndBytesAsTheyCame: whatever the sender sent (its own headers, odd
// whitespace) reaches the app byte for byte; the app's status goes back to the sender; an
// unsigned webhook shows ✗ and hostile text is cleaned.
func TestListenPassesHeadersAndBytesAsTheyCame(t *testing.T) {
	app := newAppEndpoint(t, http.StatusTeapot)
	hookURL, out, _ := startListen(t, "--forward-to", app.srv.URL+"/hook?x=1", "--print-body")
	// Valid JSON whose code decodes to an OSC 52 clipboard write and a bidi override.
	body := "{\"webhook_type\":  \"ITEM\",\n\t\"webhook_code\": \"\\u001b]52;c;SGk=\\u0007PWNED\u202e\", \"item_id\": \"it\"}"
	req, _ := http.NewRequest(http.MethodPost, hookURL, strings.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Plaid-Verification", "not.a.jwt")
	req.Header.Add("X-Custom", "one")
	req.Header.Add("X-Custom", "two")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusTeapot {
		t.Errorf("the sender got %d, want the app's 418", resp.StatusCode)
	}
	r, got := app.next(t)
	if string(got) != body || r.URL.RawQuery != "x=1" || r.Header.Get("Plaid-Verification") != "not.a.jwt" ||
		strings.Join(r.Header.Values("X-Custom"), ",") != "one,two" {
		t.Errorf("the app got %q with headers %v; want the bytes and headers sent", got, r.Header)
	}
	line := waitLine(t, out)
	if !strings.Contains(line, "ITEM PWNED  it  ✗ not verified") || !strings.Contains(line, "-> "+app.srv.URL+"/hook?x=1 418") {
		t.Errorf("line = %q", line)
	}
	// --print-body: the body follows the line, cleaned.
	for deadline := time.Now().Add(10 * time.Second); !strings.Contains(out.String(), `"item_id": "it"}`) && time.Now().Before(deadline); {
		time.Sleep(5 * time.Millisecond)
	}
	if s := out.String(); !strings.Contains(s, `"item_id": "it"}`) || strings.ContainsAny(s, "\x1b\x07\u202e") || !strings.Contains(s, "PWNED") {
		t.Errorf("listen printed escape or bidi characters (or dropped the text): %q", s)
	}
}

func TestListenHelpAndRefusals(t *testing.T) {
	code, out, _ := runIn(t, nil, "listen", "--help")
	if code != 0 || !strings.Contains(out, "Real Plaid, with sandbox or production keys, cannot reach") || !strings.Contains(out, "--forward-to URL") {
		t.Fatalf("--help: %d %q", code, out)
	}
	for _, args := range [][]string{
		{"listen", "--addr", "0.0.0.0:0"},
		{"listen", "--forward-to", "ftp://example.test/x"},
		{"listen", "extra"},
		{"emulator", "--webhook-allow", "https://example.test/hook"},
		{"emulator", "--webhook-retry", "0s"},
	} {
		code, out, errOut := runIn(t, nil, args...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 with the reason on stderr", args, code, out, errOut)
		}
	}
}

// TestListenRefusesWebPages: a page's cross-origin POST (Origin) or a rebound name (Host) is
// refused before anything is printed or forwarded.
func TestListenRefusesWebPages(t *testing.T) {
	app := newAppEndpoint(t, http.StatusOK)
	hookURL, out, _ := startListen(t, "--forward-to", app.srv.URL)
	for name, set := range map[string]func(*http.Request){
		"Origin":     func(r *http.Request) { r.Header.Set("Origin", "https://evil.example") },
		"Host":       func(r *http.Request) { r.Host = "evil.example" },
		"GET method": func(r *http.Request) { r.Method = http.MethodGet },
	} {
		req, _ := http.NewRequest(http.MethodPost, hookURL, strings.NewReader(`{"webhook_type":"ITEM"}`))
		set(req)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden && resp.StatusCode != http.StatusMethodNotAllowed {
			t.Errorf("%s: status %d, want a refusal", name, resp.StatusCode)
		}
	}
	select { // listen forwards before it answers, so anything forwarded is already here
	case r := <-app.got:
		t.Fatalf("a refused request reached the app: %v", r.Header)
	default:
	}
	if out.String() != "" {
		t.Errorf("listen printed a refused request: %q", out.String())
	}
}
