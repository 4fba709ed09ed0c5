package emulator

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/plaidspec"
)

// TestSpecChecksThroughTheClient: requests from the real plaid-go v43 client that break the
// spec get Plaid's codes, the message naming the field, on several endpoints.
func TestSpecChecksThroughTheClient(t *testing.T) {
	h := newHarness(t)
	named := func(pe plaid.PlaidError, field string) {
		t.Helper()
		if !strings.Contains(pe.ErrorMessage, field) {
			t.Errorf("%s: message %q does not name %s", pe.ErrorCode, pe.ErrorMessage, field)
		}
	}
	// Missing: plaid-go sends a nil list as null, which Plaid reads as absent.
	sandbox := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", nil)
	named(ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*sandbox).Execute()).
		fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS"), "initial_products")
	link := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", nil)
	link.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	named(ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*link).Execute()).
		fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS"), "country_codes")

	// A bad enum value.
	link.SetCountryCodes([]plaid.CountryCode{"ZZ"})
	named(ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*link).Execute()).
		fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD"), "country_codes[0]")
	tok := h.connect(plaid.PRODUCTS_AUTH)
	checking := accountByMask(t, h.accounts(tok), "0000").AccountId
	named(h.processorToken(tok, checking, "bogus_pay").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD"), "processor")
	fire := plaid.NewSandboxItemFireWebhookRequest(tok, "DEFAULT_UPDATE")
	fire.SetWebhookType("NOT_A_TYPE")
	named(ok(h.client.SandboxItemFireWebhook(h.ctx).SandboxItemFireWebhookRequest(*fire).Execute()).
		fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD"), "webhook_type")
	// An unknown product is INVALID_PRODUCT, as Plaid answers for any products list.
	sandbox.SetInitialProducts([]plaid.Products{"no_such_product"})
	named(ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*sandbox).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT"), "initial_products[0]")

	// A date that is not YYYY-MM-DD, and one that does not exist.
	for _, bad := range []string{"03/02/2026", "2026-02-30"} {
		sandbox.SetInitialProducts([]plaid.Products{plaid.PRODUCTS_TRANSACTIONS})
		opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
		txns := plaid.NewSandboxPublicTokenCreateRequestOptionsTransactions()
		txns.SetStartDate(bad)
		opts.SetTransactions(*txns)
		sandbox.SetOptions(*opts)
		named(ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*sandbox).Execute()).
			fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD"), "options.transactions.start_date")
	}
}

// extraField is a transport that adds one key to every JSON body, as a client built for
// another API version might send a field this one does not define.
type extraField struct{ path, key string }

func (x extraField) RoundTrip(r *http.Request) (*http.Response, error) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	if err := json.Unmarshal(raw, &body); err == nil {
		obj := body
		for _, k := range strings.Split(x.path, ".") {
			if k != "" {
				obj, _ = obj[k].(map[string]any)
			}
		}
		if obj != nil {
			obj[x.key] = "x"
		}
		raw, _ = json.Marshal(body)
	}
	r.Body, r.ContentLength = io.NopCloser(bytes.NewReader(raw)), int64(len(raw))
	return http.DefaultTransport.RoundTrip(r)
}

// TestUnknownFieldsThroughTheClient: a field the endpoint's schema lacks is UNKNOWN_FIELDS naming
// it (dotted inside objects); where the schema allows extra keys, they are accepted.
func TestUnknownFieldsThroughTheClient(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	client := func(path, key string) *plaid.PlaidApiService {
		cfg := plaid.NewConfiguration()
		cfg.Servers = plaid.ServerConfigurations{{URL: h.url}}
		cfg.AddDefaultHeader("PLAID-CLIENT-ID", TestClientID)
		cfg.AddDefaultHeader("PLAID-SECRET", TestSecret)
		cfg.HTTPClient = &http.Client{Transport: extraField{path: path, key: key}}
		return plaid.NewAPIClient(cfg).PlaidApi
	}
	pe := ok(client("", "colour").ItemGet(h.ctx).ItemGetRequest(*plaid.NewItemGetRequest(tok)).Execute()).
		fails(t, 400, "INVALID_REQUEST", "UNKNOWN_FIELDS")
	if !strings.Contains(pe.ErrorMessage, "colour") {
		t.Errorf("message %q does not name colour", pe.ErrorMessage)
	}
	req := plaid.NewAccountsGetRequest(tok)
	req.SetOptions(*plaid.NewAccountsGetRequestOptions())
	pe = ok(client("options", "account_idz").AccountsGet(h.ctx).AccountsGetRequest(*req).Execute()).
		fails(t, 400, "INVALID_REQUEST", "UNKNOWN_FIELDS")
	if !strings.Contains(pe.ErrorMessage, "options.account_idz") {
		t.Errorf("message %q does not name options.account_idz", pe.ErrorMessage)
	}
	// AssetReportUser allows extra keys (additionalProperties: true in the spec).
	if perr := checkBody(map[string]any{"access_tokens": []any{"a"}, "days_requested": json.Number("1"),
		"options": map[string]any{"user": map[string]any{"favourite_colour": "blue"}}}, mustSpecBody(t, "/asset_report/create")); perr != nil {
		t.Errorf("an extra key where the spec allows it was refused: %v", perr.Message)
	}
}

// TestUnservedSpecPath: a path of Plaid's spec the emulator does not serve is a 400 Plaid error
// naming it, through the real client; a path Plaid lacks stays 404 NOT_FOUND.
func TestUnservedSpecPath(t *testing.T) {
	h := newHarness(t)
	// Payment Initiation (UK/EU) is a product the emulator does not plan to serve.
	pe := ok(h.client.PaymentInitiationRecipientList(h.ctx).PaymentInitiationRecipientListRequest(*plaid.NewPaymentInitiationRecipientListRequest()).Execute()).
		fails(t, 400, "INVALID_REQUEST", "ENDPOINT_NOT_SUPPORTED")
	if !strings.Contains(pe.ErrorMessage, "/payment_initiation/recipient/list") || !strings.Contains(pe.ErrorMessage, "emulator does not serve it") {
		t.Errorf("message %q should name /payment_initiation/recipient/list and say the emulator does not serve it", pe.ErrorMessage)
	}
	h.post("/fdx/consents/abc/revocation", `{}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "ENDPOINT_NOT_SUPPORTED", "/fdx/consents/{consentId}/revocation")
	h.post("/transactions/teleport", `{}`, testKeys).wantError(t, 404, "INVALID_REQUEST", "NOT_FOUND", "/transactions/teleport")
}

func mustSpecBody(t *testing.T, path string) *reqSchema {
	t.Helper()
	sp, ok := specRoute(path)
	if !ok || sp.body == nil {
		t.Fatalf("no request schema for %s", path)
	}
	return sp.body
}

// TestSpecExamplesAreAccepted: every request example of the spec for a served path that is
// valid against its own schema (some are not) passes the generated checks, and passes them over
// HTTP (the handler may still refuse its made-up tokens). Unserved paths have no tables.
func TestSpecExamplesAreAccepted(t *testing.T) {
	doc := plaidspec.MustLoad(t).Doc
	h := newHarness(t)
	checked, invalid := 0, 0
	for path, item := range doc.Paths.Map() {
		if _, served := endpoints[path]; !served || item.Post == nil || item.Post.RequestBody == nil {
			continue
		}
		mt := item.Post.RequestBody.Value.Content.Get("application/json")
		if mt == nil || mt.Schema == nil {
			continue
		}
		for _, ex := range requestExamples(mt) {
			raw, _ := json.Marshal(ex)
			var generic any
			_ = json.Unmarshal(raw, &generic)
			if mt.Schema.Value.VisitJSON(generic) != nil {
				invalid++
				continue
			}
			checked++
			body, perr := parseBody(raw)
			if perr == nil {
				perr = checkBody(body, mustSpecBody(t, path))
			}
			if perr != nil && perr.Code == "UNKNOWN_FIELDS" && !specDefines(mt.Schema.Value, strings.TrimPrefix(perr.Message, unknownPrefix)) {
				// Valid JSON Schema (which allows undeclared keys) but with a field the
				// schema does not define, which Plaid refuses.
				checked, invalid = checked-1, invalid+1
				continue
			}
			if perr != nil {
				t.Errorf("%s: the spec's example was refused: %s %s\n  %s", path, perr.Code, perr.Message, raw)
				continue
			}
			r := h.post(path, string(raw), testKeys)
			if code, _ := r.body["error_code"].(string); code == "UNKNOWN_FIELDS" || code == "MISSING_FIELDS" || code == "INVALID_BODY" {
				t.Errorf("%s: the spec's example was refused over HTTP: %v", path, r.body)
			}
		}
	}
	t.Logf("%d examples accepted; %d skipped as invalid against their own schema", checked, invalid)
	if checked < 50 { // 60 of the examples of the 68 paths served at f6e0e2d
		t.Errorf("only %d of the spec's examples were checked", checked)
	}
}

// requestExamples gathers a request body's examples: the media type's and its schema's.
func requestExamples(mt *openapi3.MediaType) []any {
	var out []any
	if mt.Example != nil {
		out = append(out, mt.Example)
	}
	for _, ex := range mt.Examples {
		if ex != nil && ex.Value != nil && ex.Value.Value != nil {
			out = append(out, ex.Value.Value)
		}
	}
	if mt.Schema.Value.Example != nil {
		out = append(out, mt.Schema.Value.Example)
	}
	return out
}

const unknownPrefix = "the following fields are not recognized by this endpoint: "

// specDefines reports whether any of the comma-separated dotted fields is a property of s, read
// straight from the spec (allOf parts included).
func specDefines(s *openapi3.Schema, fields string) bool {
	for _, f := range strings.Split(fields, ", ") {
		cur := s
		for _, name := range strings.Split(f, ".") {
			cur = specProperty(cur, name)
			if cur == nil {
				break
			}
		}
		if cur != nil {
			return true
		}
	}
	return false
}

func specProperty(s *openapi3.Schema, name string) *openapi3.Schema {
	if p := s.Properties[name]; p != nil {
		return p.Value
	}
	for _, part := range s.AllOf {
		if p := specProperty(part.Value, name); p != nil {
			return p
		}
	}
	return nil
}
