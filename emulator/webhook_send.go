package emulator

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// notAllowedError is a webhook address the emulator refuses to dial: not loopback, and its
// host was not named with --webhook-allow. It is decided on the address actually dialled,
// after name resolution, so no name (or redirect, or proxy) can lead elsewhere.
type notAllowedError struct{ host, ip string }

func (e *notAllowedError) Error() string {
	return fmt.Sprintf("refused: %s is %s, not a loopback address; the emulator sends webhooks to this machine only "+
		"(start it with --webhook-allow %s to allow that host)", e.host, e.ip, e.host)
}

// newWebhookClient is the HTTP client of deliveries: Plaid's 10 s limit, no proxy from the
// environment, no redirects followed (a 3xx is not 200, so it fails as with Plaid), and a
// dialer that checks each address it connects to.
func newWebhookClient(allow []string) *http.Client {
	allowed := map[string]bool{}
	for _, h := range allow {
		allowed[strings.ToLower(strings.Trim(h, "[]"))] = true
	}
	transport := &http.Transport{
		Proxy:                 nil,
		DialContext:           guardedDial(allowed),
		TLSHandshakeTimeout:   webhookTimeout,
		ResponseHeaderTimeout: webhookTimeout,
		MaxIdleConnsPerHost:   4,
		IdleConnTimeout:       30 * time.Second,
	}
	return &http.Client{
		Timeout:       webhookTimeout,
		Transport:     transport,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// guardedDial dials as net.Dialer does, but for hosts not in allowed, the Control hook refuses
// any resolved address that is not loopback before the connection is made.
func guardedDial(allowed map[string]bool) func(ctx context.Context, network, addr string) (net.Conn, error) {
	return func(ctx context.Context, network, addr string) (net.Conn, error) {
		host, _, err := net.SplitHostPort(addr)
		if err != nil {
			return nil, err
		}
		d := net.Dialer{Timeout: webhookTimeout}
		if !allowed[strings.ToLower(host)] {
			d.Control = func(_, address string, _ syscall.RawConn) error {
				ipText, _, _ := net.SplitHostPort(address)
				if ip := net.ParseIP(ipText); ip == nil || !ip.IsLoopback() {
					return &notAllowedError{host: host, ip: ipText}
				}
				return nil
			}
		}
		return d.DialContext(ctx, network, addr)
	}
}

// deliveryState is how one attempt ended.
type deliveryState string

const (
	stateDelivered deliveryState = "delivered" // 200
	stateFailed    deliveryState = "failed"    // any other status, or no answer in time
	stateRefused   deliveryState = "refused"   // the address is not allowed; not retried
	stateDropped   deliveryState = "dropped"   // never sent: the queue was full
)

type outcome struct {
	state  deliveryState
	status int // HTTP status, 0 when there was none
	detail string
}

// attempt POSTs the body once, signed now (a retry gets a fresh iat, or its JWT would be
// too old to pass verification).
func (h *webhookHub) attempt(w *webhook) outcome {
	token, err := h.key.Sign(w.body, h.now())
	if err != nil {
		return outcome{state: stateFailed, detail: err.Error()}
	}
	ctx, cancel := context.WithTimeout(context.Background(), webhookTimeout)
	defer cancel()
	go func() {
		select {
		case <-h.done:
			cancel()
		case <-ctx.Done():
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, w.url, bytes.NewReader(w.body))
	if err != nil {
		return outcome{state: stateRefused, detail: "refused: the URL cannot be requested: " + err.Error()}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Plaid-Verification", token)
	req.Header.Set("User-Agent", "plaidwalk-emulator")
	resp, err := h.client.Do(req)
	if err != nil {
		var na *notAllowedError
		if errors.As(err, &na) {
			return outcome{state: stateRefused, detail: na.Error()}
		}
		return outcome{state: stateFailed, detail: "no answer: " + err.Error()}
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, webhookResponseMaxRead))
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return outcome{state: stateFailed, status: resp.StatusCode,
			detail: "answered " + strconv.Itoa(resp.StatusCode) + " (Plaid counts anything but 200 as a failure)"}
	}
	return outcome{state: stateDelivered, status: resp.StatusCode}
}

// IsLoopbackHost reports whether a Host header names this machine, by the emulator's own rule
// (guard.go), for the other loopback servers that take webhooks, such as `plaidwalk listen`.
func IsLoopbackHost(hostport string) bool {
	_, ok := loopbackName(hostport)
	return ok
}
