package linkserver

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// WebhookServer is the walk's own webhook receiver: offline, a walk's link_token names it as
// its webhook, so every walk sees the webhooks the emulator sends for it. It listens on
// 127.0.0.1 behind a per-session secret path, with the Link page's Host rule; real Plaid
// cannot reach it, so it is only offered offline.
type WebhookServer struct {
	rx     *Receiver
	secret string
	hosts  map[string]bool
	ln     net.Listener
	http   *http.Server
	feed   chan Webhook

	mu       sync.Mutex
	got      []Webhook
	closed   bool
	waiters  map[string][]chan struct{} // asset_report_id, or "type:" + webhook_type -> walks waiting for it
	ready    map[string]bool
	stopOnce sync.Once
}

// maxKeptWebhooks bounds what a walk keeps: a walk gets a handful; a flood is dropped.
const maxKeptWebhooks = 256

// StartWebhooks listens on 127.0.0.1 (an ephemeral port) until Close or ctx ends. keys checks
// signatures (the emulator's); nil verifies nothing.
func StartWebhooks(ctx context.Context, keys *KeySource) (*WebhookServer, error) {
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("linkserver: cannot listen on 127.0.0.1 for webhooks: %w", err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	s := &WebhookServer{secret: secret, ln: ln, feed: make(chan Webhook, eventBuffer),
		hosts:   map[string]bool{"127.0.0.1:" + port: true, "localhost:" + port: true},
		waiters: map[string][]chan struct{}{}, ready: map[string]bool{}}
	s.rx = NewReceiver(ReceiverOptions{Keys: keys, OnWebhook: s.keep,
		HostOK: func(h string) bool { return s.hosts[strings.ToLower(h)] }})
	mux := http.NewServeMux()
	mux.Handle("/"+secret+"/webhook", s.rx)
	s.http = &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second,
		WriteTimeout: 30 * time.Second, IdleTimeout: 60 * time.Second, MaxHeaderBytes: 16 << 10}
	go s.http.Serve(ln) //nolint:errcheck // Serve returns ErrServerClosed on Close
	go func() {
		<-ctx.Done()
		s.Close()
	}()
	return s, nil
}

// Secret is the path segment that admits webhooks: whatever records the URL must hide it.
func (s *WebhookServer) Secret() string { return s.secret }

// URL is the webhook URL to give the emulator, secret included.
func (s *WebhookServer) URL() string {
	return "http://" + s.ln.Addr().String() + "/" + s.secret + "/webhook"
}

// Webhooks delivers each webhook as it arrives (for the terminal UI); a slow reader misses
// some rather than blocking the sender. It is closed by Close.
func (s *WebhookServer) Webhooks() <-chan Webhook { return s.feed }

// Received is every webhook so far, in arrival order.
func (s *WebhookServer) Received() []Webhook {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Webhook(nil), s.got...)
}

// AssetReportReady is closed once a verified ASSETS PRODUCT_READY for reportID has arrived
// (at once when it already has). A forged webhook does not count.
func (s *WebhookServer) AssetReportReady(reportID string) <-chan struct{} { return s.wait(reportID) }

// Arrived is closed once a verified webhook of type webhookType (AUTH, ITEM, ...) has arrived,
// at once when one already has: a walk that made the emulator send one waits for it before it
// reports what it received.
func (s *WebhookServer) Arrived(webhookType string) <-chan struct{} {
	return s.wait("type:" + webhookType)
}

func (s *WebhookServer) wait(key string) <-chan struct{} {
	ch := make(chan struct{})
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ready[key] {
		close(ch)
		return ch
	}
	s.waiters[key] = append(s.waiters[key], ch)
	return ch
}

// arrivedLocked marks key as arrived and wakes its waiters. Callers hold s.mu.
func (s *WebhookServer) arrivedLocked(key string) {
	if s.ready[key] {
		return
	}
	s.ready[key] = true
	for _, ch := range s.waiters[key] {
		close(ch)
	}
	delete(s.waiters, key)
}

func (s *WebhookServer) keep(w Webhook) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed || len(s.got) >= maxKeptWebhooks {
		return
	}
	s.got = append(s.got, w)
	if w.Verified && w.WebhookType == "ASSETS" && w.WebhookCode == "PRODUCT_READY" && w.ReportID != "" {
		s.arrivedLocked(w.ReportID)
	}
	if w.Verified && w.WebhookType != "" {
		s.arrivedLocked("type:" + w.WebhookType)
	}
	select {
	case s.feed <- w:
	default:
	}
}

// Close stops the server and closes Webhooks.
func (s *WebhookServer) Close() error {
	var err error
	s.stopOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		err = s.http.Shutdown(ctx)
		s.mu.Lock()
		s.closed = true
		close(s.feed)
		s.mu.Unlock()
	})
	return err
}
