package plaidtest

import (
	"context"
	"crypto/tls"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/emulator"
)

// Plaid's names the server answers as. Its certificate covers all of them; it answers the API
// host of its own environment and the CDN.
const (
	SandboxHost    = "sandbox.plaid.com"
	ProductionHost = "production.plaid.com"
	CDNHost        = "cdn.plaid.com"
)

// The keys the impersonated Plaid accepts: the emulator's.
const (
	ClientID = emulator.TestClientID
	Secret   = emulator.TestSecret
)

// Server is the emulator playing Plaid in one environment over TLS on 127.0.0.1.
type Server struct {
	Env   string   // "sandbox" or "production"
	Addr  string   // 127.0.0.1:PORT, where every Plaid name it plays leads
	Hosts []string // the names it answers as: the environment's API host and the CDN
	certs certs

	mu   sync.Mutex
	seen []request // every request, in order
}

type request struct{ host, path string }

// Start serves a fresh emulator as Plaid's env ("sandbox" or "production") until the test
// ends. Asset Reports are ready after 50ms, so partner walks that need one stay quick.
func Start(t testing.TB, env string) *Server {
	t.Helper()
	api := SandboxHost
	if env == "production" {
		api = ProductionHost
	} else if env != "sandbox" {
		t.Fatalf("plaidtest: env %q: Plaid has sandbox and production", env)
	}
	s := &Server{Env: env, Hosts: []string{api, CDNHost}}
	s.certs = newCerts(t, []string{SandboxHost, ProductionHost, CDNHost})
	emu := emulator.New(emulator.Options{AssetReportDelay: 50 * time.Millisecond,
		Impersonate: emulator.Impersonation{Env: env, Hosts: s.Hosts, LinkHost: CDNHost}})
	ts := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.seen = append(s.seen, request{strings.ToLower(r.Host), r.URL.Path})
		s.mu.Unlock()
		emu.ServeHTTP(w, r)
	}))
	// Handshakes refused by a client that does not trust the CA are a test's point, not news.
	ts.Config.ErrorLog = log.New(io.Discard, "", 0)
	ts.TLS = &tls.Config{Certificates: []tls.Certificate{s.certs.leaf}, MinVersion: tls.VersionTLS12}
	ts.StartTLS()
	t.Cleanup(ts.Close)
	s.Addr = ts.Listener.Addr().String()
	return s
}

// Calls are the paths called so far on the environment's API host, in order: what a test
// reads to prove that nothing was sent (before a confirmation, after a refusal).
func (s *Server) Calls() []string { return s.paths(s.Hosts[0]) }

// CDNPaths are the paths fetched from cdn.plaid.com, in order: Link's script, its frame and
// the frame's own calls prove a page took Link from the (impersonated) CDN.
func (s *Server) CDNPaths() []string { return s.paths(CDNHost) }

func (s *Server) paths(host string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.seen {
		if r.host == host {
			out = append(out, r.path)
		}
	}
	return out
}

// Vars are the variables a user with keys for this server sets, merged over extra.
func (s *Server) Vars(extra map[string]string) map[string]string {
	vars := map[string]string{"PLAID_CLIENT_ID": ClientID, "PLAID_SECRET": Secret, "PLAID_ENV": s.Env}
	for k, v := range extra {
		vars[k] = v
	}
	return vars
}

// Transport is the network a client sees: the names this server plays lead to it, its
// certificate is trusted (through the test CA, and no other CA), and any other name does not
// resolve.
func (s *Server) Transport() *http.Transport { return s.transport(true) }

// UntrustedTransport reaches the server as Transport does but trusts only the system's CAs,
// as a machine would behind a proxy whose certificate it does not know.
func (s *Server) UntrustedTransport() *http.Transport { return s.transport(false) }

func (s *Server) transport(trustCA bool) *http.Transport {
	tr := http.DefaultTransport.(*http.Transport).Clone()
	tr.Proxy = nil // HTTPS_PROXY in the tester's environment must not take the calls elsewhere
	tr.DialContext = s.dial
	tr.TLSClientConfig = &tls.Config{MinVersion: tls.VersionTLS12}
	if trustCA {
		tr.TLSClientConfig.RootCAs = s.certs.pool
	}
	return tr
}

// dial is the test network's resolver and dialer: a name this server plays is its address;
// any other is the error a failed DNS lookup gives.
func (s *Server) dial(ctx context.Context, network, addr string) (net.Conn, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return nil, err
	}
	if !slices.Contains(s.Hosts, strings.ToLower(host)) {
		return nil, &net.OpError{Op: "dial", Net: network,
			Err: &net.DNSError{Err: "no such host", Name: host, IsNotFound: true}}
	}
	var d net.Dialer
	return d.DialContext(ctx, "tcp", s.Addr)
}

// ChromiumFlags make Chromium reach this server for the names it plays and accept its
// certificate (by its public key's hash; headless Chromium honours the SPKI list when it has
// its own profile directory, as browsertest gives it). Pass them to browsertest.StartWith.
func (s *Server) ChromiumFlags() []chromedp.ExecAllocatorOption {
	var rules []string
	for _, h := range s.Hosts {
		rules = append(rules, "MAP "+h+" "+s.Addr)
	}
	return []chromedp.ExecAllocatorOption{
		chromedp.Flag("host-resolver-rules", strings.Join(rules, ", ")),
		chromedp.Flag("ignore-certificate-errors-spki-list", s.certs.spki),
	}
}
