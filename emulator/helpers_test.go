package emulator

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/plaidspec"
)

// testClock is the injectable clock the tests move by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func newTestClock() *testClock {
	return &testClock{now: time.Date(2026, 3, 2, 15, 4, 5, 0, time.UTC)}
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

// harness is one emulator served over loopback with the real plaid-go client pointed at it.
type harness struct {
	t      testing.TB
	emu    *Emulator
	clock  *testClock
	url    string
	client *plaid.PlaidApiService
	ctx    context.Context
}

// newHarness serves a fresh emulator on 127.0.0.1 through plaidspec's conformance check, so
// every exchange of every test is checked against Plaid's OpenAPI spec.
func newHarness(t testing.TB) *harness {
	t.Helper()
	clock := newTestClock()
	emu := New(Options{Now: clock.Now, AssetReportDelay: 5 * time.Second})
	srv := httptest.NewServer(plaidspec.Wrap(t, emu))
	t.Cleanup(srv.Close)
	t.Cleanup(emu.Close) // stops the readiness timers of the test's Items
	return &harness{t: t, emu: emu, clock: clock, url: srv.URL, client: plaidClient(srv.URL, TestClientID, TestSecret), ctx: context.Background()}
}

// newBenchHarness is newHarness without the conformance checks, so a benchmark measures
// the emulator and the client, not the validator.
func newBenchHarness(b *testing.B) *harness {
	emu := New(Options{})
	srv := httptest.NewServer(emu)
	b.Cleanup(srv.Close)
	return &harness{t: b, emu: emu, clock: newTestClock(), url: srv.URL, client: plaidClient(srv.URL, TestClientID, TestSecret), ctx: context.Background()}
}

// plaidClient is plaid-go configured as a real integration would be, with only the server URL
// changed (and never Debug, which would print the secret).
func plaidClient(baseURL, clientID, secret string) *plaid.PlaidApiService {
	cfg := plaid.NewConfiguration()
	cfg.Servers = plaid.ServerConfigurations{{URL: baseURL}}
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", clientID)
	cfg.AddDefaultHeader("PLAID-SECRET", secret)
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return plaid.NewAPIClient(cfg).PlaidApi
}

// plaidErr turns a plaid-go error into Plaid's error object and the HTTP status, failing the
// test when the call did not fail with an API error.
func plaidErr(t testing.TB, resp *http.Response, err error) (plaid.PlaidError, int) {
	t.Helper()
	if err == nil {
		t.Fatalf("call succeeded, want a Plaid error")
	}
	var gerr plaid.GenericOpenAPIError
	if !errors.As(err, &gerr) || resp == nil {
		t.Fatalf("error is not an API error: %v", err)
	}
	pe, perr := plaid.ToPlaidError(err)
	if perr != nil {
		t.Fatalf("error body is not a Plaid error: %v (%s)", perr, gerr.Body())
	}
	return pe, resp.StatusCode
}

// wantPlaidError checks a call failed with the given status, type and code.
func wantPlaidError(t testing.TB, resp *http.Response, err error, status int, typ, code string) plaid.PlaidError {
	t.Helper()
	pe, got := plaidErr(t, resp, err)
	if got != status || string(pe.ErrorType) != typ || pe.ErrorCode != code {
		t.Fatalf("got %d %s/%s (%q), want %d %s/%s", got, pe.ErrorType, pe.ErrorCode, pe.ErrorMessage, status, typ, code)
	}
	if len(pe.GetRequestId()) != 15 {
		t.Errorf("error request_id %q is not 15 characters", pe.GetRequestId())
	}
	return pe
}

// result holds what a plaid-go Execute returned: ok(call.Execute()).get(t) is the value, or
// a test failure naming the API error.
type result[T any] struct {
	v    T
	resp *http.Response
	err  error
}

func ok[T any](v T, resp *http.Response, err error) result[T] { return result[T]{v, resp, err} }

func (r result[T]) get(t testing.TB) T {
	t.Helper()
	if r.err != nil {
		var gerr plaid.GenericOpenAPIError
		if errors.As(r.err, &gerr) {
			t.Fatalf("call failed: %v: %s", r.err, gerr.Body())
		}
		t.Fatalf("call failed: %v", r.err)
	}
	return r.v
}

// fails checks the call failed with the given status, type and code.
func (r result[T]) fails(t testing.TB, status int, typ, code string) plaid.PlaidError {
	t.Helper()
	return wantPlaidError(t, r.resp, r.err, status, typ, code)
}

// linkToken creates a link token for products.
func (h *harness) linkToken(products ...plaid.Products) plaid.LinkTokenCreateResponse {
	h.t.Helper()
	req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	req.SetProducts(products)
	return ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).get(h.t)
}

// publicToken runs the Sandbox shortcut at institution with products and options.
func (h *harness) publicToken(institution string, products []plaid.Products, opts *plaid.SandboxPublicTokenCreateRequestOptions) string {
	h.t.Helper()
	req := plaid.NewSandboxPublicTokenCreateRequest(institution, products)
	if opts != nil {
		req.SetOptions(*opts)
	}
	return ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).get(h.t).PublicToken
}

// exchange trades a public token for an access token and item_id.
func (h *harness) exchange(publicToken string) plaid.ItemPublicTokenExchangeResponse {
	h.t.Helper()
	req := plaid.NewItemPublicTokenExchangeRequest(publicToken)
	return ok(h.client.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*req).Execute()).get(h.t)
}

// connect makes an Item at First Platypus Bank with products and returns its access token.
func (h *harness) connect(products ...plaid.Products) string {
	h.t.Helper()
	return h.exchange(h.publicToken("ins_109508", products, nil)).AccessToken
}

// accounts lists the Item's accounts.
func (h *harness) accounts(accessToken string) []plaid.AccountBase {
	h.t.Helper()
	req := plaid.NewAccountsGetRequest(accessToken)
	return ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*req).Execute()).get(h.t).Accounts
}

// accountByMask finds the account with the given mask.
func accountByMask(t testing.TB, accounts []plaid.AccountBase, mask string) plaid.AccountBase {
	t.Helper()
	for _, a := range accounts {
		if a.GetMask() == mask {
			return a
		}
	}
	t.Fatalf("no account with mask %s", mask)
	return plaid.AccountBase{}
}
