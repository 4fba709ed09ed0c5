package plaidflow

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// checkPlaidError asserts err is a *PlaidError with this code, Plaid's fields and a hint.
func checkPlaidError(t *testing.T, err error, status int, code, endpoint, hintHas string) *PlaidError {
	t.Helper()
	pe, ok := AsPlaidError(err)
	if !ok {
		t.Fatalf("want *PlaidError %s, got %v", code, err)
	}
	if pe.Code != code || pe.Status != status || pe.Endpoint != endpoint {
		t.Errorf("got %d %s at %s, want %d %s at %s", pe.Status, pe.Code, pe.Endpoint, status, code, endpoint)
	}
	if pe.Type == "" || pe.Message == "" || pe.RequestID == "" || !strings.HasPrefix(pe.DocsURL, "https://plaid.com/docs/") {
		t.Errorf("Plaid's fields missing: %+v", pe)
	}
	if !strings.Contains(pe.Hint, hintHas) {
		t.Errorf("hint %q should mention %q", pe.Hint, hintHas)
	}
	return pe
}

func TestBadKeysGiveInvalidAPIKeysWithHint(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	cfg.Secret = "wrong-secret-0000000000000000"
	c, log := fastClient(t, cfg)
	_, err := c.CreateLinkToken(context.Background(), DefaultLinkConfig(cfg, mustPartner(t, "dwolla")))
	checkPlaidError(t, err, 400, "INVALID_API_KEYS", "/link/token/create", "PLAID_SECRET")
	if calls := log.Calls(); len(calls) != 1 || calls[0].ErrorCode != "INVALID_API_KEYS" {
		t.Errorf("API log %+v", calls)
	}
}

func TestItemErrorsFromSandboxPasswords(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	_, err := c.SandboxPublicToken(context.Background(), DefaultInstitutionID, []string{"auth"}, DefaultUsername, "error_ITEM_LOCKED")
	pe := checkPlaidError(t, err, 400, "ITEM_LOCKED", "/sandbox/public_token/create", "use pass_good")
	if pe.Type != "ITEM_ERROR" || pe.DisplayMessage == "" {
		t.Errorf("ITEM_LOCKED should be an ITEM_ERROR with a display message: %+v", pe)
	}
}

func TestPublicTokenWorksOnce(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	pt, err := c.SandboxPublicToken(context.Background(), DefaultInstitutionID, []string{"auth"}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Exchange(context.Background(), pt); err != nil {
		t.Fatal(err)
	}
	_, err = c.Exchange(context.Background(), pt)
	checkPlaidError(t, err, 400, "INVALID_PUBLIC_TOKEN", "/item/public_token/exchange", "once")
}

func TestPartnerTokenErrors(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	item, accts := linkedItem(t, c, []string{"auth"}, "")
	ctx := context.Background()
	card := accountByMask(t, accts, "3333")
	checking := accountByMask(t, accts, "0000")

	_, err := c.PartnerToken(ctx, mustPartner(t, "dwolla"), item.AccessToken, card.ID, nil, nil)
	checkPlaidError(t, err, 400, "NO_AUTH_ACCOUNTS", "/processor/token/create", "checking or savings")

	bogus := Partner{ID: "bogus", Name: "Bogus", Processor: "bogus_pay", Flow: FlowProcessor}
	_, err = c.PartnerToken(ctx, bogus, item.AccessToken, checking.ID, nil, nil)
	checkPlaidError(t, err, 400, "INVALID_FIELD", "/processor/token/create", "field")

	// A well-formed account id (37 letters and digits) of no account of the Item is
	// INVALID_ACCOUNT_ID; one that cannot be an account id is refused as a bad field first.
	_, err = c.PartnerToken(ctx, mustPartner(t, "dwolla"), item.AccessToken, strings.Repeat("A", 37), nil, nil)
	checkPlaidError(t, err, 400, "INVALID_ACCOUNT_ID", "/processor/token/create", "/accounts/get")
	_, err = c.PartnerToken(ctx, mustPartner(t, "dwolla"), item.AccessToken, "not-an-account-of-this-item", nil, nil)
	checkPlaidError(t, err, 400, "INVALID_FIELD", "/processor/token/create", "field")

	_, err = c.PartnerToken(ctx, mustPartner(t, "alloy-credit"), item.AccessToken, checking.ID, PartnerInputs{InputSecondaryClientID: "a"}, nil)
	checkPlaidError(t, err, 400, "PRODUCTS_NOT_SUPPORTED", "/asset_report/create", "assets")

	_, err = c.Accounts(ctx, "access-sandbox-00000000-0000-0000-0000-000000000000")
	checkPlaidError(t, err, 400, "INVALID_ACCESS_TOKEN", "/accounts/get", "access_token")
}

func TestItemLoginRequired(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	item, _ := linkedItem(t, c, []string{"auth"}, "")
	if err := c.SandboxResetLogin(context.Background(), item.AccessToken); err != nil {
		t.Fatal(err)
	}
	_, err := c.Accounts(context.Background(), item.AccessToken)
	checkPlaidError(t, err, 400, "ITEM_LOGIN_REQUIRED", "/accounts/get", "update mode")
}

func TestLinkTokenErrors(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	c, _ := fastClient(t, cfg)
	lc := DefaultLinkConfig(cfg, mustPartner(t, "dwolla"))
	lc.Products = []string{"auth", "balance"}
	_, err := c.CreateLinkToken(context.Background(), lc)
	checkPlaidError(t, err, 400, "INVALID_PRODUCT", "/link/token/create", "balance")

	lc = DefaultLinkConfig(cfg, mustPartner(t, "dwolla"))
	lc.RedirectURI = "http://example.com/oauth?x=1"
	_, err = c.CreateLinkToken(context.Background(), lc)
	checkPlaidError(t, err, 400, "INVALID_FIELD", "/link/token/create", "Allowed redirect URIs")
}

func TestHintsForErrorsTheEmulatorDoesNotRaise(t *testing.T) {
	cases := []struct {
		e    PlaidError
		want string
	}{
		{PlaidError{Code: "INVALID_PRODUCT", Endpoint: "/processor/token/create"}, IntegrationsPage},
		{PlaidError{Code: "PRODUCT_NOT_READY"}, "Asset Report"},
		{PlaidError{Code: "PRODUCT_NOT_READY", Endpoint: "/processor/auth/get"}, "/sandbox/item/set_verification_status"},
		{PlaidError{Type: "RATE_LIMIT_EXCEEDED", Code: "ACCOUNTS_LIMIT", Status: 429}, "backoff"},
		{PlaidError{Type: "API_ERROR", Code: "INTERNAL_SERVER_ERROR", Status: 500}, "request_id"},
		{PlaidError{Code: "INVALID_LINK_TOKEN"}, "4 hours"},
		{PlaidError{Code: "INVALID_PRODUCT", Endpoint: "/link/token/create", Message: "unknown product: foo"}, "Link products are: assets, auth,"},
		{PlaidError{Code: "INVALID_PRODUCT", Endpoint: "/link/token/create", Message: "product not enabled for this client"}, "Dashboard"},
		{PlaidError{Type: "ITEM_ERROR", Code: "INVALID_CREDENTIALS", DisplayMessage: "x"}, "test password error_INVALID_CREDENTIALS"},
		{PlaidError{Type: "ITEM_ERROR", Code: "ITEM_LOCKED", DisplayMessage: "x"}, "user_good / pass_good"},
	}
	for _, tc := range cases {
		if h := hintFor(&tc.e); !strings.Contains(h, tc.want) {
			t.Errorf("%s: hint %q should mention %q", tc.e.Code, h, tc.want)
		}
	}
}

// TestInvalidProductHintFitsTheCause: only the balance case talks about balance.
// The errors of the product-data endpoints (Investments, Liabilities) that the walk does not
// call itself have hints for the screens that do.
func TestHintsForProductDataErrors(t *testing.T) {
	for code, want := range map[string]string{"ADDITIONAL_CONSENT_REQUIRED": "additional_consented_products",
		"NO_INVESTMENT_ACCOUNTS": "investments alone", "NO_LIABILITY_ACCOUNTS": "liabilities alone"} {
		if h := hintFor(&PlaidError{Type: "ITEM_ERROR", Code: code, DisplayMessage: "x"}); !strings.Contains(h, want) {
			t.Errorf("%s: hint %q should mention %q", code, h, want)
		}
	}
}

func TestInvalidProductHintFitsTheCause(t *testing.T) {
	for _, msg := range []string{"unknown product: foo", "product not enabled for this client", "something else"} {
		e := PlaidError{Code: "INVALID_PRODUCT", Endpoint: "/link/token/create", Message: msg}
		if h := hintFor(&e); strings.Contains(h, "balance") {
			t.Errorf("%q: hint talks about balance: %s", msg, h)
		}
	}
	e := PlaidError{Code: "INVALID_PRODUCT", Endpoint: "/link/token/create", Message: "balance is not a valid product"}
	if h := hintFor(&e); !strings.Contains(h, "/accounts/balance/get") {
		t.Errorf("balance hint: %s", h)
	}
}

func TestRetriesOnlyWhereSafe(t *testing.T) {
	cfg := faultyPlaid(t, map[string][]int{
		"/accounts/get":           {429, 503},
		"/item/get":               {500},
		"/processor/token/create": {429},
	})
	c, log := fastClient(t, cfg)
	item, accts := linkedItem(t, c, []string{"auth"}, "")
	count := func(path string) int {
		n := 0
		for _, call := range log.Calls() {
			if call.Path == path {
				n++
			}
		}
		return n
	}
	if count("/accounts/get") != 3 || count("/item/get") != 2 || len(accts.Accounts) != 12 {
		t.Errorf("safe calls should be retried through 429/5xx: accounts %d, item %d", count("/accounts/get"), count("/item/get"))
	}
	_, err := c.PartnerToken(context.Background(), mustPartner(t, "dwolla"), item.AccessToken, accountByMask(t, accts, "0000").ID, nil, nil)
	pe := checkPlaidError(t, err, http.StatusTooManyRequests, "ACCOUNTS_LIMIT", "/processor/token/create", "Wait")
	if pe.Type != "RATE_LIMIT_EXCEEDED" || count("/processor/token/create") != 1 {
		t.Errorf("token creation must not be retried: %d calls", count("/processor/token/create"))
	}
}

func TestRetriesGiveUp(t *testing.T) {
	cfg := faultyPlaid(t, map[string][]int{"/link/token/get": {503, 503, 503, 503, 503}})
	c, log := fastClient(t, cfg)
	_, err := c.LinkTokenResult(context.Background(), "link-sandbox-00000000-0000-0000-0000-000000000000")
	checkPlaidError(t, err, 503, "INTERNAL_SERVER_ERROR", "/link/token/get", "request_id")
	if n := len(log.Calls()); n != c.MaxRetries+1 {
		t.Errorf("%d calls, want %d", n, c.MaxRetries+1)
	}
}

func TestUnreachableHost(t *testing.T) {
	c, log := fastClient(t, emulatorConfig("http://127.0.0.1:1"))
	_, err := c.CreateLinkToken(context.Background(), LinkConfig{Products: []string{"auth"}, CountryCodes: []string{"US"}})
	if _, ok := AsPlaidError(err); ok || err == nil || !strings.Contains(err.Error(), "cannot reach") {
		t.Fatalf("want a transport error, got %v", err)
	}
	if calls := log.Calls(); len(calls) != 1 || calls[0].Err == "" {
		t.Errorf("the failed call should be logged: %+v", calls)
	}
	var ce *ConnectionError
	if !errors.As(err, &ce) || ce.Host != "http://127.0.0.1:1" || !strings.Contains(ce.Hint, "PLAID_BASE_URL") || !strings.Contains(ce.Hint, "offline") {
		t.Fatalf("want a ConnectionError naming the host with a PLAID_BASE_URL hint, got %#v", err)
	}
	// Plaid's own host unreachable means the network, not a wrong PLAID_BASE_URL.
	sandbox := connectionError("/link/token/create", &url.Error{Op: "Post", URL: SandboxURL + "/link/token/create", Err: errors.New("dial tcp: no route to host")})
	if !errors.As(sandbox, &ce) || !strings.Contains(ce.Hint, "network") || strings.Contains(ce.Hint, "PLAID_BASE_URL") {
		t.Errorf("sandbox host hint: %#v", sandbox)
	}
}

// TestNoAuthAccountsHintFitsThePartner: the hint used to say "this partner moves money" to
// someone walking Cardlytics, a transactions partner.
func TestNoAuthAccountsHintFitsThePartner(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	item, accts := linkedItem(t, c, []string{"auth", "transactions"}, "")
	card := accountByMask(t, accts, "3333")
	_, err := c.PartnerToken(context.Background(), mustPartner(t, "dwolla"), item.AccessToken, card.ID, nil, nil)
	checkPlaidError(t, err, 400, "NO_AUTH_ACCOUNTS", "/processor/token/create", "Dwolla moves money")
	_, err = c.PartnerToken(context.Background(), mustPartner(t, "cardlytics"), item.AccessToken, card.ID, nil, nil)
	if pe, ok := AsPlaidError(err); ok && pe.Code == "NO_AUTH_ACCOUNTS" {
		if strings.Contains(pe.Hint, "moves money") || !strings.Contains(pe.Hint, "transactions") {
			t.Errorf("Cardlytics hint %q should speak of transactions, not moving money", pe.Hint)
		}
	} else {
		t.Fatalf("want NO_AUTH_ACCOUNTS for Cardlytics on a credit card, got %v", err)
	}
}

func TestInvalidInstitutionHasAHint(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	_, err := c.SandboxPublicToken(context.Background(), "Nope Bank", []string{"auth"}, DefaultUsername, DefaultPassword)
	checkPlaidError(t, err, 400, "INVALID_INSTITUTION", "/sandbox/public_token/create", "ins_109508")
}
