package plaidflow

import (
	"encoding/json"
	"testing"
)

// TestLinkSessionResultFromEachShape decodes /link/token/get sessions the way LinkTokenResult
// does and checks each ending: the legacy on_success, results.item_add_results, an exit with
// Plaid's error, an exit without one, and a session still open.
func TestLinkSessionResultFromEachShape(t *testing.T) {
	cases := []struct {
		name, session string
		want          LinkSessionResult
		wantCode      string
		finished      bool
	}{
		{"on_success", `{"on_success":{"public_token":"public-a","metadata":{}}}`, LinkSessionResult{Done: true, PublicToken: "public-a"}, "", true},
		{"item_add_results", `{"results":{"item_add_results":[{"public_token":""},{"public_token":"public-b"}],"cra_item_add_results":[]}}`,
			LinkSessionResult{Done: true, PublicToken: "public-b"}, "", true},
		{"exit with error", `{"on_exit":{"error":{"error_type":"ITEM_ERROR","error_code":"INVALID_CREDENTIALS","error_message":"wrong","display_message":null,"request_id":"r1"}}}`,
			LinkSessionResult{Done: true}, "INVALID_CREDENTIALS", true},
		{"exit without error", `{"on_exit":{"error":null,"metadata":{}}}`, LinkSessionResult{Done: true}, "", true},
		{"still open", `{"link_session_id":"s","started_at":"2026-12-07T00:00:00Z"}`, LinkSessionResult{}, "", false},
	}
	for _, c := range cases {
		var resp linkTokenSessions
		if err := json.Unmarshal([]byte(`{"link_sessions":[`+c.session+`]}`), &resp); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		got, finished := resp.LinkSessions[0].result()
		if finished != c.finished || got.Done != c.want.Done || got.PublicToken != c.want.PublicToken {
			t.Errorf("%s: got %+v finished=%v, want %+v finished=%v", c.name, got, finished, c.want, c.finished)
		}
		code := ""
		if got.ExitError != nil {
			code = got.ExitError.Code
		}
		if code != c.wantCode {
			t.Errorf("%s: exit error code %q, want %q", c.name, code, c.wantCode)
		}
	}
}
