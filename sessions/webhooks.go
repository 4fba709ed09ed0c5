package sessions

import (
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// Webhook is one webhook the walk's receiver got, as a session keeps it: its identity, whether
// its signature checked out, and its body with every token masked (a Hosted Link webhook
// carries public_tokens).
type Webhook struct {
	ReceivedAt  time.Time       `json:"received_at"`
	Type        string          `json:"webhook_type"`
	Code        string          `json:"webhook_code"`
	ItemID      string          `json:"item_id,omitempty"`
	Verified    bool            `json:"verified"`
	VerifyError string          `json:"verify_error,omitempty"`
	Body        json.RawMessage `json:"body,omitempty"`
}

// WebhookOf is what a session keeps of w; secrets (the client secret) are removed from the
// body too, should a sender have echoed one.
func WebhookOf(w linkserver.Webhook, secrets ...string) Webhook {
	body := Scrub(plaidflow.RedactJSON(w.Raw, ""), secrets...)
	raw := json.RawMessage(body)
	if !json.Valid(raw) {
		raw, _ = json.Marshal(body)
	}
	raw = termtext.JSON(raw) // the sender's text, shown by --json and sessions show: inert in a terminal
	return Webhook{ReceivedAt: w.ReceivedAt.UTC(), Type: w.WebhookType, Code: w.WebhookCode, ItemID: w.ItemID,
		Verified: w.Verified, VerifyError: w.VerifyError, Body: raw}
}

// Label is "TYPE CODE", how a replay names a webhook.
func (w Webhook) Label() string { return w.Type + " " + w.Code }

// AddWebhook puts w in the newest attempt opened before it arrived, as AddCall does for calls.
func (a *Attempts) AddWebhook(w Webhook) {
	a.mu.Lock()
	defer a.mu.Unlock()
	if len(a.list) == 0 {
		a.list = append(a.list, &Attempt{Opened: w.ReceivedAt})
	}
	k := 0
	for i := len(a.list) - 1; i > 0; i-- {
		if !a.list[i].Opened.After(w.ReceivedAt) {
			k = i
			break
		}
	}
	a.list[k].Webhooks = append(a.list[k].Webhooks, w)
}

// webhookDifference compares the webhooks' type/code sequence when the saved walk received
// any (a session saved before plaidwalk had a receiver has none, and says nothing).
func webhookDifference(saved, replayed Session) *Difference {
	// A replay logs in through the sandbox shortcut: the Link session's own webhooks (Hosted
	// Link's LINK ...) have no counterpart in it, as /link/token/get has none in its calls.
	dropLink := saved.Inputs.LinkMode != LinkModeShortcut
	sw, rw := comparedWebhooks(saved.Webhooks, dropLink), comparedWebhooks(replayed.Webhooks, dropLink)
	if len(sw) == 0 {
		return nil
	}
	a, b := webhookLabels(sw), webhookLabels(rw)
	if a == b {
		return nil
	}
	return &Difference{What: "different webhooks", Saved: a, Replayed: b}
}

func webhookLabels(ws []Webhook) string {
	if len(ws) == 0 {
		return "no webhook"
	}
	labels := make([]string, len(ws))
	for i, w := range ws {
		labels[i] = w.Label()
	}
	return fmt.Sprintf("%d webhook(s): %s", len(ws), strings.Join(labels, ", "))
}

func comparedWebhooks(ws []Webhook, dropLink bool) []Webhook {
	var out []Webhook
	for _, w := range ws {
		if !dropLink || w.Type != "LINK" {
			out = append(out, w)
		}
	}
	return out
}
