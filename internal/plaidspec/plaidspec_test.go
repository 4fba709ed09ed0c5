package plaidspec

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// TestCheckCatchesBadExchanges proves the check would notice a response Plaid's spec forbids,
// an error that is not a PlaidError, an accepted request the spec calls invalid, and a bad
// request_id, while passing a valid exchange.
func TestCheckCatchesBadExchanges(t *testing.T) {
	spec := MustLoad(t)
	exchange := func(path, reqBody string, status int, respBody string) string {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(reqBody))
		r.Header.Set("Content-Type", "application/json")
		raw, _ := io.ReadAll(r.Body)
		header := http.Header{"Content-Type": {"application/json"}}
		return spec.Check(r, raw, status, header, []byte(respBody))
	}
	if p := exchange("/item/remove", `{"access_token":"a"}`, 200, `{"request_id":"abcdeABCDE12345"}`); p != "" {
		t.Fatalf("a valid exchange was flagged: %s", p)
	}
	// A null member is one left out, as Plaid reads it: the quickstart's first sync sends cursor: null.
	syncPage := `{"transactions_update_status":"NOT_READY","accounts":[],"added":[],"modified":[],"removed":[],"next_cursor":"","has_more":false,"request_id":"abcdeABCDE12345"}`
	if p := exchange("/transactions/sync", `{"access_token":"a","cursor":null,"options":{"account_id":null}}`, 200, syncPage); p != "" {
		t.Errorf("a request with null optional members was flagged: %s", p)
	}
	// A required member the schema lets be null (a processor token's webhook, to remove it) is fine.
	if p := exchange("/processor/token/webhook/update", `{"processor_token":"p","webhook":null}`, 200, `{"request_id":"abcdeABCDE12345"}`); p != "" {
		t.Errorf("a null where the schema allows one was flagged: %s", p)
	}
	bad := []struct {
		name, path, req string
		status          int
		resp            string
	}{
		{"response missing access_token and item_id", "/item/public_token/exchange", `{"public_token":"p"}`, 200, `{"request_id":"abcdeABCDE12345"}`},
		{"accepted request missing access_token", "/item/remove", `{}`, 200, `{"request_id":"abcdeABCDE12345"}`},
		{"accepted request with a null access_token", "/item/remove", `{"access_token":null}`, 200, `{"request_id":"abcdeABCDE12345"}`},
		{"error body missing error_type and error_message", "/item/remove", `{"access_token":"a"}`, 400, `{"error_code":"X","request_id":"abcdeABCDE12345"}`},
		{"short request_id", "/item/remove", `{"access_token":"a"}`, 200, `{"request_id":"short"}`},
		{"path Plaid does not have", "/item/teleport", `{"access_token":"a"}`, 200, `{"request_id":"abcdeABCDE12345"}`},
		{"account_filters with a made-up subtype", "/link/token/create",
			`{"client_name":"x","language":"en","country_codes":["US"],"user":{"client_user_id":"u"},"products":["auth"],"account_filters":{"depository":{"account_subtypes":["piggy bank"]}}}`, 200,
			`{"link_token":"link-sandbox-x","expiration":"2026-01-01T00:00:00Z","request_id":"abcdeABCDE12345"}`},
	}
	for _, b := range bad {
		if p := exchange(b.path, b.req, b.status, b.resp); p == "" {
			t.Errorf("%s passed", b.name)
		}
	}
	// v43's spec lists the 2026 processors (kanmon included) and no longer the retired prime_trust.
	processorExchange := func(processor string) string {
		return exchange("/processor/token/create", `{"access_token":"a","account_id":"b","processor":"`+processor+`"}`, 200,
			`{"processor_token":"processor-sandbox-x","request_id":"abcdeABCDE12345"}`)
	}
	if p := processorExchange("kanmon"); p != "" {
		t.Errorf("a current processor was flagged: %s", p)
	}
	if p := processorExchange("prime_trust"); p == "" {
		t.Errorf("the retired prime_trust passed")
	}
}

// recordingTB is a testing.TB that keeps what Wrap reports instead of failing the real test.
type recordingTB struct {
	testing.TB
	errs []string
}

func (r *recordingTB) Errorf(format string, args ...any) {
	r.errs = append(r.errs, fmt.Sprintf(format, args...))
}

// TestWrapFailsTheTestOnAViolation: Wrap passes the handler's answer through unchanged and
// reports a violation to the test, not to the client.
func TestWrapFailsTheTestOnAViolation(t *testing.T) {
	rec := &recordingTB{TB: t}
	h := Wrap(rec, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"request_id":"abcdeABCDE12345"}`) // no access_token, no item_id
	}))
	srv := httptest.NewServer(h)
	defer srv.Close()
	resp, err := http.Post(srv.URL+"/item/public_token/exchange", "application/json", strings.NewReader(`{"public_token":"p"}`))
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || string(body) != `{"request_id":"abcdeABCDE12345"}` {
		t.Errorf("the answer was changed: %d %s", resp.StatusCode, body)
	}
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], "/item/public_token/exchange") || !strings.Contains(rec.errs[0], "response does not match") {
		t.Errorf("reported %q", rec.errs)
	}
	rec.errs = nil
	if resp, err := http.Get(srv.URL + "/link/v2/page"); err == nil {
		resp.Body.Close()
	}
	if len(rec.errs) != 0 {
		t.Errorf("emulated Link pages are not API calls, yet reported %q", rec.errs)
	}
}

func TestLoadReadsTheSpecOnce(t *testing.T) {
	a, err := Load()
	if err != nil {
		t.Fatal(err)
	}
	b, _ := Load()
	if a != b || a.Doc.Paths.Find("/processor/token/create") == nil {
		t.Errorf("Load should return the same parsed spec with Plaid's paths")
	}
}

// TestCheckJudgesPDFAnswers: a PDF is accepted where the spec's operation answers
// application/pdf, and refused on a JSON operation or when its bytes are no PDF.
func TestCheckJudgesPDFAnswers(t *testing.T) {
	spec := MustLoad(t)
	pdf := func(path, reqBody, respBody string) string {
		r := httptest.NewRequest(http.MethodPost, path, strings.NewReader(reqBody))
		r.Header.Set("Content-Type", "application/json")
		return spec.Check(r, []byte(reqBody), 200, http.Header{"Content-Type": {"application/pdf"}}, []byte(respBody))
	}
	download := `{"access_token":"a","statement_id":"s"}`
	if p := pdf("/statements/download", download, "%PDF-1.4\n%%EOF\n"); p != "" {
		t.Fatalf("a PDF from /statements/download was flagged: %s", p)
	}
	if p := pdf("/statements/download", download, `{"request_id":"abcdeABCDE12345"}`); p == "" {
		t.Error("an application/pdf answer holding JSON passed")
	}
	if p := pdf("/item/remove", `{"access_token":"a"}`, "%PDF-1.4\n%%EOF\n"); p == "" {
		t.Error("a PDF answer to a JSON operation passed")
	}
}
