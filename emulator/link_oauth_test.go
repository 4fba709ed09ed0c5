package emulator

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

func TestLinkOAuthPopupPath(t *testing.T) {
	r := newLinkRig(t, nil)
	sid := r.session()
	if a, status := r.call("oauth/start", map[string]any{"link_session_id": sid, "institution_id": "ins_109508"}); status != 400 {
		t.Fatalf("a password bank started OAuth: %+v", a)
	}
	a, _ := r.call("oauth/start", map[string]any{"link_session_id": sid, "institution_id": "ins_127287"})
	if a.OAuth == nil || a.OAuth.Mode != "popup" || !strings.Contains(a.OAuth.BankURL, "/link/emulated/oauth/bank?oauth_state_id=") {
		t.Fatalf("oauth/start without redirect_uri: %+v", a.OAuth)
	}
	state := a.OAuth.StateID
	if early, status := r.call("oauth/resume", map[string]any{"link_session_id": sid, "oauth_state_id": state}); status != 400 {
		t.Fatalf("resumed before the bank answered: %+v", early)
	}
	info, _ := r.call("oauth/info", map[string]any{"oauth_state_id": state})
	if info.OAuth.InstitutionName != "Platypus OAuth Bank" || info.OAuth.ClientName != "Link test" {
		t.Fatalf("bank page info %+v", info.OAuth)
	}
	r.call("oauth/decide", map[string]any{"oauth_state_id": state, "approve": true})
	if again, status := r.call("oauth/decide", map[string]any{"oauth_state_id": state, "approve": false}); status != 400 {
		t.Fatalf("the bank's answer changed after the fact: %+v", again)
	}
	done, _ := r.call("oauth/resume", map[string]any{"link_session_id": sid, "oauth_state_id": state})
	if done.Next != "accounts" || done.Institution.InstitutionID != "ins_127287" || len(done.Accounts) == 0 {
		t.Fatalf("after approval: %+v", done)
	}
}

func TestLinkOAuthRedirectPath(t *testing.T) {
	redirect := "http://localhost:8123/oauth-return"
	cases := []struct {
		name     string
		approve  bool
		received func(state string) string
		next     string
		status   int
	}{
		{"approved", true, func(s string) string { return redirect + "?oauth_state_id=" + s }, "accounts", 200},
		{"denied", false, func(s string) string { return redirect + "?oauth_state_id=" + s }, "oauth_denied", 200},
		{"unknown state", true, func(string) string { return redirect + "?oauth_state_id=2f1d0000-0000-4000-8000-000000000000" }, "", 400},
		{"other redirect page", true, func(s string) string { return "http://localhost:8123/elsewhere?oauth_state_id=" + s }, "", 400},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := newLinkRig(t, map[string]any{"redirect_uri": redirect})
			sid := r.session()
			a, _ := r.call("oauth/start", map[string]any{"link_session_id": sid, "institution_id": "ins_127287"})
			if a.OAuth.Mode != "redirect" {
				t.Fatalf("mode %q with a redirect_uri", a.OAuth.Mode)
			}
			d, _ := r.call("oauth/decide", map[string]any{"oauth_state_id": a.OAuth.StateID, "approve": c.approve})
			if want := redirect + "?oauth_state_id=" + a.OAuth.StateID; d.OAuth.BankURL != want {
				t.Fatalf("the bank returns to %q, want %q", d.OAuth.BankURL, want)
			}
			got, status := r.call("session", map[string]any{"link_token": r.token, "received_redirect_uri": c.received(a.OAuth.StateID)})
			if status != c.status || got.Next != c.next {
				t.Fatalf("resume: %d %+v", status, got)
			}
			if status == 200 && got.LinkSessionID != sid {
				t.Fatalf("resumed session %s, want the original %s", got.LinkSessionID, sid)
			}
		})
	}
}

func TestLinkStaticRoutes(t *testing.T) {
	r := newLinkRig(t, nil)
	cases := []struct {
		path, ctype, csp, body string
		status                 int
	}{
		{"/link/v2/stable/link-initialize.js", "text/javascript", "", "window.Plaid", 200},
		{"/link/emulated/frame?token=x&origin=http://127.0.0.1:1", "text/html", "default-src 'none'", "screen", 200},
		{"/link/emulated/hosted/" + r.token, "text/html", "frame-ancestors 'none'", "screen", 200},
		{"/link/emulated/oauth/bank?oauth_state_id=x", "text/html", "frame-ancestors 'none'", "approve", 200},
		{"/link/emulated/static/link.js", "text/javascript", "", "link_session_id", 200},
		{"/link/emulated/static/../../api/session", "", "", "", 404},
		{"/link/emulated/nothing", "", "", "", 404},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			res, err := http.Get(r.srv.URL + c.path)
			if err != nil {
				t.Fatal(err)
			}
			defer res.Body.Close()
			b, _ := io.ReadAll(res.Body)
			body := string(b)
			if res.StatusCode != c.status {
				t.Fatalf("status %d, want %d", res.StatusCode, c.status)
			}
			if c.status != 200 {
				return
			}
			if !strings.HasPrefix(res.Header.Get("Content-Type"), c.ctype) || !strings.Contains(res.Header.Get("Content-Security-Policy"), c.csp) || !strings.Contains(body, c.body) {
				t.Fatalf("type %q csp %q, body has %q: %v", res.Header.Get("Content-Type"), res.Header.Get("Content-Security-Policy"), c.body, strings.Contains(body, c.body))
			}
		})
	}
}
