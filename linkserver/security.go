package linkserver

import (
	"crypto/rand"
	"encoding/base64"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
)

// secretBytes is the per-session secret's size: 32 bytes, 256 random bits (the rule asks >= 128).
const secretBytes = 32

// maxBody bounds a callback's body. Link's metadata is a few kilobytes at most.
const maxBody = 64 << 10

func newSecret() (string, error) { return randomToken(secretBytes) }

func randomToken(n int) (string, error) {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("linkserver: no randomness for the session secret: %w", err)
	}
	return base64.RawURLEncoding.EncodeToString(b), nil
}

// redirectTarget is what the server takes from a redirect_uri.
type redirectTarget struct {
	host string // "localhost" or "127.0.0.1"; "" without a redirect_uri
	port int
	path string
}

// parseRedirectURI accepts only a redirect_uri this server can answer: http on localhost or
// 127.0.0.1 with an explicit port that agrees with --port. Plaid allows http://localhost in
// Sandbox; anything else would send the bank's return to some other server.
func parseRedirectURI(raw string, port int) (redirectTarget, error) {
	if raw == "" {
		return redirectTarget{}, nil
	}
	u, err := url.Parse(raw)
	if err != nil {
		return redirectTarget{}, fmt.Errorf("linkserver: redirect_uri %q is not a URL: %w", raw, err)
	}
	host := u.Hostname()
	if u.Scheme != "http" || (host != "localhost" && host != "127.0.0.1") {
		return redirectTarget{}, fmt.Errorf("linkserver: redirect_uri %q must be http://localhost:PORT/path (or 127.0.0.1) so this computer can receive the bank's return", raw)
	}
	p, err := strconv.Atoi(u.Port())
	if err != nil || p <= 0 || p > 65535 {
		return redirectTarget{}, fmt.Errorf("linkserver: redirect_uri %q needs an explicit port, the one allow-listed in the Plaid Dashboard", raw)
	}
	if port != 0 && port != p {
		return redirectTarget{}, fmt.Errorf("linkserver: --port %d differs from the redirect_uri's port %d: drop --port or make them match", port, p)
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return redirectTarget{}, fmt.Errorf("linkserver: redirect_uri %q must have no query or fragment (Plaid refuses them)", raw)
	}
	path := u.EscapedPath()
	if path == "" || path == "/" {
		return redirectTarget{}, fmt.Errorf("linkserver: redirect_uri %q needs a path, such as /oauth-return", raw)
	}
	return redirectTarget{host: host, port: p, path: path}, nil
}

// errRefused carries the status a refused request gets.
type errRefused struct {
	status int
	why    string
}

func (e *errRefused) Error() string { return e.why }

func refuse(status int, why string) error { return &errRefused{status, why} }

// checkHost defeats DNS rebinding: a page on evil.example that rebinds its name to 127.0.0.1
// still sends Host: evil.example.
func (s *Server) checkHost(r *http.Request) error {
	if !s.hosts[strings.ToLower(r.Host)] {
		return refuse(http.StatusForbidden, "unexpected Host header")
	}
	return nil
}

// checkCallback enforces what a callback must look like: a same-origin JSON POST.
func (s *Server) checkCallback(r *http.Request) error {
	if r.Method != http.MethodPost {
		return refuse(http.StatusMethodNotAllowed, "callbacks are POST only")
	}
	mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "application/json" {
		return refuse(http.StatusUnsupportedMediaType, "callbacks must be application/json")
	}
	if origin := r.Header.Get("Origin"); origin != "http://"+strings.ToLower(r.Host) {
		return refuse(http.StatusForbidden, "cross-origin callback")
	}
	if r.ContentLength > maxBody {
		return refuse(http.StatusRequestEntityTooLarge, "callback body too large")
	}
	return nil
}

// setPageHeaders sets the headers every response carries.
func setPageHeaders(h http.Header) {
	h.Set("Cache-Control", "no-store")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Cross-Origin-Opener-Policy", "same-origin-allow-popups")
}

// csp is the page's Content-Security-Policy: its own files, the one Link script, Link's frames,
// and calls to itself and the environment's API host; nothing inline without the nonce.
func (s *Server) csp(nonce string) string {
	frames := strings.Join(s.opts.FrameOrigins, " ")
	if frames == "" {
		frames = "'none'"
	}
	connect := strings.TrimSpace("'self' " + strings.Join(s.opts.ConnectOrigins, " "))
	return strings.Join([]string{
		"default-src 'none'",
		"script-src 'self' 'nonce-" + nonce + "' " + scriptSource(s.opts.ScriptURL),
		"style-src 'nonce-" + nonce + "'",
		"img-src 'self' data:",
		"frame-src " + frames,
		"connect-src " + connect,
		"base-uri 'none'",
		"form-action 'none'",
		"frame-ancestors 'none'",
	}, "; ")
}

// scriptSource is the CSP source for the Link script: its origin, since Plaid's script may
// load its own parts from the same CDN.
func scriptSource(scriptURL string) string {
	u, err := url.Parse(scriptURL)
	if err != nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host
}
