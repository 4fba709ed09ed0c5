package emulator

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/plaidspec"
)

// received is one webhook as a receiver got it.
type received struct {
	header http.Header
	body   []byte
}

// receiver is a developer's webhook endpoint on loopback: it answers failFirst requests with
// 500, then 200, and hands every request it got to the test.
type receiver struct {
	srv       *httptest.Server
	got       chan received
	mu        sync.Mutex
	failFirst int
	calls     int
}

func newReceiver(t testing.TB, failFirst int) *receiver {
	rc := &receiver{got: make(chan received, 512), failFirst: failFirst}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.calls++
		fail := rc.calls <= rc.failFirst
		rc.mu.Unlock()
		if fail {
			http.Error(w, "not yet", http.StatusInternalServerError)
			return
		}
		rc.got <- received{header: r.Header.Clone(), body: body}
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) url() string { return rc.srv.URL + "/plaid/webhook" }

// next waits for the next webhook delivered with 200.
func (rc *receiver) next(t testing.TB) received {
	t.Helper()
	select {
	case r := <-rc.got:
		return r
	case <-time.After(10 * time.Second):
		t.Fatal("no webhook arrived within 10 s")
		return received{}
	}
}

// newWebhookHarness is newHarness with webhook options (no TRANSACTIONS readiness webhooks
// unless o asks) and the real clock (asset reports
// become ready on a timer, and the JWTs' iat must be the receiver's now).
func newWebhookHarness(t testing.TB, o Options) *harness {
	t.Helper()
	if o.Webhooks.RetryBase == 0 {
		o.Webhooks.RetryBase = time.Millisecond
	}
	if o.TransactionsReadyDelay == 0 {
		// Items here often have transactions, and tests wait for "the next webhook": the
		// readiness webhooks come only to tests that ask for them with a short delay.
		o.TransactionsReadyDelay = time.Hour
	}
	emu := New(o)
	t.Cleanup(emu.Close)
	srv := httptest.NewServer(plaidspec.Wrap(t, emu))
	t.Cleanup(srv.Close)
	return &harness{t: t, emu: emu, url: srv.URL, client: plaidClient(srv.URL, TestClientID, TestSecret), ctx: context.Background()}
}

// verifyWebhook checks a webhook as Plaid's guide tells a receiver to, with golang-jwt (not
// the emulator's signing code): the alg is ES256, the key is fetched by kid from
// /webhook_verification_key/get, the signature holds, iat is at most 5 minutes before now and
// the body's SHA-256 equals the claim. It returns the body decoded.
func verifyWebhook(h *harness, r received, now time.Time) (map[string]any, error) {
	tokenString := r.header.Get("Plaid-Verification")
	if tokenString == "" {
		return nil, errors.New("no Plaid-Verification header")
	}
	var fetchErr error
	parser := jwt.NewParser(jwt.WithValidMethods([]string{"ES256"}), jwt.WithTimeFunc(func() time.Time { return now }))
	claims := jwt.MapClaims{}
	tok, err := parser.ParseWithClaims(tokenString, claims, func(tok *jwt.Token) (any, error) {
		kid, _ := tok.Header["kid"].(string)
		key, ferr := fetchKey(h, kid)
		fetchErr = ferr
		return key, ferr
	})
	if err != nil {
		return nil, errors.Join(err, fetchErr)
	}
	if typ, _ := tok.Header["typ"].(string); typ != "JWT" {
		return nil, fmt.Errorf("typ is %q, want JWT", typ)
	}
	iat, err := claims.GetIssuedAt()
	if err != nil || iat == nil {
		return nil, fmt.Errorf("no iat: %v", err)
	}
	if now.Sub(iat.Time) > 5*time.Minute {
		return nil, fmt.Errorf("iat %s is more than 5 minutes before %s", iat.Time, now)
	}
	sum := sha256.Sum256(r.body)
	claimed, _ := claims["request_body_sha256"].(string)
	if subtle.ConstantTimeCompare([]byte(hex.EncodeToString(sum[:])), []byte(claimed)) != 1 {
		return nil, errors.New("request_body_sha256 does not match the body")
	}
	var body map[string]any
	if err := json.Unmarshal(r.body, &body); err != nil {
		return nil, err
	}
	return body, nil
}

// fetchKey gets the JWK with plaid-go and turns it into an ECDSA key by hand.
func fetchKey(h *harness, kid string) (*ecdsa.PublicKey, error) {
	req := plaid.NewWebhookVerificationKeyGetRequest(kid)
	resp, _, err := h.client.WebhookVerificationKeyGet(h.ctx).WebhookVerificationKeyGetRequest(*req).Execute()
	if err != nil {
		return nil, fmt.Errorf("fetching key %q: %w", kid, err)
	}
	k := resp.Key
	if k.Alg != "ES256" || k.Crv != "P-256" || k.Kty != "EC" || k.Use != "sig" || k.ExpiredAt.Get() != nil {
		return nil, fmt.Errorf("key %+v is not a live ES256 P-256 signing key", k)
	}
	x, err1 := base64.RawURLEncoding.DecodeString(k.X)
	y, err2 := base64.RawURLEncoding.DecodeString(k.Y)
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	return &ecdsa.PublicKey{Curve: elliptic.P256(), X: new(big.Int).SetBytes(x), Y: new(big.Int).SetBytes(y)}, nil
}

// mustVerify is verifyWebhook that fails the test, and also checks the body against the
// named schema of Plaid's spec and that it is serialised as Plaid's bodies are.
func mustVerify(t testing.TB, h *harness, r received, schema string) map[string]any {
	t.Helper()
	body, err := verifyWebhook(h, r, time.Now())
	if err != nil {
		t.Fatalf("webhook does not verify: %v\n%s", err, r.body)
	}
	if err := plaidspec.MustLoad(t).CheckSchema(schema, r.body); err != nil {
		t.Fatalf("webhook body is not a valid %s: %v\n%s", schema, err, r.body)
	}
	var want bytes.Buffer
	_ = json.Indent(&want, compactJSON(t, r.body), "", "  ")
	if !bytes.Equal(want.Bytes(), r.body) {
		t.Errorf("body is not serialised as Plaid's (2-space indent, no trailing newline):\n%q", r.body)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	return body
}

func compactJSON(t testing.TB, b []byte) []byte {
	var out bytes.Buffer
	if err := json.Compact(&out, b); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}

// deliveries reads the emulator's delivery log over HTTP, as a developer would.
func (h *harness) deliveries() []DeliveryRecord {
	h.t.Helper()
	body := fmt.Sprintf(`{"client_id":%q,"secret":%q}`, TestClientID, TestSecret)
	resp, err := http.Post(h.url+DeliveriesPath, "application/json", bytes.NewReader([]byte(body)))
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	var out deliveriesResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil || resp.StatusCode != http.StatusOK {
		h.t.Fatalf("delivery log: %d %v", resp.StatusCode, err)
	}
	return out.Deliveries
}

// waitDeliveries polls the delivery log until done says it holds what the test waits for.
func (h *harness) waitDeliveries(done func([]DeliveryRecord) bool) []DeliveryRecord {
	h.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		list := h.deliveries()
		if done(list) {
			return list
		}
		if time.Now().After(deadline) {
			h.t.Fatalf("the delivery log did not reach the expected state: %+v", list)
		}
		time.Sleep(5 * time.Millisecond)
	}
}
