package e2e

import (
	"strings"
	"testing"
	"time"
)

// TestWebhookPaneInTmux: the built binary, offline, walks alloy-credit with the sandbox
// shortcut; its Asset Report's ASSETS PRODUCT_READY reaches plaidwalk's own receiver, signed by
// the emulator, and the results screen shows it in the webhook pane as verified; w shows its
// body.
func TestWebhookPaneInTmux(t *testing.T) {
	term, exitFile := startOffline(t, 100, 30)
	term.sendText("alloy-credit")
	term.waitFor(`1 of \d+ partners`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`Step 2/7 · Link options(.|\n)*Webhook`, 5*time.Second)
	term.send("Tab", "Tab", "Tab", "Tab", "Tab", "Tab", "Right", "Right")
	term.waitFor(`\[sandbox shortcut\]`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`link_token created`, 10*time.Second)
	term.send("Enter")
	term.waitFor(`Asset Report covers the whole Item(.|\n)*enter use account`, 20*time.Second)
	term.send("Enter")
	screen := term.waitFor(`Step 7/7(.|\n)*Webhooks \(1, plaidwalk's receiver\)(.|\n)*ASSETS PRODUCT_READY .*✓ verified`, 30*time.Second)
	saveScreen(t, "webhook-pane", screen)
	if strings.Contains(screen, `"asset_report_id": "`) {
		t.Fatalf("the body is shown before w:\n%s", screen)
	}
	term.send("w")
	screen = term.waitFor(`"asset_report_id": "`, 5*time.Second)
	saveScreen(t, "webhook-body", screen)
	if !strings.Contains(screen, `"webhook_code": "PRODUCT_READY"`) {
		t.Errorf("the body lacks its code:\n%s", screen)
	}
	term.send("q")
	if code := waitExit(t, exitFile, 10*time.Second); code != "0" {
		t.Fatalf("exit code %s, want 0; screen:\n%s", code, term.screen())
	}
}
