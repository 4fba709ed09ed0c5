package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plaidwalk/sessions"
)

// runJSONWebhooks is the part of run --json this file checks.
type runJSONWebhooks struct {
	AssetReportID string             `json:"asset_report_id"`
	Webhooks      []sessions.Webhook `json:"webhooks"`
	APILog        []struct {
		Path        string `json:"path"`
		RequestBody struct {
			Webhook string `json:"webhook"`
		} `json:"request_body"`
	} `json:"api_log"`
}

// TestRunListsItsWebhooks: offline, an alloy-credit run gives the emulator its own receiver as
// the webhook; --json lists the signed ASSETS PRODUCT_READY of the run's report, verified,
// with its time and body; the saved session has it too, but not the receiver's URL (it holds
// the walk's secret).
func TestRunListsItsWebhooks(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "run.json")
	code, out, errOut := e.plaidwalk("run", "--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--json", "--save", file)
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var doc runJSONWebhooks
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("--json: %v\n%s", err, out)
	}
	if len(doc.Webhooks) != 1 {
		t.Fatalf("webhooks = %+v; want the report's PRODUCT_READY", doc.Webhooks)
	}
	w := doc.Webhooks[0]
	if w.Type != "ASSETS" || w.Code != "PRODUCT_READY" || !w.Verified || w.ItemID != doc.AssetReportID || w.ReceivedAt.IsZero() ||
		!strings.Contains(string(w.Body), doc.AssetReportID) {
		t.Errorf("webhook = %+v", w)
	}
	var hook string
	for _, c := range doc.APILog {
		if c.Path == "/link/token/create" {
			hook = c.RequestBody.Webhook
		}
	}
	if !strings.HasPrefix(hook, "http://127.0.0.1:") || !strings.HasSuffix(hook, "/[REDACTED]/webhook") {
		t.Errorf("the link_token's webhook is %q; want plaidwalk's loopback receiver, its secret path hidden", hook)
	}
	raw, _ := os.ReadFile(file)
	for _, m := range regexp.MustCompile(`127\.0\.0\.1:\d+/[^"/]*/webhook`).FindAllString(string(raw)+out, -1) {
		if !strings.Contains(m, "/[REDACTED]/") {
			t.Errorf("the receiver's secret path reached the output or the session: %s", m)
		}
	}
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Webhooks) != 1 || s.Webhooks[0].Code != "PRODUCT_READY" || s.Inputs.Link.Webhook != "" {
		t.Errorf("session webhooks %+v, link_config.webhook %q", s.Webhooks, s.Inputs.Link.Webhook)
	}
}

// TestRunSendsWebhooksWhereTold: --webhook URL replaces the receiver: the emulator posts the
// report's PRODUCT_READY to that URL (a loopback app here), and run lists no webhooks of its own.
func TestRunSendsWebhooksWhereTold(t *testing.T) {
	e := newSessEnv(t)
	app := newAppEndpoint(t, 200)
	code, out, errOut := e.plaidwalk("run", "--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--json", "--no-save", "--webhook", app.srv.URL+"/plaid")
	if code != 0 {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	r, body := app.next(t)
	if r.URL.Path != "/plaid" || !strings.Contains(string(body), "PRODUCT_READY") || r.Header.Get("Plaid-Verification") == "" {
		t.Errorf("the app got %s %s", r.URL.Path, body)
	}
	var doc runJSONWebhooks
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Webhooks != nil {
		t.Errorf("--json webhooks = %+v (%v)", doc.Webhooks, err)
	}
	if code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--webhook", "ftp://x"); code != 2 || !strings.Contains(errOut, "--webhook") {
		t.Errorf("a bad --webhook: exit %d, %q", code, errOut)
	}
}

// TestReplayComparesWebhooks: a saved alloy-credit walk replays with the same webhooks; a file
// whose webhook sequence differs is not reproduced and the replay names both sequences.
func TestReplayComparesWebhooks(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "run.json")
	if code, out, errOut := e.plaidwalk("run", "--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--save", file); code != 0 {
		t.Fatalf("run: exit %d\n%s%s", code, out, errOut)
	}
	if code, out, errOut := e.plaidwalk("replay", file); code != 0 || !strings.Contains(out, "reproduced") {
		t.Fatalf("replay: exit %d\n%s%s", code, out, errOut)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	changed := strings.Replace(string(raw), `"webhook_code": "PRODUCT_READY"`, `"webhook_code": "ERROR"`, 1)
	if changed == string(raw) {
		t.Fatalf("the saved file has no PRODUCT_READY webhook:\n%s", raw)
	}
	other := filepath.Join(t.TempDir(), "other.json")
	if err := os.WriteFile(other, []byte(changed), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := e.plaidwalk("replay", other)
	if code != 1 || !strings.Contains(out, "not reproduced: different webhooks") ||
		!strings.Contains(out, "saved:    1 webhook(s): ASSETS ERROR") || !strings.Contains(out, "replayed: 1 webhook(s): ASSETS PRODUCT_READY") {
		t.Errorf("replay of a file with other webhooks: exit %d\n%s", code, out)
	}
}
