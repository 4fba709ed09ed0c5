package linkserver

import (
	"context"
	"encoding/base64"
	"io"
	"net"
	"net/http"
	"strings"
	"testing"
)

const testScript = "http://127.0.0.1:9/link/v2/stable/link-initialize.js"

func startTest(t *testing.T, o Options) *Server {
	t.Helper()
	if o.LinkToken == "" {
		o.LinkToken = "link-sandbox-00000000-0000-4000-8000-000000000000"
	}
	if o.ScriptURL == "" {
		o = EmulatorOptions(o, "http://127.0.0.1:9")
	}
	s, err := Start(context.Background(), o)
	if err != nil {
		t.Fatalf("Start: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// request sends one request to s with the headers a same-origin page would send, then applies
// edit so each case changes only what it tests.
func request(t *testing.T, s *Server, method, path, body string, edit func(*http.Request)) *http.Response {
	t.Helper()
	req, err := http.NewRequest(method, "http://"+s.Addr()+path, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Origin", "http://"+s.Addr())
	if edit != nil {
		edit(req)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

const (
	goodSuccess = `{"public_token":"public-sandbox-6a0b4a8e-1111-4c1d-9c43-2b3f1e5d7a90","metadata":{"institution":{"name":"First Platypus Bank","institution_id":"ins_109508"},"accounts":[{"id":"acc1","name":"Plaid Checking","mask":"0000","type":"depository","subtype":"checking","verification_status":null}],"link_session_id":"sess-1"}}`
	goodExit    = `{"error":null,"metadata":{"institution":null,"status":"institution_not_found","link_session_id":"sess-2","request_id":"req123"}}`
	errorExit   = `{"error":{"error_type":"ITEM_ERROR","error_code":"ITEM_LOCKED","error_message":"the account is locked","display_message":"Locked"},"metadata":{"institution":{"name":"First Platypus Bank","institution_id":"ins_109508"},"status":"requires_credentials","link_session_id":"sess-3","request_id":"req456"}}`
)

func TestStartRefusesBadOptions(t *testing.T) {
	cases := []struct {
		name string
		o    Options
		want string
	}{
		{"no link token", Options{ScriptURL: testScript}, "no link_token"},
		{"no script", Options{LinkToken: "link-sandbox-x"}, "no Link script"},
		{"https redirect", Options{LinkToken: "l", ScriptURL: testScript, RedirectURI: "https://example.com/cb"}, "must be http://localhost"},
		{"remote redirect", Options{LinkToken: "l", ScriptURL: testScript, RedirectURI: "http://10.0.0.1:8080/cb"}, "must be http://localhost"},
		{"redirect without port", Options{LinkToken: "l", ScriptURL: testScript, RedirectURI: "http://localhost/cb"}, "explicit port"},
		{"redirect with query", Options{LinkToken: "l", ScriptURL: testScript, RedirectURI: "http://localhost:8123/cb?x=1"}, "no query"},
		{"redirect without path", Options{LinkToken: "l", ScriptURL: testScript, RedirectURI: "http://localhost:8123/"}, "needs a path"},
		{"port disagrees", Options{LinkToken: "l", ScriptURL: testScript, Port: 8124, RedirectURI: "http://localhost:8123/cb"}, "differs"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, err := Start(context.Background(), c.o)
			if err == nil {
				s.Close()
				t.Fatalf("Start accepted %+v", c.o)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Fatalf("error %q does not say %q", err, c.want)
			}
		})
	}
}

func TestListensOnLoopbackWithLongSecret(t *testing.T) {
	a, b := startTest(t, Options{}), startTest(t, Options{})
	host, _, _ := net.SplitHostPort(a.Addr())
	if host != "127.0.0.1" {
		t.Fatalf("listening on %s, want 127.0.0.1", a.Addr())
	}
	raw, err := base64.RawURLEncoding.DecodeString(a.secret)
	if err != nil || len(raw)*8 < 128 {
		t.Fatalf("secret %q has %d bits, want >= 128", a.secret, len(raw)*8)
	}
	if a.secret == b.secret {
		t.Fatal("two sessions share a secret")
	}
	if !strings.Contains(a.URL(), "/"+a.secret+"/") || !strings.HasPrefix(a.URL(), "http://127.0.0.1:") {
		t.Fatalf("URL %q lacks the secret or the loopback host", a.URL())
	}
	if a.http.ReadHeaderTimeout <= 0 || a.http.ReadTimeout <= 0 || a.http.WriteTimeout <= 0 || a.http.IdleTimeout <= 0 {
		t.Fatalf("server timeouts unset: %+v", a.http)
	}
}

func TestRefusalsKeepTheWaitGoing(t *testing.T) {
	cases := []struct {
		name   string
		method string
		path   string // %s is the secret
		body   string
		edit   func(*http.Request)
		status int
	}{
		{"page without secret", "GET", "/", "", nil, 403},
		{"page with wrong secret", "GET", "/wrong-secret-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/", "", nil, 403},
		{"callback without secret", "POST", "/callback/success", goodSuccess, nil, 403},
		{"callback with wrong secret", "POST", "/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/callback/success", goodSuccess, nil, 403},
		{"rebound host", "GET", "/%s/", "", func(r *http.Request) { r.Host = "evil.example:80" }, 403},
		{"host with other port", "GET", "/%s/", "", func(r *http.Request) { r.Host = "127.0.0.1:1" }, 403},
		{"callback by GET", "GET", "/%s/callback/success", "", nil, 405},
		{"callback as form", "POST", "/%s/callback/success", goodSuccess, func(r *http.Request) { r.Header.Set("Content-Type", "application/x-www-form-urlencoded") }, 415},
		{"callback as text", "POST", "/%s/callback/success", goodSuccess, func(r *http.Request) { r.Header.Set("Content-Type", "text/plain") }, 415},
		{"callback from other origin", "POST", "/%s/callback/success", goodSuccess, func(r *http.Request) { r.Header.Set("Origin", "http://evil.example") }, 403},
		{"callback without origin", "POST", "/%s/callback/success", goodSuccess, func(r *http.Request) { r.Header.Del("Origin") }, 403},
		{"callback from null origin", "POST", "/%s/callback/success", goodSuccess, func(r *http.Request) { r.Header.Set("Origin", "null") }, 403},
		{"body too large", "POST", "/%s/callback/event", `{"event_name":"OPEN","metadata":{"x":"` + strings.Repeat("a", maxBody) + `"}}`, nil, 413},
		{"body too large, unknown length", "POST", "/%s/callback/event", `{"event_name":"OPEN","metadata":{"x":"` + strings.Repeat("a", maxBody) + `"}}`, func(r *http.Request) { r.ContentLength = -1 }, 413},
		{"not JSON", "POST", "/%s/callback/success", `public_token=x`, nil, 400},
		{"malformed public token", "POST", "/%s/callback/success", `{"public_token":"access-sandbox-123456789","metadata":{}}`, nil, 400},
		{"missing public token", "POST", "/%s/callback/success", `{"metadata":{}}`, nil, 400},
		{"event without name", "POST", "/%s/callback/event", `{"metadata":{}}`, nil, 400},
		{"event with odd name", "POST", "/%s/callback/event", `{"event_name":"\u001b[31mOPEN","metadata":{}}`, nil, 400},
		{"unknown callback", "POST", "/%s/callback/teleport", `{}`, nil, 400},
		{"unknown path", "GET", "/%s/nothing-here", "", nil, 404},
	}
	s := startTest(t, Options{})
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := strings.Replace(c.path, "%s", s.secret, 1)
			res := request(t, s, c.method, path, c.body, c.edit)
			if res.StatusCode != c.status {
				b, _ := io.ReadAll(res.Body)
				t.Fatalf("status %d (%s), want %d", res.StatusCode, b, c.status)
			}
			if s.finished() {
				t.Fatal("a refused request ended the session")
			}
		})
	}
	// The session still takes a good success after all that.
	if res := request(t, s, "POST", "/"+s.secret+"/callback/success", goodSuccess, nil); res.StatusCode != 200 {
		t.Fatalf("good success after refusals: status %d", res.StatusCode)
	}
}
