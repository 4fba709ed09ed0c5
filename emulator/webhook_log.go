package emulator

import (
	"encoding/json"
	"fmt"
	"time"

	"plaidwalk/internal/termtext"
)

// DeliveryRecord is one line of the delivery log: one attempt to deliver one webhook (or its
// drop). Seq numbers webhooks in the order they were produced; attempts of one webhook share it.
type DeliveryRecord struct {
	Seq         int             `json:"seq"`
	Time        string          `json:"time"`
	WebhookType string          `json:"webhook_type"`
	WebhookCode string          `json:"webhook_code"`
	ItemID      string          `json:"item_id,omitempty"`
	URL         string          `json:"url"`
	Attempt     int             `json:"attempt"`
	Outcome     string          `json:"outcome"` // delivered, failed, refused or dropped
	Status      int             `json:"status,omitempty"`
	Detail      string          `json:"detail,omitempty"`
	Body        json.RawMessage `json:"body"`
}

// record logs an attempt (see recordLocked).
func (h *webhookHub) record(w *webhook, attempt int, res outcome) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.recordLocked(w, attempt, res)
}

// recordLocked appends to the bounded log and prints the attempt's line when a log writer is
// set. Everything in the line came from a client (the URL) or could (the codes): it is
// cleaned before it reaches a terminal. Callers hold h.mu, which also keeps lines whole.
func (h *webhookHub) recordLocked(w *webhook, attempt int, res outcome) {
	rec := DeliveryRecord{Seq: w.seq, Time: h.now().UTC().Format(time.RFC3339Nano), WebhookType: w.typ, WebhookCode: w.code,
		ItemID: w.itemID, URL: w.url, Attempt: attempt, Outcome: string(res.state), Status: res.status, Detail: res.detail,
		Body: json.RawMessage(w.body)}
	if len(h.log) == deliveryLogSize {
		h.log = append(h.log[:0], h.log[1:]...)
	}
	h.log = append(h.log, rec)
	if h.out == nil {
		return
	}
	line := fmt.Sprintf("plaidwalk emulator: webhook %s %s -> %s: %s", w.typ, w.code, w.url, res.state)
	if res.status != 0 {
		line += fmt.Sprintf(" %d", res.status)
	}
	if attempt > 0 {
		line += fmt.Sprintf(" (attempt %d)", attempt)
	}
	if res.detail != "" && res.state != stateDelivered {
		line += ": " + res.detail
	}
	fmt.Fprintln(h.out, termtext.SingleLine(line))
}

// deliveries copies the log, oldest first.
func (h *webhookHub) deliveries() []DeliveryRecord {
	h.mu.Lock()
	defer h.mu.Unlock()
	return append([]DeliveryRecord(nil), h.log...)
}

// DeliveriesPath is where the delivery log is served: a plaidwalk path, not Plaid's, under
// its own prefix so it can never collide with an API path. It takes a POST with the test keys,
// like every API call, and answers {"deliveries": [...], "request_id": ...}.
const DeliveriesPath = "/plaidwalk/webhook_deliveries/list"

type deliveriesResponse struct {
	Deliveries []DeliveryRecord `json:"deliveries"`
	RequestID  string           `json:"request_id"`
}

// webhookDeliveriesList answers the delivery log, oldest first (at most the last 500 attempts).
func (e *Emulator) webhookDeliveriesList(q *apiRequest) (any, *apiError) {
	list := e.hooks.deliveries()
	if list == nil {
		list = []DeliveryRecord{}
	}
	return deliveriesResponse{Deliveries: list, RequestID: q.requestID}, nil
}
