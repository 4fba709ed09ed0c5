package emulator

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// url_lifetime_seconds out of Plaid's range (1 second to 21 days) is refused with
// INVALID_FIELD, as Plaid's spec says; it used to overflow into an expiry in 1734.
func TestHostedURLLifetimeIsPlaidsRange(t *testing.T) {
	h := newHarness(t)
	create := func(body string) rawResponse {
		return h.post("/link/token/create", `{"client_name":"t","language":"en","country_codes":["US"],`+
			`"user":{"client_user_id":"u"},"products":["auth"],"hosted_link":{"url_lifetime_seconds":`+body+`}}`, testKeys)
	}
	for _, bad := range []string{"0", "-1", "1814401", "9223372036854775807"} {
		create(bad).wantError(t, http.StatusBadRequest, "INVALID_REQUEST", "INVALID_FIELD", "hosted_link.url_lifetime_seconds", "21 days")
	}
	for _, good := range []int64{1, 1814400} {
		r := create(strconv.FormatInt(good, 10))
		want := h.clock.Now().Add(time.Duration(good) * time.Second).UTC().Format(time.RFC3339)
		if r.status != http.StatusOK || r.body["expiration"] != want {
			t.Errorf("url_lifetime_seconds %d: %d %v, want expiration %s", good, r.status, r.body, want)
		}
	}
	// The largest value plaid-go can send (an int32, 68 years) is refused the same way.
	req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	hosted := plaid.NewLinkTokenCreateHostedLink()
	hosted.SetUrlLifetimeSeconds(2147483647)
	req.SetHostedLink(*hosted)
	ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// Bytes that are not UTF-8 inside a JSON string make the body INVALID_BODY, on the API and
// on Link's endpoints, instead of being turned into U+FFFD and accepted.
func TestInvalidUTF8IsInvalidBody(t *testing.T) {
	h := newHarness(t)
	for _, body := range []string{
		`{"institution_id":"ins_109508` + "\xff" + `","initial_products":["auth"]}`,
		`{"institution_id":"ins_109508","initial_products":["auth"],"options":{"override_username":"user_` + "\xc3\x28" + `good"}}`,
		`{"institution_id":"ins_109508","initial_products":["auth` + "\xed\xa0\x80" + `"]}`, // a UTF-16 surrogate
	} {
		h.post("/sandbox/public_token/create", body, testKeys).wantError(t, 400, "INVALID_REQUEST", "INVALID_BODY", "UTF-8")
	}
	// The same strings written as JSON escapes of real characters are fine.
	r := h.post("/sandbox/public_token/create", `{"institution_id":"ins_109508","initial_products":["auth"],"options":{"override_username":"user_good","override_password":"pass_good"}}`, testKeys)
	if r.status != http.StatusOK {
		t.Fatalf("valid body refused: %d %v", r.status, r.body)
	}
	rig := newLinkRig(t, nil)
	status, answer := rawCall(t, rig.srv.URL+"/link/emulated/api/session", "", `{"link_token":"`+rig.token+"\xff"+`"}`, nil)
	if msg, _ := answer["error_message"].(string); status != 400 || answer["error_code"] != "INVALID_BODY" || !strings.Contains(msg, "UTF-8") {
		t.Errorf("Link endpoint: %d %v, want 400 INVALID_BODY naming UTF-8", status, answer)
	}
}

// A body over 1 MB is refused with INVALID_BODY whether its length is announced or it comes
// chunked; readBody reads a body of known length whole, and all of an in-process request's
// body even when it is longer or shorter than the length it announces.
func TestRequestBodyLimit(t *testing.T) {
	h := newHarness(t)
	huge := `{"institution_id":"` + strings.Repeat("x", maxBodyBytes) + `"}`
	h.post("/sandbox/public_token/create", huge, testKeys).wantError(t, http.StatusBadRequest, "INVALID_REQUEST", "INVALID_BODY", "1 MB")
	req, _ := http.NewRequest(http.MethodPost, h.url+"/sandbox/public_token/create", io.MultiReader(strings.NewReader(huge)))
	req.Header.Set("PLAID-CLIENT-ID", TestClientID)
	req.Header.Set("PLAID-SECRET", TestSecret)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(string(raw), `"INVALID_BODY"`) || req.ContentLength != 0 {
		t.Fatalf("chunked body over 1 MB: %d %s (sent with length %d)", res.StatusCode, raw, req.ContentLength)
	}

	body := `{"institution_id":"ins_109508","initial_products":["auth"]}`
	for _, announced := range []int64{int64(len(body)), 10, int64(len(body)) + 10, -1} {
		r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
		r.ContentLength = announced
		got, err := readBody(httptest.NewRecorder(), r, maxBodyBytes)
		if err != nil || string(got) != body {
			t.Errorf("Content-Length %d: read %q, %v; want the whole body", announced, got, err)
		}
	}
}
