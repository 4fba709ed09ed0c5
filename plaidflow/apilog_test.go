package plaidflow

import (
	"context"
	"encoding/json"
	"strings"
	"sync"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// everyRecordedText is all the text the API log keeps of its calls.
func everyRecordedText(calls []Call) string {
	var b strings.Builder
	for _, c := range calls {
		b.WriteString(c.RequestBody + "\n" + c.ResponseBody + "\n" + c.Err + "\n")
		for k, v := range c.RequestHeaders {
			b.WriteString(k + ": " + v + "\n")
		}
	}
	return b.String()
}

// TestAPILogRedactsEveryTokenKindAndTheSecret runs real flows for all token kinds and proves
// no whole token and no trace of the secret reach the log, while the masked forms do.
func TestAPILogRedactsEveryTokenKindAndTheSecret(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{AssetReportDelay: 10 * time.Millisecond})
	c, log := fastClient(t, cfg)
	tokens := makeEveryTokenKind(t, c)
	if len(tokens) != 7 {
		t.Fatalf("want 7 token kinds, got %v", tokens)
	}

	text := everyRecordedText(log.Calls())
	for kind, tok := range tokens {
		if strings.Contains(text, tok) {
			t.Errorf("the %s token appears whole in the API log", kind)
		}
		if !strings.Contains(text, Mask(tok)) {
			t.Errorf("the %s token's masked form %q is missing from the API log", kind, Mask(tok))
		}
	}
	if strings.Contains(text, emulator.TestSecret) {
		t.Error("the client secret appears in the API log")
	}
	for _, call := range log.Calls() {
		if call.RequestHeaders["Plaid-Secret"] != Redacted {
			t.Errorf("%s: PLAID-SECRET header recorded as %q", call.Path, call.RequestHeaders["Plaid-Secret"])
		}
		if call.RequestHeaders["Plaid-Client-Id"] != emulator.TestClientID {
			t.Errorf("%s: client id header should be kept", call.Path)
		}
	}
}

// makeEveryTokenKind runs the calls that produce each kind of token Plaid issues.
func makeEveryTokenKind(t *testing.T, c *Client) map[string]string {
	t.Helper()
	ctx := context.Background()
	tokens := map[string]string{}
	lt, err := c.CreateLinkToken(ctx, DefaultLinkConfig(c.Config(), mustPartner(t, "dwolla")))
	if err != nil {
		t.Fatal(err)
	}
	tokens["link"] = lt.Token
	pt, err := c.SandboxPublicToken(ctx, DefaultInstitutionID, []string{"auth", "assets"}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	tokens["public"] = pt
	item, err := c.Exchange(ctx, pt)
	if err != nil {
		t.Fatal(err)
	}
	tokens["access"] = item.AccessToken
	accts, err := c.Accounts(ctx, item.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	checking := accountByMask(t, accts, "0000").ID
	for _, id := range []string{"dwolla", "stripe", "alloy-credit"} {
		res, err := c.PartnerToken(ctx, mustPartner(t, id), item.AccessToken, checking, PartnerInputs{InputSecondaryClientID: "alloy-x"}, nil)
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		for _, tok := range res.Tokens {
			tokens[string(tok.Kind)] = tok.Value
		}
	}
	return tokens
}

func TestRedactJSON(t *testing.T) {
	body := `{"secret":"s3cr3t-value","client_id":"cid","access_token":"weird-format-token",
	"report_tokens":["assets-sandbox-6f1ab2c3-0000-4000-8000-1234567890ab"],
	"note":"relay credit-relay-sandbox-1b2c3d4e-aaaa-4bbb-8ccc-ddddeeeeffff and btok_1NYxAbCdEfGh and s3cr3t-value",
	"nested":{"processor_token":"processor-production-9f8e7d6c-aaaa-4bbb-8ccc-ddddeeeeffff"},"days_requested":60}`
	got := RedactJSON([]byte(body), "s3cr3t-value")
	for _, leaked := range []string{"s3cr3t-value", "weird-format-token", "6f1ab2c3-0000-4000-8000-1234567890ab",
		"1b2c3d4e-aaaa-4bbb-8ccc-ddddeeeeffff", "btok_1NYxAbCdEfGh", "9f8e7d6c"} {
		if strings.Contains(got, leaked) {
			t.Errorf("%q leaked: %s", leaked, got)
		}
	}
	for _, kept := range []string{`"client_id":"cid"`, `"days_requested":60`, "assets-sandbox-…90ab", "credit-relay-sandbox-…ffff", "btok_…EfGh", Redacted} {
		if !strings.Contains(got, kept) {
			t.Errorf("%q missing: %s", kept, got)
		}
	}
	if !json.Valid([]byte(got)) {
		t.Errorf("redacted JSON is not JSON: %s", got)
	}
	if txt := RedactJSON([]byte("not json public-sandbox-12345678-aaaa s3cr3t-value"), "s3cr3t-value"); strings.Contains(txt, "12345678-aaaa") || strings.Contains(txt, "s3cr3t") {
		t.Errorf("text body leaked: %s", txt)
	}
}

func TestMask(t *testing.T) {
	cases := map[string]string{
		"access-sandbox-8ab976e6-64bc-4b38-98f7-731e7a349970": "access-sandbox-…9970",
		"btok_1NYxAbCdEfGh":                 "btok_…EfGh",
		"link-production-short":             "link-production-…",
		"opaque-value-without-environment1": "…ent1",
		"":                                  "",
	}
	for in, want := range cases {
		if got := Mask(in); got != want {
			t.Errorf("Mask(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCurlFor(t *testing.T) {
	call := Call{Method: "POST", Path: "/processor/token/create",
		RequestBody:    `{"access_token":"access-sandbox-…9970","account_id":"acc'1","processor":"dwolla","secret":"[REDACTED]"}`,
		RequestHeaders: map[string]string{"Plaid-Version": "2020-09-14"}}
	got := CurlFor("http://127.0.0.1:4010/", call)
	for _, want := range []string{"curl -sS -X POST 'http://127.0.0.1:4010/processor/token/create'", `"PLAID-SECRET: $PLAID_SECRET"`,
		`"PLAID-CLIENT-ID: $PLAID_CLIENT_ID"`, "'Plaid-Version: 2020-09-14'", `"processor":"dwolla"`, `acc'\''1`} {
		if !strings.Contains(got, want) {
			t.Errorf("curl lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "REDACTED") || strings.Contains(got, `"secret"`) {
		t.Errorf("credentials belong in the headers only:\n%s", got)
	}
}

func TestAPILogConcurrentUseAndOnCall(t *testing.T) {
	log := NewAPILog()
	var mu sync.Mutex
	seen := 0
	cancel := log.OnCall(func(Call) { mu.Lock(); seen++; mu.Unlock() })
	var wg sync.WaitGroup
	for i := 0; i < 20; i++ {
		wg.Add(1)
		go func() { defer wg.Done(); log.add(Call{Path: "/x"}); _ = log.Calls() }()
	}
	wg.Wait()
	cancel()
	log.add(Call{Path: "/after"})
	if len(log.Calls()) != 21 || seen != 20 {
		t.Errorf("%d calls, listener saw %d", len(log.Calls()), seen)
	}
}
