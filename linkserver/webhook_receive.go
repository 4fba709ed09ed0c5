package linkserver

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"time"

	"plaidwalk/internal/termtext"
)

// Receiver is the one webhook receiver: `plaidwalk listen` serves it on its own port, the walk
// behind its per-session secret (WebhookServer). It reads a webhook, checks its signature
// against the sending emulator's key by kid, forwards it when asked, and hands one Webhook to
// OnWebhook.
type Receiver struct {
	o ReceiverOptions
}

// ReceiverOptions configure a Receiver.
type ReceiverOptions struct {
	Keys      *KeySource
	ForwardTo string                 // pass each webhook on unchanged; "" keeps it here
	HostOK    func(host string) bool // which Host headers are this machine's; nil accepts none
	OnWebhook func(Webhook)          // told of each webhook once it has been answered for
	Now       func() time.Time
}

// NewReceiver makes a Receiver; Keys nil verifies nothing (every webhook shows unverified).
func NewReceiver(o ReceiverOptions) *Receiver {
	if o.Keys == nil {
		o.Keys = NewKeySource("", "", "")
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	return &Receiver{o: o}
}

// maxWebhookBytes bounds a webhook body; Plaid's are a few kilobytes.
const maxWebhookBytes = 1 << 20

// forwardTimeout is what Plaid gives an endpoint to answer.
const forwardTimeout = 10 * time.Second

// Webhook is one webhook as received. Type, code and item are cleaned for a terminal (they
// came from the sender); Body is the JSON as it came (a string when it was not JSON), to be
// cleaned by whoever shows it; Raw is the exact bytes.
type Webhook struct {
	ReceivedAt  time.Time       `json:"received_at"`
	WebhookType string          `json:"webhook_type"`
	WebhookCode string          `json:"webhook_code"`
	ItemID      string          `json:"item_id,omitempty"` // the Item, else the account, report or Link session it names
	ReportID    string          `json:"-"`                 // asset_report_id, for the walk's Asset Report wait
	Verified    bool            `json:"verified"`
	VerifyError string          `json:"verify_error,omitempty"`
	Body        json.RawMessage `json:"body"`
	Forward     *ForwardResult  `json:"forward,omitempty"`
	Raw         []byte          `json:"-"`
}

// ForwardResult is how the --forward-to endpoint answered.
type ForwardResult struct {
	URL       string  `json:"url"`
	Status    int     `json:"status,omitempty"`
	LatencyMS float64 `json:"latency_ms"`
	Error     string  `json:"error,omitempty"`
}

func (rx *Receiver) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	// A web page may POST to a loopback port: its request carries an Origin (and, through a
	// rebound name, a foreign Host), which no webhook sender sends. It is refused, so a page
	// cannot feed forged webhooks to the walk or to the developer's endpoint.
	if r.Header.Get("Origin") != "" || rx.o.HostOK == nil || !rx.o.HostOK(r.Host) {
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
	seen := rx.inspect(r.Context(), r.Header, body)
	status := http.StatusOK
	if rx.o.ForwardTo != "" {
		seen.Forward = forward(r, rx.o.ForwardTo, body)
		status = seen.Forward.Status
		if status == 0 {
			status = http.StatusBadGateway
		}
	}
	if rx.o.OnWebhook != nil {
		rx.o.OnWebhook(seen)
	}
	w.WriteHeader(status)
}

// inspect reads the webhook's identity from its body and checks its signature.
func (rx *Receiver) inspect(ctx context.Context, h http.Header, body []byte) Webhook {
	now := rx.o.Now()
	seen := Webhook{ReceivedAt: now.UTC(), Body: validJSON(body), Raw: body}
	var raw map[string]any
	if json.Unmarshal(body, &raw) == nil {
		str := func(k string) string { s, _ := raw[k].(string); return termtext.SingleLine(s) }
		seen.WebhookType, seen.WebhookCode = str("webhook_type"), str("webhook_code")
		seen.ReportID = str("asset_report_id")
		seen.ItemID = firstNonEmpty(str("item_id"), str("account_id"), seen.ReportID, str("link_session_id"))
	}
	if err := rx.o.Keys.Verify(ctx, h.Get("Plaid-Verification"), body, now); err != nil {
		seen.VerifyError = termtext.SingleLine(err.Error())
	} else {
		seen.Verified = true
	}
	return seen
}

// forward re-sends the webhook to `to` with the same headers and bytes (hop-by-hop headers
// aside, which belong to one connection) and reports the endpoint's answer.
func forward(in *http.Request, to string, body []byte) *ForwardResult {
	res := &ForwardResult{URL: to}
	ctx, cancel := context.WithTimeout(in.Context(), forwardTimeout)
	defer cancel()
	out, err := http.NewRequestWithContext(ctx, http.MethodPost, to, bytes.NewReader(body))
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

// validJSON keeps a JSON body as it is, or wraps anything else as a string.
func validJSON(body []byte) json.RawMessage {
	if json.Valid(body) {
		return json.RawMessage(body)
	}
	s, _ := json.Marshal(string(body))
	return s
}

// CompactBody is the webhook's body on one line (as it came when it does not compact).
func (w Webhook) CompactBody() json.RawMessage {
	var buf bytes.Buffer
	if json.Compact(&buf, w.Body) == nil {
		return buf.Bytes()
	}
	return w.Body
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
