package emulator

import (
	"io"
	"net/http"
	"sync"
	"time"

	"plaidwalk/internal/plaidjwt"
)

// Webhook delivery, as Plaid delivers: a signed POST of the raw JSON body, a failure being
// anything but 200 within 10 seconds, retried after 30 s and then after 4 times the previous
// delay, for as long as the retries fit in 24 hours (7 attempts). Webhooks of one Item go out
// in order, one at a time: the next waits until the one before is delivered or given up.
//
// Memory stays bounded whatever the receivers do: at most maxWaiting webhooks wait across all
// queues; when one more comes, the oldest waiting webhook is dropped, printed and logged as
// "dropped". The delivery log keeps the last deliveryLogSize records.
//
// Lock order: the Link lock, then e.mu, then the hub's mu; the hub never takes e.mu, so the
// handlers enqueue while holding e.mu.

// Plaid's delivery figures.
const (
	webhookTimeout         = 10 * time.Second
	defaultWebhookRetry    = 30 * time.Second
	webhookBackoff         = 4
	webhookMaxAttempts     = 7 // 0 + 30s + 2m + 8m + 32m + 2h8m + 8h32m: the last retry inside 24 h
	maxWaiting             = 256
	deliveryLogSize        = 500
	webhookResponseMaxRead = 64 << 10
)

// WebhookOptions tune webhook delivery; the zero value delivers as Plaid does, to loopback
// addresses only, and prints nothing.
type WebhookOptions struct {
	// RetryBase is the delay before the first retry (Plaid: 30 s); each next one is 4 times
	// longer. Tests use milliseconds.
	RetryBase time.Duration
	// Allow names hosts (names or IP addresses, any port) webhooks may go to besides loopback
	// addresses: `plaidwalk emulator --webhook-allow HOST`.
	Allow []string
	// Log, when set, gets one line per delivery attempt (the emulator command's stderr).
	Log io.Writer
}

// webhook is one webhook to deliver: where, its identity for the log, and the exact body.
type webhook struct {
	seq       int
	url       string
	queue     string // the Item (or processor token, or asset report) it is ordered within
	typ, code string
	itemID    string
	body      []byte
}

// webhookHub signs, queues and delivers webhooks and keeps the delivery log.
type webhookHub struct {
	key       *plaidjwt.Key
	now       func() time.Time
	client    *http.Client
	retryBase time.Duration
	out       io.Writer
	done      chan struct{}
	closeOnce sync.Once

	mu      sync.Mutex
	seq     int
	queues  map[string][]*webhook // waiting webhooks per queue; a queue exists while its worker runs
	waiting int
	log     []DeliveryRecord // ring of the last deliveryLogSize records, oldest first
}

func newWebhookHub(o WebhookOptions, now func() time.Time) *webhookHub {
	key, err := plaidjwt.NewKey(now())
	if err != nil {
		panic("emulator: " + err.Error()) // only when the system has no randomness
	}
	h := &webhookHub{key: key, now: now, retryBase: o.RetryBase, out: o.Log, done: make(chan struct{}),
		queues: map[string][]*webhook{}}
	if h.retryBase <= 0 {
		h.retryBase = defaultWebhookRetry
	}
	h.client = newWebhookClient(o.Allow)
	return h
}

// Close stops webhook delivery: waiting webhooks are dropped and retries end. The emulator
// keeps answering API calls; the TRANSACTIONS readiness webhooks still waiting are dropped.
func (e *Emulator) Close() {
	e.hooks.closeOnce.Do(func() { close(e.hooks.done); e.stopTransactionsTimers(); e.closeStore() })
}

func (h *webhookHub) closed() bool {
	select {
	case <-h.done:
		return true
	default:
		return false
	}
}

// enqueue queues w behind the earlier webhooks of its queue and starts that queue's worker
// if none runs. Callers may hold e.mu.
func (h *webhookHub) enqueue(w *webhook) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed() {
		return
	}
	h.seq++
	w.seq = h.seq
	if h.waiting >= maxWaiting {
		h.dropOldestLocked()
	}
	q, running := h.queues[w.queue]
	h.queues[w.queue] = append(q, w)
	h.waiting++
	if !running {
		go h.work(w.queue)
	}
}

// dropOldestLocked drops the longest-waiting webhook of any queue. Callers hold h.mu.
func (h *webhookHub) dropOldestLocked() {
	var oldest string
	for name, q := range h.queues {
		if len(q) > 0 && (oldest == "" || q[0].seq < h.queues[oldest][0].seq) {
			oldest = name
		}
	}
	if oldest == "" {
		return
	}
	w := h.queues[oldest][0]
	h.queues[oldest] = h.queues[oldest][1:]
	h.waiting--
	h.recordLocked(w, 0, outcome{state: stateDropped,
		detail: "dropped: more than 256 webhooks were waiting (is the receiver down?)"})
}

// work delivers a queue's webhooks in order until the queue is empty, then ends.
func (h *webhookHub) work(queue string) {
	for {
		h.mu.Lock()
		q := h.queues[queue]
		if h.closed() {
			h.waiting -= len(q)
			q = nil
		}
		if len(q) == 0 {
			delete(h.queues, queue)
			h.mu.Unlock()
			return
		}
		w := q[0]
		h.queues[queue] = q[1:]
		h.waiting--
		h.mu.Unlock()
		h.deliver(w)
	}
}

// deliver makes up to webhookMaxAttempts attempts, waiting 4 times longer before each retry;
// a refused URL is not retried (it will not become allowed).
func (h *webhookHub) deliver(w *webhook) {
	delay := h.retryBase
	for attempt := 1; ; attempt++ {
		res := h.attempt(w)
		last := attempt == webhookMaxAttempts || res.state != stateFailed
		if res.state == stateFailed && !last {
			res.detail += "; retrying in " + delay.String()
		}
		h.record(w, attempt, res)
		if last {
			return
		}
		timer := time.NewTimer(delay)
		select {
		case <-h.done:
			timer.Stop()
			return
		case <-timer.C:
		}
		delay *= webhookBackoff
	}
}
