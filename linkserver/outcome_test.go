package linkserver

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestOutcomes(t *testing.T) {
	cases := []struct {
		name  string
		posts []string // kind:body, in order
		codes []int
		check func(t *testing.T, o Outcome)
	}{
		{"success", []string{"success:" + goodSuccess}, []int{200}, func(t *testing.T, o Outcome) {
			if !o.Succeeded() || o.PublicToken != "public-sandbox-6a0b4a8e-1111-4c1d-9c43-2b3f1e5d7a90" {
				t.Fatalf("public token %q", o.PublicToken)
			}
			if o.Institution == nil || o.Institution.InstitutionID != "ins_109508" || len(o.Accounts) != 1 || o.Accounts[0].Subtype != "checking" || o.LinkSessionID != "sess-1" {
				t.Fatalf("metadata lost: %+v", o)
			}
		}},
		{"exit without error", []string{"exit:" + goodExit}, []int{200}, func(t *testing.T, o Outcome) {
			if !o.Exited || o.ExitError != nil || o.ExitStatus != "institution_not_found" || o.RequestID != "req123" || o.Succeeded() {
				t.Fatalf("outcome %+v", o)
			}
		}},
		{"exit with error", []string{"exit:" + errorExit}, []int{200}, func(t *testing.T, o Outcome) {
			if !o.Exited || o.ExitError == nil || o.ExitError.ErrorCode != "ITEM_LOCKED" || o.ExitError.ErrorType != "ITEM_ERROR" || o.ExitStatus != "requires_credentials" {
				t.Fatalf("outcome %+v", o)
			}
		}},
		{"second success is refused", []string{"success:" + goodSuccess, "success:" + strings.Replace(goodSuccess, "6a0b", "ffff", 1)}, []int{200, 409}, func(t *testing.T, o Outcome) {
			if !strings.HasPrefix(o.PublicToken, "public-sandbox-6a0b") {
				t.Fatalf("the later success won: %q", o.PublicToken)
			}
		}},
		{"exit after success is refused", []string{"success:" + goodSuccess, "exit:" + errorExit}, []int{200, 409}, func(t *testing.T, o Outcome) {
			if !o.Succeeded() || o.Exited {
				t.Fatalf("outcome %+v", o)
			}
		}},
		{"events before and after the outcome are accepted", []string{"load:{}", `event:{"event_name":"OPEN","metadata":{}}`, "success:" + goodSuccess, `event:{"event_name":"HANDOFF","metadata":{}}`}, []int{200, 200, 200, 200}, func(t *testing.T, o Outcome) {
			if !o.Succeeded() {
				t.Fatalf("outcome %+v", o)
			}
		}},
		{"escape sequences are stripped", []string{"success:" + strings.Replace(goodSuccess, "First Platypus Bank", `First\u001b[2J Platypus\u009b1m Bank\u202e\u200b`, 1)}, []int{200}, func(t *testing.T, o Outcome) {
			if o.Institution.Name != "First Platypus Bank" {
				t.Fatalf("institution name %q, want the escapes, bidi and zero-width characters gone", o.Institution.Name)
			}
		}},
		{"escape sequences are stripped from verification_status", []string{"success:" + strings.Replace(goodSuccess, `"verification_status":null`, `"verification_status":"pending\u001b]0;x\u0007_manual"`, 1)}, []int{200}, func(t *testing.T, o Outcome) {
			if vs := o.Accounts[0].VerificationStatus; vs == nil || *vs != "pending_manual" {
				t.Fatalf("verification_status %v, want the control characters gone", vs)
			}
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := startTest(t, Options{})
			for i, p := range c.posts {
				kind, body, _ := strings.Cut(p, ":")
				res := request(t, s, "POST", "/"+s.secret+"/callback/"+kind, body, nil)
				if res.StatusCode != c.codes[i] {
					t.Fatalf("post %d (%s): status %d, want %d", i, kind, res.StatusCode, c.codes[i])
				}
			}
			o, err := s.Wait(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			c.check(t, o)
		})
	}
}

func TestTimeoutEndsTheWait(t *testing.T) {
	s := startTest(t, Options{Timeout: time.Millisecond})
	o, err := s.Wait(context.Background())
	if err != nil || !o.TimedOut || o.Succeeded() || o.Exited {
		t.Fatalf("Wait = %+v, %v; want a timed-out outcome", o, err)
	}
	if res := request(t, s, "POST", "/"+s.secret+"/callback/success", goodSuccess, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("success after the timeout: status %d, want 409", res.StatusCode)
	}
}

func TestWaitReturnsWhenCallerGivesUp(t *testing.T) {
	s := startTest(t, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := s.Wait(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("Wait after cancel: %v", err)
	}
}

func TestStartContextClosesServer(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Start(ctx, EmulatorOptions(Options{LinkToken: "link-sandbox-x"}, "http://127.0.0.1:9"))
	if err != nil {
		t.Fatal(err)
	}
	cancel()
	for range s.Events() { // drains until Close closes the channel
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Fatal("server still answers after its context ended")
	}
}

func TestStartContextClosesServerAfterTheOutcome(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	s, err := Start(ctx, EmulatorOptions(Options{LinkToken: "link-sandbox-x"}, "http://127.0.0.1:9"))
	if err != nil {
		t.Fatal(err)
	}
	request(t, s, "POST", "/"+s.secret+"/callback/exit", goodExit, nil)
	if _, err := s.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	cancel()
	for range s.Events() {
	}
	if _, err := http.Get(s.URL()); err == nil {
		t.Fatal("server still answers after its context ended")
	}
}

func TestEventsArriveInOrderAndCloseWithServer(t *testing.T) {
	s := startTest(t, Options{})
	for _, p := range []string{"load:{}", `event:{"event_name":"OPEN","metadata":{"view_name":null}}`, "exit:" + goodExit} {
		kind, body, _ := strings.Cut(p, ":")
		request(t, s, "POST", "/"+s.secret+"/callback/"+kind, body, nil)
	}
	s.Close()
	var got []string
	for ev := range s.Events() {
		got = append(got, string(ev.Kind)+":"+ev.Name)
	}
	if strings.Join(got, ",") != "load:,event:OPEN,exit:" {
		t.Fatalf("events %v", got)
	}
}

func TestPageHeadersAndEscaping(t *testing.T) {
	s := startTest(t, Options{LinkToken: `link-sandbox-"><script>alert(1)</script>`})
	res := request(t, s, "GET", "/"+s.secret+"/", "", nil)
	body, _ := io.ReadAll(res.Body)
	page := string(body)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	for h, want := range map[string]string{"Cache-Control": "no-store", "Referrer-Policy": "no-referrer", "X-Content-Type-Options": "nosniff"} {
		if got := res.Header.Get(h); got != want {
			t.Errorf("%s = %q, want %q", h, got, want)
		}
	}
	csp := res.Header.Get("Content-Security-Policy")
	nonce := regexp.MustCompile(`'nonce-([A-Za-z0-9_-]+)'`).FindStringSubmatch(csp)
	if nonce == nil || !strings.Contains(page, `nonce="`+nonce[1]+`"`) {
		t.Fatalf("page scripts do not carry the CSP nonce: %s", csp)
	}
	for _, want := range []string{"default-src 'none'", "script-src 'self' 'nonce-", " http://127.0.0.1:9;", "frame-src http://127.0.0.1:9;", "connect-src 'self' http://127.0.0.1:9;", "frame-ancestors 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "unsafe-eval") || strings.Contains(csp, "*") {
		t.Errorf("CSP too loose: %s", csp)
	}
	if strings.Contains(page, "<script>alert(1)") {
		t.Fatal("link_token was not escaped")
	}
	if !strings.Contains(page, `src="http://127.0.0.1:9/link/v2/stable/link-initialize.js"`) {
		t.Fatal("page does not load the Link script it was given")
	}
}

func TestRealModeCSPAllowsOnlyPlaid(t *testing.T) {
	s := startTest(t, PlaidOptions(Options{LinkToken: "link-sandbox-x"}, "sandbox"))
	csp := request(t, s, "GET", "/"+s.secret+"/", "", nil).Header.Get("Content-Security-Policy")
	for _, want := range []string{"https://cdn.plaid.com", "frame-src https://cdn.plaid.com;", "connect-src 'self' https://sandbox.plaid.com;"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP lacks %q: %s", want, csp)
		}
	}
	if strings.Contains(csp, "127.0.0.1") || strings.Contains(csp, "production") {
		t.Errorf("CSP allows more than Plaid's sandbox hosts: %s", csp)
	}
}

func freePort(t *testing.T) int {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().(*net.TCPAddr).Port
}

func TestOAuthReturnPage(t *testing.T) {
	port := freePort(t)
	token := "link-sandbox-11111111-2222-4333-8444-555555555555"
	s := startTest(t, Options{LinkToken: token, RedirectURI: fmt.Sprintf("http://localhost:%d/oauth-return", port)})
	if want := fmt.Sprintf("http://localhost:%d/%s/", port, s.secret); s.URL() != want {
		t.Fatalf("URL %q, want %q: the page must share the redirect_uri's origin", s.URL(), want)
	}
	res := request(t, s, "GET", "/oauth-return?oauth_state_id=abc", "", func(r *http.Request) { r.Host = fmt.Sprintf("localhost:%d", port) })
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 || !strings.Contains(string(body), `data-mode="oauth"`) {
		t.Fatalf("OAuth page: status %d", res.StatusCode)
	}
	if strings.Contains(string(body), token) || strings.Contains(string(body), s.secret) {
		t.Fatal("the secret-free OAuth page gives away the link_token or the secret")
	}
	res = request(t, s, "GET", "/"+s.secret+"/session", "", nil)
	var sess struct {
		LinkToken string `json:"link_token"`
	}
	if err := json.NewDecoder(res.Body).Decode(&sess); err != nil || sess.LinkToken != token {
		t.Fatalf("session: %v %+v", err, sess)
	}
	if res := request(t, s, "GET", "/session", "", nil); res.StatusCode != 403 {
		t.Fatalf("session without secret: status %d", res.StatusCode)
	}
}
