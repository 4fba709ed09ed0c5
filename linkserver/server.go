package linkserver

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strconv"
	"sync"
	"time"
)

// DefaultTimeout is how long Wait waits when Options.Timeout is zero. Link's onExit does not
// fire when the user closes the tab, so a wait without an end could hang the terminal forever.
const DefaultTimeout = 30 * time.Minute

// eventBuffer is how many callbacks Events holds for a slow reader; beyond that new ones are
// dropped rather than blocking the browser's request.
const eventBuffer = 512

// Server serves one Link session on 127.0.0.1.
type Server struct {
	opts         Options
	secret       string // the per-session secret: the first path segment of every URL
	hosts        map[string]bool
	pageHost     string // host:port the page's URL uses (localhost when the redirect_uri does)
	redirectPath string // the OAuth return path, "" without a redirect_uri
	page         *pageFiles

	ln   net.Listener
	http *http.Server

	mu      sync.Mutex
	events  chan Event
	closed  bool
	outcome *Outcome
	done    chan struct{} // closed once the outcome is known
	stopped chan struct{} // closed by Close

	closeOnce sync.Once
	closeErr  error
}

// Start listens on 127.0.0.1 and serves the page until Close or ctx ends.
func Start(ctx context.Context, o Options) (*Server, error) {
	o, redirect, err := checkOptions(o)
	if err != nil {
		return nil, err
	}
	secret, err := newSecret()
	if err != nil {
		return nil, err
	}
	page, err := parsePage()
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", net.JoinHostPort("127.0.0.1", strconv.Itoa(o.Port)))
	if err != nil {
		return nil, fmt.Errorf("linkserver: cannot listen on 127.0.0.1:%d: %w (pick another --port, or free that one)", o.Port, err)
	}
	port := strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
	s := &Server{
		opts:         o,
		secret:       secret,
		hosts:        map[string]bool{"127.0.0.1:" + port: true, "localhost:" + port: true},
		pageHost:     "127.0.0.1:" + port,
		redirectPath: redirect.path,
		page:         page,
		ln:           ln,
		events:       make(chan Event, eventBuffer),
		done:         make(chan struct{}),
		stopped:      make(chan struct{}),
	}
	if redirect.host != "" {
		// The OAuth return page finds its session in sessionStorage, which is per origin:
		// the page must live on the very host the redirect_uri names.
		s.pageHost = redirect.host + ":" + port
	}
	s.http = &http.Server{
		Handler:           s.routes(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       15 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}
	go s.http.Serve(ln) //nolint:errcheck // Serve returns ErrServerClosed on Close
	go s.watch(ctx, o.Timeout)
	return s, nil
}

// checkOptions refuses options that cannot work and fills in the defaults.
func checkOptions(o Options) (Options, redirectTarget, error) {
	if o.LinkToken == "" {
		return o, redirectTarget{}, errors.New("linkserver: no link_token: create one with /link/token/create first")
	}
	if o.ScriptURL == "" {
		return o, redirectTarget{}, errors.New("linkserver: no Link script URL: take the page's options from plaidflow.LinkPageFor")
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	redirect, err := parseRedirectURI(o.RedirectURI, o.Port)
	if err != nil {
		return o, redirect, err
	}
	if redirect.port != 0 {
		o.Port = redirect.port
	}
	return o, redirect, nil
}

// watch ends the session when the overall wait runs out, and the server when ctx ends (also
// after the outcome, so a caller that forgets Close still frees the port with its ctx).
func (s *Server) watch(ctx context.Context, timeout time.Duration) {
	timer := time.NewTimer(timeout)
	defer timer.Stop()
	select {
	case <-timer.C:
		s.finish(Outcome{TimedOut: true})
	case <-s.done:
	case <-ctx.Done():
		s.Close()
		return
	case <-s.stopped:
		return
	}
	select {
	case <-ctx.Done():
		s.Close()
	case <-s.stopped:
	}
}

// URL is the page's address, secret included.
func (s *Server) URL() string { return "http://" + s.pageHost + "/" + s.secret + "/" }

// Addr is the listening address, 127.0.0.1:PORT.
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Events delivers every callback as it arrives, including those after the outcome (Link sends
// some events after onSuccess); it is closed by Close, or when Start's ctx ends.
func (s *Server) Events() <-chan Event { return s.events }

// Wait blocks until success, exit, timeout or ctx.
func (s *Server) Wait(ctx context.Context) (Outcome, error) {
	select {
	case <-s.done:
		s.mu.Lock()
		defer s.mu.Unlock()
		return *s.outcome, nil
	case <-ctx.Done():
		return Outcome{}, ctx.Err()
	}
}

// Close shuts the server down and closes Events. A Wait still blocked returns a closed
// outcome only through its ctx: Close does not invent an outcome.
func (s *Server) Close() error {
	s.closeOnce.Do(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		s.closeErr = s.http.Shutdown(ctx)
		if errors.Is(s.closeErr, context.DeadlineExceeded) {
			s.closeErr = s.http.Close()
		}
		s.mu.Lock()
		s.closed = true
		close(s.events)
		s.mu.Unlock()
		close(s.stopped)
	})
	return s.closeErr
}

// publish hands an event to Events without ever blocking the browser's request.
func (s *Server) publish(ev Event) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return
	}
	select {
	case s.events <- ev:
	default:
	}
}

// finish records the outcome if none is known yet and reports whether this one won.
func (s *Server) finish(o Outcome) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.outcome != nil {
		return false
	}
	s.outcome = &o
	close(s.done)
	return true
}

// finished says whether the outcome is already known.
func (s *Server) finished() bool {
	select {
	case <-s.done:
		return true
	default:
		return false
	}
}
