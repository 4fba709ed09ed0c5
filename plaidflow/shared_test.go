package plaidflow

import (
	"strings"
	"testing"
)

// Error pages are Plaid's per-type pages at the code's anchor; without both, the front page.
func TestErrorDocsURL(t *testing.T) {
	for _, tt := range []struct{ typ, code, want string }{
		{"ITEM_ERROR", "ITEM_LOCKED", "https://plaid.com/docs/errors/item/#item_locked"},
		{"INVALID_INPUT", "INVALID_LINK_TOKEN", "https://plaid.com/docs/errors/invalid-input/#invalid_link_token"},
		{"RATE_LIMIT_EXCEEDED", "RATE_LIMIT", "https://plaid.com/docs/errors/rate-limit-exceeded/#rate_limit"},
		{"", "ITEM_LOCKED", "https://plaid.com/docs/errors/"},
		{"ITEM_ERROR", "", "https://plaid.com/docs/errors/"},
	} {
		if got := ErrorDocsURL(tt.typ, tt.code); got != tt.want {
			t.Errorf("ErrorDocsURL(%q, %q) = %q, want %q", tt.typ, tt.code, got, tt.want)
		}
	}
}

// Polls are alike: same endpoint and answer. A different status, error code, path or a
// transport failure is not.
func TestAlikeCalls(t *testing.T) {
	poll := Call{Method: "POST", Path: "/link/token/get", Status: 200, RequestID: "a", Latency: 1}
	same := poll
	same.RequestID, same.Latency = "b", 2
	if !AlikeCalls(poll, same) {
		t.Error("two polls with the same answer should be alike")
	}
	for name, other := range map[string]Call{
		"status":    {Method: "POST", Path: "/link/token/get", Status: 400},
		"path":      {Method: "POST", Path: "/item/get", Status: 200},
		"code":      {Method: "POST", Path: "/link/token/get", Status: 200, ErrorCode: "X"},
		"transport": {Method: "POST", Path: "/link/token/get", Status: 200, Err: "refused"},
	} {
		if AlikeCalls(poll, other) {
			t.Errorf("a different %s should not be alike", name)
		}
	}
}

// Errors Link ends with that come from the bank or the user get advice too, not silence.
func TestLinkErrorsFromTheBankHaveHints(t *testing.T) {
	for code, want := range map[string]string{
		"INSTITUTION_DOWN":      "try again later",
		"COUNTRY_NOT_SUPPORTED": "PLAID_COUNTRY_CODES",
		"USER_INPUT_TIMEOUT":    "try again",
		"INTERNAL_SERVER_ERROR": "request_id",
		"INVALID_SEND_METHOD":   "another device",
	} {
		e := &PlaidError{Type: "INSTITUTION_ERROR", Code: code, Endpoint: "Link onExit"}
		if got := HintFor(e); !strings.Contains(got, want) {
			t.Errorf("%s: hint %q lacks %q", code, got, want)
		}
	}
}
