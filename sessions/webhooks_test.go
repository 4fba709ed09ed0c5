package sessions

import (
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
)

// TestWebhookOfMasksTokens: a Hosted Link webhook's public_token is masked in what a session
// keeps, and its identity and verification result are kept.
func TestWebhookOfMasksTokens(t *testing.T) {
	const pt = "public-sandbox-0b6f3c1e-2a4d-4c8e-9f1a-7d2e5b3c4a10"
	raw := []byte(`{"webhook_type":"LINK","webhook_code":"ITEM_ADD_RESULT","public_token":"` + pt + `"}`)
	w := WebhookOf(linkserver.Webhook{ReceivedAt: time.Now(), WebhookType: "LINK", WebhookCode: "ITEM_ADD_RESULT", Verified: true, Raw: raw})
	if strings.Contains(string(w.Body), pt) || !strings.Contains(string(w.Body), "ITEM_ADD_RESULT") || !w.Verified || w.Label() != "LINK ITEM_ADD_RESULT" {
		t.Errorf("kept %+v (body %s)", w, w.Body)
	}
}

// TestCompareWebhooks: a replay whose webhooks differ in type/code sequence is not reproduced
// and the difference names both sequences; a saved walk without webhooks compares no webhooks.
func TestCompareWebhooks(t *testing.T) {
	ready := Webhook{Type: "ASSETS", Code: "PRODUCT_READY"}
	saved := Session{Inputs: Inputs{LinkMode: LinkModeShortcut}, Outcome: Outcome{Result: ResultSuccess}, Webhooks: []Webhook{ready}}
	same := saved
	if c := Compare(saved, same); !c.Reproduced {
		t.Errorf("same webhooks: %+v", c.First)
	}
	other := saved
	other.Webhooks = []Webhook{{Type: "ASSETS", Code: "ERROR"}}
	c := Compare(saved, other)
	if c.Reproduced || c.First.What != "different webhooks" || !strings.Contains(c.First.Saved, "ASSETS PRODUCT_READY") || !strings.Contains(c.First.Replayed, "ASSETS ERROR") {
		t.Errorf("different webhooks: %+v", c.First)
	}
	none := saved
	none.Webhooks = nil
	if c := Compare(none, saved); !c.Reproduced {
		t.Errorf("a saved walk without webhooks: %+v", c.First)
	}
	if c := Compare(saved, none); c.Reproduced || c.First.Replayed != "no webhook" {
		t.Errorf("a replay without webhooks: %+v", c.First)
	}
	hosted := saved
	hosted.Inputs.LinkMode = LinkModeHosted
	hosted.Webhooks = []Webhook{{Type: "LINK", Code: "SESSION_FINISHED"}, ready}
	if c := Compare(hosted, saved); !c.Reproduced {
		t.Errorf("Hosted Link's LINK webhooks are compared with a shortcut replay: %+v", c.First)
	}
}
