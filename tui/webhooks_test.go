package tui

import (
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// TestWebhookPaneShowsWhatArrives: a webhook message adds a line to the pane in the Link step
// (verified, or not and why, with hostile text cleaned), goes into the walk's attempt, and w
// shows the newest body; no pane before a webhook came.
func TestWebhookPaneShowsWhatArrives(t *testing.T) {
	ch := make(chan linkserver.Webhook)
	m := New(t.Context(), Deps{Config: plaidflow.Config{Env: plaidflow.EnvOffline}, Catalog: testCatalog(t), Webhooks: ch}, nil)
	m = send(m, resize(100, 30))
	m.step = stepLink
	m.walk.session.attempts.Open(plaidflow.Partner{ID: "dwolla"})
	if strings.Contains(m.View(), "Webhooks (") {
		t.Fatal("a pane before any webhook")
	}
	good := linkserver.Webhook{ReceivedAt: time.Now(), WebhookType: "ITEM", WebhookCode: "ERROR", ItemID: "item-1", Verified: true,
		Raw: []byte(`{"webhook_type":"ITEM","webhook_code":"ERROR","item_id":"item-1"}`)}
	good.Body = good.Raw
	bad := linkserver.Webhook{ReceivedAt: time.Now(), WebhookType: "ASSETS", WebhookCode: "PRODUCT_READY\x1b]52;c;SGk=\x07",
		VerifyError: "no Plaid-Verification header", Raw: []byte(`{"webhook_type":"ASSETS","note":"\u001b[31mred"}`)}
	bad.Body = bad.Raw
	next, cmd := m.Update(webhookReceivedMsg{hook: good})
	if cmd == nil {
		t.Error("the pane stops listening after one webhook")
	}
	next, _ = next.(Model).Update(webhookReceivedMsg{hook: bad})
	m = next.(Model)
	view := m.View()
	mustContain(t, view, "Webhooks (2, plaidwalk's receiver)", "ITEM ERROR  item-1  ✓ verified", "✗ not verified: no Plaid-Verification header")
	if strings.ContainsAny(view, "\x07") || strings.Contains(view, "]52;") {
		t.Errorf("the pane shows escape sequences:\n%q", view)
	}
	m = send(m, keyMsg("w"))
	if v := m.View(); !strings.Contains(v, `"note": "`) || strings.Contains(v, "\x1b[31m") {
		t.Errorf("w: the newest body, cleaned, is not shown:\n%s", v)
	}
	at := m.walk.session.attempts.Get(0)
	if len(at) != 1 || len(at[0].Webhooks) != 2 || at[0].Webhooks[0].Code != "ERROR" {
		t.Errorf("the attempt kept %+v", at)
	}
}
