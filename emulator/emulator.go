package emulator

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The emulator's test keys: printed by `plaidwalk emulator`, the only keys it accepts. They are
// fake and offline-only, so printing them is fine.
const (
	TestClientID = "6a1f0ff11e0e0a1a70e00001"
	TestSecret   = "0ff11ne5ec4e70000000000000000a"
)

// DefaultAssetReportDelay is how long a new asset report stays "not ready" by default.
const DefaultAssetReportDelay = 2 * time.Second

// Options tune an Emulator; the zero value is Plaid's sandbox behaviour.
type Options struct {
	Now              func() time.Time // injectable clock; nil: time.Now
	AssetReportDelay time.Duration    // how long /asset_report/get answers PRODUCT_NOT_READY; 0: 2s
	Impersonate      Impersonation    // tests only: play Plaid under Plaid's names (impersonate.go)
	Webhooks         WebhookOptions   // retry delay, hosts allowed besides loopback, the delivery printout (webhook_hub.go)
	// TransactionsReadyDelay is how long after linking an Item's transactions stay not ready
	// and its TRANSACTIONS webhooks wait (webhook_transactions.go); 0: 5s.
	TransactionsReadyDelay time.Duration
}

// Emulator is the offline Plaid: an http.Handler, safe for concurrent use. One mutex guards
// the API's state: every request is short and in memory, so finer locking would buy nothing.
// The emulated Link's sessions (link) have their own lock, taken before mu, never inside it.
type Emulator struct {
	now        func() time.Time
	assetDelay time.Duration
	txnDelay   time.Duration
	as         Impersonation

	mu               sync.Mutex
	linkTokens       map[string]*linkTokenState
	publicTokens     map[string]*publicTokenState
	items            map[string]*item           // by item_id
	accessTokens     map[tokenKey]*item         // by the access_token's key (item_seed.go)
	processorTokens  map[tokenKey]tokenGrant    // by the processor_token's key
	partnerSettings  map[string]partnerSettings // by processor_token, only those a setting was changed for (h_processor_partner.go)
	stripeTokens     map[string]tokenGrant
	reports          map[string]*assetReport // by asset_report_token
	relayTokens      map[string]relayGrant
	store            *store                 // the state file of --state (store.go); nil: memory only
	storeErr         error                  // a failed state write, answered from then on
	nextPrune        time.Time              // see prune.go
	prunedLinkTokens []string               // dropped, their Link sessions not yet
	txnTimers        map[string]*time.Timer // by item_id: the pending TRANSACTIONS readiness webhooks, stopped on Close
	signals          signalLog              // Signal's evaluations by client_transaction_id (h_signal.go)

	link linkFlow // the emulated Link's sessions, under their own lock (lock order: link_state.go)

	hooks *webhookHub // signs, queues and delivers webhooks, under its own lock, taken inside e.mu (webhook_hub.go)
}

// New makes an Emulator with empty state.
func New(o Options) *Emulator {
	e := &Emulator{
		now:             o.Now,
		assetDelay:      o.AssetReportDelay,
		txnDelay:        o.TransactionsReadyDelay,
		as:              o.Impersonate,
		linkTokens:      map[string]*linkTokenState{},
		publicTokens:    map[string]*publicTokenState{},
		items:           map[string]*item{},
		accessTokens:    map[tokenKey]*item{},
		processorTokens: map[tokenKey]tokenGrant{},
		stripeTokens:    map[string]tokenGrant{},
		reports:         map[string]*assetReport{},
		relayTokens:     map[string]relayGrant{},
		txnTimers:       map[string]*time.Timer{},
	}
	if e.now == nil {
		e.now = time.Now
	}
	if e.assetDelay <= 0 {
		e.assetDelay = DefaultAssetReportDelay
	}
	if e.txnDelay <= 0 {
		e.txnDelay = DefaultTransactionsReadyDelay
	}
	e.hooks = newWebhookHub(o.Webhooks, e.now)
	return e
}

// ServeHTTP refuses requests not addressed to a loopback name, then routes emulated Link
// pages to serveLink and everything else to the API.
func (e *Emulator) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if perr := e.checkHost(r); perr != nil {
		e.writeError(w, r, perr)
		return
	}
	if strings.HasPrefix(r.URL.Path, "/link/v2/") || strings.HasPrefix(r.URL.Path, "/link/emulated/") {
		e.serveLink(w, r)
		return
	}
	e.serveAPI(w, r)
}

// Serve listens on addr (127.0.0.1:0 when empty; anything not loopback is refused) and serves
// until ctx ends or stop is called. baseURL is http://127.0.0.1:PORT.
func (e *Emulator) Serve(ctx context.Context, addr string) (baseURL string, stop func(), err error) {
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	addr, err = checkLoopback(addr)
	if err != nil {
		return "", nil, err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return "", nil, fmt.Errorf("emulator: cannot listen on %s: %w", addr, err)
	}
	srv := &http.Server{
		Handler:           e,
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       30 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
	go func() { _ = srv.Serve(ln) }()
	var once sync.Once
	stop = func() {
		once.Do(func() {
			// Shutdown also waits for connections a client dialled but never used (net/http
			// gives them 5 s); in-flight calls get a short grace, then everything is closed.
			shutdownCtx, cancel := context.WithTimeout(context.Background(), 250*time.Millisecond)
			defer cancel()
			if srv.Shutdown(shutdownCtx) != nil {
				_ = srv.Close()
			}
		})
	}
	go func() {
		<-ctx.Done()
		stop()
	}()
	return "http://" + ln.Addr().String(), stop, nil
}

// checkLoopback refuses addresses other programs on the network could reach: the emulator
// hands out (fake) bank tokens and has no authentication beyond the public test keys.
// localhost is taken as 127.0.0.1 so that the name cannot resolve anywhere else.
func checkLoopback(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("emulator: address %q is not host:port; use 127.0.0.1:PORT", addr)
	}
	if host == "localhost" {
		host = "127.0.0.1"
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("emulator: refusing to listen on %q: only loopback addresses such as 127.0.0.1:PORT are allowed", addr)
	}
	return net.JoinHostPort(host, port), nil
}

// Start is New(Options{}) served on 127.0.0.1:0.
func Start(ctx context.Context) (baseURL string, stop func(), err error) {
	return New(Options{}).Serve(ctx, "")
}
