package plaidflow

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"
)

// Call is one recorded API call; bodies are redacted (no secret, no whole token).
type Call struct {
	Time         time.Time
	Method       string
	Path         string
	Status       int
	Latency      time.Duration
	RequestID    string
	ErrorCode    string
	RequestBody  string
	ResponseBody string
	// RequestHeaders are the headers plaidwalk sent, with PLAID-SECRET redacted.
	RequestHeaders map[string]string `json:",omitempty"`
	// Err is the transport error when no response came back.
	Err string `json:",omitempty"`
}

// AlikeCalls reports whether two calls hit one endpoint and got the same answer, as the calls
// of a poll do: a reader loses nothing when a run of them is folded.
func AlikeCalls(a, b Call) bool {
	return a.Method == b.Method && a.Path == b.Path && a.Status == b.Status && a.ErrorCode == b.ErrorCode && (a.Err == "") == (b.Err == "")
}

// APILog records every API call; safe for concurrent use.
type APILog struct {
	mu        sync.Mutex
	calls     []Call
	listeners map[int]func(Call)
	nextID    int
}

func NewAPILog() *APILog { return &APILog{listeners: map[int]func(Call){}} }

// Calls returns a copy of the calls recorded so far, oldest first.
func (l *APILog) Calls() []Call {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Call(nil), l.calls...)
}

// OnCall registers f to be called with every call recorded from now on (after it is stored,
// outside the log's lock, on the goroutine that made the call), so a UI can show calls live.
// The returned func unregisters f.
func (l *APILog) OnCall(f func(Call)) (cancel func()) {
	l.mu.Lock()
	defer l.mu.Unlock()
	id := l.nextID
	l.nextID++
	l.listeners[id] = f
	return func() {
		l.mu.Lock()
		delete(l.listeners, id)
		l.mu.Unlock()
	}
}

func (l *APILog) add(c Call) {
	l.mu.Lock()
	l.calls = append(l.calls, c)
	fs := make([]func(Call), 0, len(l.listeners))
	for _, f := range l.listeners {
		fs = append(fs, f)
	}
	l.mu.Unlock()
	for _, f := range fs {
		f(c)
	}
}

// recorder is the one http.RoundTripper every plaid-go call goes through. It keeps a
// redacted copy of each request and response in the log.
type recorder struct {
	next   http.RoundTripper
	log    *APILog
	secret string // the configured secret, scrubbed from anything recorded

	mu        sync.Mutex
	concealed []string // more secrets the walk learnt later (its webhook receiver's path)
}

// maxRecordedBody bounds what is kept of one body; asset reports can be large.
const maxRecordedBody = 64 << 10

func (r *recorder) RoundTrip(req *http.Request) (*http.Response, error) {
	call := Call{Time: time.Now(), Method: req.Method, Path: req.URL.Path, RequestHeaders: redactHeaders(req.Header)}
	if req.Body != nil {
		body, err := io.ReadAll(req.Body)
		req.Body.Close()
		if err != nil {
			return nil, err
		}
		req.Body = io.NopCloser(bytes.NewReader(body))
		call.RequestBody = r.redactBody(body)
	}
	resp, err := r.next.RoundTrip(req)
	call.Latency = time.Since(call.Time)
	if err != nil {
		call.Err = err.Error()
		r.log.add(call)
		return nil, err
	}
	body, readErr := io.ReadAll(resp.Body)
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	call.Latency = time.Since(call.Time)
	call.Status = resp.StatusCode
	call.RequestID, call.ErrorCode = responseIDs(body)
	call.ResponseBody = r.redactBody(body)
	if readErr != nil {
		call.Err = readErr.Error()
	}
	r.log.add(call)
	return resp, readErr
}

func (r *recorder) redactBody(body []byte) string {
	if len(body) > maxRecordedBody {
		body = append(body[:maxRecordedBody:maxRecordedBody], []byte("…(truncated)")...)
	}
	out := RedactJSON(body, r.secret)
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, s := range r.concealed {
		out = strings.ReplaceAll(out, s, Redacted)
	}
	return out
}

// conceal adds s to what is scrubbed from every call recorded from now on.
func (r *recorder) conceal(s string) {
	if s == "" {
		return
	}
	r.mu.Lock()
	r.concealed = append(r.concealed, s)
	r.mu.Unlock()
}

// responseIDs reads request_id and error_code from a JSON response body.
func responseIDs(body []byte) (requestID, errorCode string) {
	var v struct {
		RequestID string `json:"request_id"`
		ErrorCode string `json:"error_code"`
	}
	_ = json.Unmarshal(body, &v)
	return v.RequestID, v.ErrorCode
}

func redactHeaders(h http.Header) map[string]string {
	out := make(map[string]string, len(h))
	for k := range h {
		v := h.Get(k)
		if http.CanonicalHeaderKey(k) == "Plaid-Secret" {
			v = Redacted
		}
		out[k] = v
	}
	return out
}
