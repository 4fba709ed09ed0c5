package emulator

import (
	"bytes"
	"encoding/json"
)

// webhookBody is a webhook's JSON object. Bodies are maps so that they serialise as Plaid's
// do: keys in alphabetical order, two-space indentation, ": " after each key, no trailing
// newline. The signature covers these exact bytes, and receivers that re-serialise before
// hashing learn here, as with Plaid, that they must not.
type webhookBody map[string]any

func encodeWebhook(b webhookBody) []byte {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(b); err != nil {
		panic("emulator: a webhook body does not encode: " + err.Error()) // bodies are built here, of plain values
	}
	return bytes.TrimSuffix(buf.Bytes(), []byte("\n"))
}

// itemWebhook is the common part of an Item's webhooks: type, code, item_id, environment.
func (e *Emulator) itemWebhook(it *item, typ, code string) webhookBody {
	return webhookBody{"webhook_type": typ, "webhook_code": code, "item_id": it.id, "environment": e.env()}
}

// webhookError is a PlaidError as webhooks carry it: status set, request_id left out.
func webhookError(pe *apiError) map[string]any {
	b := pe.body("")
	var m map[string]any
	raw, _ := json.Marshal(b)
	_ = json.Unmarshal(raw, &m)
	delete(m, "request_id")
	return m
}

// sendItemWebhook queues a webhook of an Item to the Item's webhook URL (none: nothing is
// sent). Callers hold e.mu.
func (e *Emulator) sendItemWebhook(it *item, body webhookBody) {
	if it.webhook != "" {
		code, _ := body["webhook_code"].(string)
		it.lastWebhook = &sentWebhook{at: e.now(), code: code}
		e.saveItemLocked(it)
	}
	e.sendWebhook(it.webhook, it.id, it.id, body)
}

// sendWebhook queues body for url within queue (the order it keeps). Callers may hold e.mu.
func (e *Emulator) sendWebhook(url, queue, itemID string, body webhookBody) {
	if url == "" {
		return
	}
	typ, _ := body["webhook_type"].(string)
	code, _ := body["webhook_code"].(string)
	e.hooks.enqueue(&webhook{url: url, queue: queue, typ: typ, code: code, itemID: itemID, body: encodeWebhook(body)})
}
