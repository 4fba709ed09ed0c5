package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// rawResponse is one API answer read without plaid-go, for requests plaid-go cannot make.
type rawResponse struct {
	status int
	body   map[string]any
}

// post sends body to path with the given headers (the test keys unless overridden).
func (h *harness) post(path, body string, headers map[string]string) rawResponse {
	h.t.Helper()
	req, err := http.NewRequest(http.MethodPost, h.url+path, strings.NewReader(body))
	if err != nil {
		h.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	for k, v := range headers {
		if v == "" {
			req.Header.Del(k)
			continue
		}
		req.Header.Set(k, v)
	}
	resp, err := (&http.Client{Timeout: 10 * time.Second}).Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	out := rawResponse{status: resp.StatusCode}
	if err := json.Unmarshal(raw, &out.body); err != nil {
		h.t.Fatalf("%s answered non-JSON %q", path, raw)
	}
	return out
}

var testKeys = map[string]string{"PLAID-CLIENT-ID": TestClientID, "PLAID-SECRET": TestSecret}

// wantError checks a raw answer is the given Plaid error and that its message names each of
// the words in mention.
func (r rawResponse) wantError(t *testing.T, status int, typ, code string, mention ...string) {
	t.Helper()
	if r.status != status || r.body["error_type"] != typ || r.body["error_code"] != code {
		t.Fatalf("got %d %v, want %d %s/%s", r.status, r.body, status, typ, code)
	}
	msg, _ := r.body["error_message"].(string)
	for _, m := range mention {
		if !strings.Contains(msg, m) {
			t.Errorf("error_message %q does not name %q", msg, m)
		}
	}
	if id, _ := r.body["request_id"].(string); !requestIDRE.MatchString(id) {
		t.Errorf("request_id %q is not 15 alphanumerics", id)
	}
	for _, k := range []string{"display_message", "documentation_url", "suggested_action", "causes", "status"} {
		if _, ok := r.body[k]; !ok {
			t.Errorf("error body lacks %s: %v", k, r.body)
		}
	}
}

func TestBadKeysAreRefused(t *testing.T) {
	h := newHarness(t)
	wrong := plaidClient(h.url, TestClientID, "not-the-secret")
	req := plaid.NewItemPublicTokenExchangeRequest("public-sandbox-00000000-0000-0000-0000-000000000000")
	pe := ok(wrong.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*req).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_API_KEYS")
	if pe.ErrorMessage != "invalid client_id or secret provided" {
		t.Errorf("message %q", pe.ErrorMessage)
	}
	h.post("/item/get", `{"access_token":"x"}`, map[string]string{"PLAID-CLIENT-ID": "", "PLAID-SECRET": ""}).
		wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "client_id", "secret")
	h.post("/item/get", `{"client_id":"someone","secret":"else","access_token":"x"}`, map[string]string{"PLAID-CLIENT-ID": "", "PLAID-SECRET": ""}).
		wantError(t, 400, "INVALID_INPUT", "INVALID_API_KEYS")
}

func TestKeysInTheBodyAreAccepted(t *testing.T) {
	h := newHarness(t)
	body := `{"client_id":"` + TestClientID + `","secret":"` + TestSecret + `","institution_id":"ins_109508","initial_products":["auth"]}`
	r := h.post("/sandbox/public_token/create", body, map[string]string{"PLAID-CLIENT-ID": "", "PLAID-SECRET": ""})
	if r.status != 200 || !publicTokenRE.MatchString(r.body["public_token"].(string)) {
		t.Fatalf("got %d %v", r.status, r.body)
	}
}

func TestUnknownPathIsPlaidsNotFound(t *testing.T) {
	h := newHarness(t)
	h.post("/transactions/sync/nope", `{}`, testKeys).wantError(t, 404, "INVALID_REQUEST", "NOT_FOUND", "/transactions/sync/nope")
	// The standard library's GET answer would not be Plaid's error object.
	resp, err := http.Get(h.url + "/item/get")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("GET /item/get: %d, want 404", resp.StatusCode)
	}
}

func TestBrowserRequestsAreRefused(t *testing.T) {
	h := newHarness(t)
	headers := map[string]string{"Origin": "http://127.0.0.1:9999"}
	for k, v := range testKeys {
		headers[k] = v
	}
	r := h.post("/sandbox/public_token/create", `{"institution_id":"ins_109508","initial_products":["auth"]}`, headers)
	r.wantError(t, 403, "INVALID_REQUEST", "INVALID_HEADERS", "Origin")
}

func TestRequestValidationNamesTheField(t *testing.T) {
	h := newHarness(t)
	cases := []struct {
		name, path, body, code string
		mention                []string
	}{
		{"malformed JSON", "/item/get", `{"access_token":`, "INVALID_BODY", nil},
		{"not an object", "/item/get", `["access_token"]`, "INVALID_BODY", nil},
		{"missing field", "/item/public_token/exchange", `{}`, "MISSING_FIELDS", []string{"public_token"}},
		{"missing nested field", "/link/token/create", `{"client_name":"x","language":"en","country_codes":["US"],"user":{},"products":["auth"]}`, "MISSING_FIELDS", []string{"user.client_user_id"}},
		{"unknown field", "/item/get", `{"access_token":"access-sandbox-x","colour":"blue"}`, "UNKNOWN_FIELDS", []string{"colour"}},
		{"unknown nested field", "/accounts/get", `{"access_token":"a","options":{"account_idz":[]}}`, "UNKNOWN_FIELDS", []string{"options.account_idz"}},
		{"wrong type", "/item/get", `{"access_token":42}`, "INVALID_FIELD", []string{"access_token"}},
		{"wrong array type", "/sandbox/public_token/create", `{"institution_id":"ins_109508","initial_products":"auth"}`, "INVALID_FIELD", []string{"initial_products"}},
		{"wrong integer", "/asset_report/create", `{"access_tokens":["a"],"days_requested":1.5}`, "INVALID_FIELD", []string{"days_requested"}},
		{"too short", "/institutions/get_by_id", `{"institution_id":"","country_codes":["US"]}`, "INVALID_FIELD", []string{"institution_id", "at least 1 character long"}},
		{"too long", "/signal/decision/report", `{"client_transaction_id":"` + strings.Repeat("x", 37) + `","initiated":true}`, "INVALID_FIELD", []string{"client_transaction_id", "1 to 36 characters", "it has 37"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			h.post(c.path, c.body, testKeys).wantError(t, 400, "INVALID_REQUEST", c.code, c.mention...)
		})
	}
}

func TestLinkTokenCreateChecks(t *testing.T) {
	h := newHarness(t)
	create := func(mod func(*plaid.LinkTokenCreateRequest)) result[plaid.LinkTokenCreateResponse] {
		req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
		req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
		req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
		mod(req)
		return ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute())
	}
	create(func(r *plaid.LinkTokenCreateRequest) { r.SetProducts([]plaid.Products{plaid.PRODUCTS_BALANCE}) }).
		fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
	for _, uri := range []string{"http://example.com/cb", "https://example.com/cb?x=1", "https://example.com/cb#f", "not a url"} {
		create(func(r *plaid.LinkTokenCreateRequest) { r.SetRedirectUri(uri) }).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	}
	for _, uri := range []string{"https://example.com/oauth", "http://localhost:8080/oauth"} {
		create(func(r *plaid.LinkTokenCreateRequest) { r.SetRedirectUri(uri) }).get(t)
	}
	create(func(r *plaid.LinkTokenCreateRequest) { r.ClientName = " " }).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	create(func(r *plaid.LinkTokenCreateRequest) { r.Language = "xx" }).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	create(func(r *plaid.LinkTokenCreateRequest) { r.Products = nil }).fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS")
}

// TestStringLengthsCountCharacters: the spec's minLength and maxLength count characters, as
// JSON Schema does, not bytes: 36 two-byte characters fit a 36-character bound.
func TestStringLengthsCountCharacters(t *testing.T) {
	s := reqSchema{kind: kString, minLen: 1, maxLen: 36}
	if msg := s.stringProblem("id", strings.Repeat("é", 36)); msg != "" {
		t.Errorf("36 characters (72 bytes) refused: %s", msg)
	}
	if msg := s.stringProblem("id", strings.Repeat("é", 37)); !strings.Contains(msg, "it has 37") {
		t.Errorf("37 characters gave %q", msg)
	}
}
