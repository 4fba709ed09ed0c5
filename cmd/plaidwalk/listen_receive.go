package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
)

// listener is `plaidwalk listen`'s HTTP handler: it reads a webhook, checks its signature,
// forwards it when asked and prints one entry. Printing holds mu so entries never interleave.
type listener struct {
	c    *cli
	o    listenOptions
	keys *keySource
	now  func() time.Time

	mu sync.Mutex
}

// maxWebhookBytes bounds a webhook body; Plaid's are a few kilobytes.
const maxWebhookBytes = 1 << 20

// forwardTimeout is what Plaid gives an endpoint to answer.
const forwardTimeout = 10 * time.Second

// seenWebhook is one webhook as listen reports it; its JSON is --json's line.
type seenWebhook struct {
	Time        string          `json:"time"`
	WebhookType string          `json:"webhook_type"`
	WebhookCode string          `json:"webhook_code"`
	ItemID      string          `json:"item_id,omitempty"`
	Verified    bool            `json:"verified"`
	VerifyError string          `json:"verify_error,omitempty"`
	Body        json.RawMessage `json:"body"`
	Forward     *forwardResult  `json:"forward,omitempty"`
	raw         []byte          // the body as it came, for --print-body
}

type forwardResult struct {
	URL       string  `json:"url"`
	Status    int     `json:"status,omitempty"`
	LatencyMS float64 `json:"latency_ms"`
	Error     string  `json:"error,omitempty"`
}

func (l *listener) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A web page may POST to a loopback port: its request carries an Origin (and, through a
	// rebound name, a foreign Host), which no webhook sender sends. It is refused, so a page
	// cannot feed forged webhooks to the developer's endpoint.
	if r.Header.Get("Origin") != "" || !emulator.IsLoopbackHost(r.Host) {
		http.Error(w, "webhooks come from servers: requests from web pages (Origin) or to a non-loopback Host are refused", http.StatusForbidden)
		return
	}
	if r.Method != http.MethodPost {
		w.Header().Set("Allow", http.MethodPost)
		http.Error(w, "webhooks are POSTed here", http.StatusMethodNotAllowed)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBytes))
	if err != nil {
		http.Error(w, "the body could not be read or is over 1 MB", http.StatusRequestEntityTooLarge)
		return
	}
	seen := l.inspect(r.Context(), r.Header, body)
	status := http.StatusOK
	if l.o.forwardTo != "" {
		seen.Forward = l.forward(r, body)
		status = seen.Forward.Status
		if status == 0 {
			status = http.StatusBadGateway
		}
	}
	l.print(seen)
	w.WriteHeader(status)
}

// inspect reads the webhook's identity from its body and checks its signature.
func (l *listener) inspect(ctx context.Context, h http.Header, body []byte) seenWebhook {
	now := l.now()
	seen := seenWebhook{Time: now.UTC().Format(time.RFC3339Nano), Body: validJSON(body), raw: body}
	var fields struct {
		Type, Code, ItemID, AccountID, ReportID, SessionID string
	}
	var raw map[string]any
	if json.Unmarshal(body, &raw) == nil {
		str := func(k string) string { s, _ := raw[k].(string); return s }
		fields.Type, fields.Code, fields.ItemID = str("webhook_type"), str("webhook_code"), str("item_id")
		fields.AccountID, fields.ReportID, fields.SessionID = str("account_id"), str("asset_report_id"), str("link_session_id")
	}
	seen.WebhookType, seen.WebhookCode = fields.Type, fields.Code
	seen.ItemID = firstNonEmpty(fields.ItemID, fields.AccountID, fields.ReportID, fields.SessionID)
	if err := l.keys.verify(ctx, h.Get("Plaid-Verification"), body, now); err != nil {
		seen.VerifyError = err.Error()
	} else {
		seen.Verified = true
	}
	return seen
}

// forward re-sends the webhook to --forward-to with the same headers and bytes (hop-by-hop
// headers aside, which belong to one connection) and reports the endpoint's answer.
func (l *listener) forward(in *http.Request, body []byte) *forwardResult {
	res := &forwardResult{URL: l.o.forwardTo}
	ctx, cancel := context.WithTimeout(in.Context(), forwardTimeout)
	defer cancel()
	out, err := http.NewRequestWithContext(ctx, http.MethodPost, l.o.forwardTo, bytes.NewReader(body))
	if err != nil {
		res.Error = err.Error()
		return res
	}
	for k, v := range in.Header {
		if !hopByHop[http.CanonicalHeaderKey(k)] {
			out.Header[k] = append([]string(nil), v...)
		}
	}
	start := time.Now()
	resp, err := forwardClient.Do(out)
	res.LatencyMS = float64(time.Since(start).Microseconds()) / 1000
	if err != nil {
		res.Error = err.Error()
		return res
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, maxWebhookBytes))
	_ = resp.Body.Close()
	res.Status = resp.StatusCode
	return res
}

// forwardClient never follows redirects (the endpoint's 3xx is what it answered) and uses no
// proxy: the endpoint is the developer's own.
var forwardClient = &http.Client{
	Transport:     &http.Transport{Proxy: nil, ResponseHeaderTimeout: forwardTimeout},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

var hopByHop = map[string]bool{"Connection": true, "Keep-Alive": true, "Proxy-Authenticate": true, "Proxy-Authorization": true,
	"Te": true, "Trailer": true, "Transfer-Encoding": true, "Upgrade": true, "Content-Length": true}

// validJSON keeps a JSON body as it is for --json's line, or wraps anything else as a string.
func validJSON(body []byte) json.RawMessage {
	if json.Valid(body) {
		return json.RawMessage(body)
	}
	s, _ := json.Marshal(string(body))
	return s
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}

// print shows the webhook: a JSON line with --json, else a line (and the body with
// --print-body). Every value came from the sender and is cleaned.
func (l *listener) print(s seenWebhook) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.o.json {
		compact := s
		var buf bytes.Buffer
		if json.Compact(&buf, s.Body) == nil {
			compact.Body = buf.Bytes()
		}
		var line bytes.Buffer
		enc := json.NewEncoder(&line)
		enc.SetEscapeHTML(false)
		if enc.Encode(compact) == nil {
			_, _ = l.c.stdout.Write(termtext.JSON(line.Bytes()))
		}
		return
	}
	fmt.Fprintln(l.c.stdout, termtext.SingleLine(l.line(s)))
	if l.o.body {
		fmt.Fprintln(l.c.stdout, indent(termtext.Multiline(string(s.raw))))
	}
}

func (l *listener) line(s seenWebhook) string {
	t, _ := time.Parse(time.RFC3339Nano, s.Time)
	typ, code := orDash(s.WebhookType), orDash(s.WebhookCode)
	out := fmt.Sprintf("%s  %s %s  %s  ", t.Local().Format("15:04:05"), typ, code, orDash(s.ItemID))
	if s.Verified {
		out += "✓ verified"
	} else {
		out += "✗ not verified: " + s.VerifyError
	}
	if f := s.Forward; f != nil {
		if f.Error != "" {
			out += fmt.Sprintf("  -> %s failed after %.0f ms: %s", f.URL, f.LatencyMS, f.Error)
		} else {
			out += fmt.Sprintf("  -> %s %d in %.0f ms", f.URL, f.Status, f.LatencyMS)
		}
	}
	return out
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func indent(s string) string {
	return "    " + strings.ReplaceAll(s, "\n", "\n    ")
}

// printReady says where to send webhooks and what cannot send there.
func (l *listener) printReady(url string) {
	w := l.c.stderr
	fmt.Fprintf(w, "plaidwalk listen: receiving webhooks at %s\n", url)
	fmt.Fprintln(w, "  Give this URL to plaidwalk's emulator as a webhook. Real Plaid (sandbox or production keys)")
	fmt.Fprintln(w, "  cannot reach a loopback address, so its webhooks will not arrive here.")
	if l.keys.baseURL == "" {
		fmt.Fprintln(w, "  No emulator named (--base-url or PLAID_BASE_URL): signatures cannot be checked and show ✗.")
	} else {
		fmt.Fprintf(w, "  Signatures are checked with the keys of %s.\n", termtext.SingleLine(l.keys.baseURL))
	}
	if l.o.forwardTo != "" {
		fmt.Fprintf(w, "  Forwarding each webhook to %s.\n", termtext.SingleLine(l.o.forwardTo))
	}
}
