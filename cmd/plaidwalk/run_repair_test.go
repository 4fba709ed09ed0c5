package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"plaidwalk/internal/browsertest"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// repairTestDoc is the part of --json's repair object the tests read.
type repairTestDoc struct {
	Institution *struct{ Name string }
	Repair      *struct {
		LoginRequired *struct {
			Code     string `json:"error_code"`
			Endpoint string
		} `json:"login_required"`
		UpdateLinkToken string  `json:"update_link_token"`
		PublicToken     string  `json:"public_token"`
		Exchanged       bool    `json:"exchanged"`
		ItemError       *string `json:"item_error"`
		Repaired        bool
		Note            string
		PartnerView     *struct {
			ACH []struct{ Routing string }
		} `json:"partner_view"`
		ErrorWebhook *struct {
			Type     string `json:"webhook_type"`
			Code     string `json:"webhook_code"`
			Verified bool
			Body     json.RawMessage
		} `json:"error_webhook"`
	}
	APILog []struct {
		Path        string
		RequestBody json.RawMessage `json:"request_body"`
	} `json:"api_log"`
}

// TestRunRepairInChromium: `run --partner dwolla --repair --link browser` with a person in
// Chromium: the first Link links the Item; after reset_login the update-mode Link opens at the
// login of the same bank (no search, no back), the person logs in again, and the Item and
// Dwolla's token work again with the same access_token and no second exchange.
func TestRunRepairInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	var mu sync.Mutex
	opened := 0
	firstDone, updateDone := make(chan error, 1), make(chan error, 1)
	var update browsertest.UpdateModeScreen
	d := testDeps()
	d.openURL = func(url string) error {
		mu.Lock()
		opened++
		n := opened
		mu.Unlock()
		if n == 1 {
			go func() { firstDone <- browsertest.CompleteEmulatedLink(browser, url, browsertest.UserGood, shots) }()
			return nil
		}
		go func() {
			var err error
			update, err = browsertest.ReloginEmulatedLink(browser, url, browsertest.UserGood, shots)
			updateDone <- err
		}()
		return nil
	}
	file := filepath.Join(t.TempDir(), "repair.json")
	code, out, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--repair", "--link", "browser", "--json",
		"--no-save", "--save", file, "--link-timeout", "60s")
	if err := <-firstDone; err != nil {
		t.Fatalf("first Link: %v", err)
	}
	if err := <-updateDone; err != nil {
		t.Fatalf("update-mode Link: %v (first screen %+v)", err, update)
	}
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	var doc repairTestDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.Repair == nil || doc.Institution == nil {
		t.Fatalf("no repair in the JSON (%v):\n%s", err, out)
	}
	if update.Bank != doc.Institution.Name || update.BackShow {
		t.Errorf("update-mode Link showed %+v, want the login of %q with no way back to a search", update, doc.Institution.Name)
	}
	t.Logf("update-mode Link's first screen: %+v", update)
	r := doc.Repair
	if r.LoginRequired == nil || r.LoginRequired.Code != "ITEM_LOGIN_REQUIRED" || r.LoginRequired.Endpoint != "/accounts/get" {
		t.Errorf("login_required %+v, want /accounts/get's ITEM_LOGIN_REQUIRED", r.LoginRequired)
	}
	if !r.Repaired || r.ItemError != nil || r.Exchanged || !strings.HasPrefix(r.PublicToken, "public-sandbox-…") || !strings.Contains(r.Note, "LOGIN_REPAIRED") {
		t.Errorf("repair %+v", r)
	}
	if r.PartnerView == nil || len(r.PartnerView.ACH) != 1 || !regexp.MustCompile(`^\d{9}$`).MatchString(r.PartnerView.ACH[0].Routing) {
		t.Errorf("the partner's token after the repair: %+v", r.PartnerView)
	}
	if h := r.ErrorWebhook; h == nil || h.Type != "ITEM" || h.Code != "ERROR" || !h.Verified || !strings.Contains(string(h.Body), "ITEM_LOGIN_REQUIRED") {
		t.Errorf("the reset's ITEM ERROR webhook: %+v", h)
	}
	checkRepairCalls(t, doc)
	if names := eventNames(savedLink(t, file)); !inOrder(names, "OPEN", "HANDOFF", "OPEN", "SUBMIT_CREDENTIALS", "HANDOFF") {
		t.Errorf("saved Link events %v, want both Links: OPEN ... HANDOFF, OPEN ... SUBMIT_CREDENTIALS ... HANDOFF", names)
	}
	// The replay walks the repair too: the shortcut in place of the first Link, then the same
	// person logs in again in the update-mode Link.
	code, out, errOut = runInWith(t, d, nil, "replay", file)
	if err := <-updateDone; err != nil {
		t.Fatalf("the replay's update-mode Link: %v", err)
	}
	// 11: the walk without the shortcut (5), reset_login, the failing call, the update-mode
	// link_token, /item/get and the partner's two reads.
	if code != 0 || !strings.Contains(out, "reproduced: 11 steps") || !strings.Contains(out, "the replay walks the saved steps too: repair") {
		t.Errorf("replay: exit %d\n%s%s", code, out, errOut)
	}
}

// checkRepairCalls: one exchange only; the second /link/token/create is update mode.
func checkRepairCalls(t *testing.T, doc repairTestDoc) {
	t.Helper()
	exchanges, linkTokens := 0, []string{}
	for _, c := range doc.APILog {
		switch c.Path {
		case "/item/public_token/exchange":
			exchanges++
		case "/link/token/create":
			linkTokens = append(linkTokens, string(c.RequestBody))
		}
	}
	if exchanges != 1 || len(linkTokens) != 2 {
		t.Fatalf("%d exchanges and %d link tokens, want 1 and 2", exchanges, len(linkTokens))
	}
	if up := linkTokens[1]; !strings.Contains(up, "access_token") || strings.Contains(up, "products") {
		t.Errorf("update-mode /link/token/create body %s: want the access_token and no products", up)
	}
}

// TestRunRepairNeedsLink: the sandbox shortcut has no update mode; nothing is called.
func TestRunRepairNeedsLink(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--repair")
	if code != 2 || out != "" || !strings.Contains(errOut, "update mode") || !strings.Contains(errOut, "--link browser") {
		t.Errorf("exit %d, stdout %q, stderr:\n%s", code, out, errOut)
	}
}

// TestPrintRepair: the human output tells the repair in order, tokens masked unless --reveal.
func TestPrintRepair(t *testing.T) {
	r := &repairResult{
		LoginRequired: &plaidflow.PlaidError{Endpoint: "/accounts/get", Type: "ITEM_ERROR", Code: "ITEM_LOGIN_REQUIRED"},
		LinkToken:     plaidflow.LinkToken{Token: "link-sandbox-12345678-1234-1234-1234-123456789abc"},
		PublicToken:   "public-sandbox-12345678-1234-1234-1234-123456789def",
		PartnerView:   &plaidflow.PartnerView{Partner: "Dwolla", Read: true, Note: "Offline, the emulator plays Dwolla."},
	}
	var b strings.Builder
	printRepair(&b, r, nil, false)
	out := b.String()
	order := []string{"broken", "/accounts/get failed: ITEM_ERROR / ITEM_LOGIN_REQUIRED", "update token", "link-sandbox-…9abc",
		"public_token", "public-sandbox-…9def (not exchanged", "repaired", "LOGIN_REPAIRED", "partner view after the repair"}
	at := 0
	for _, want := range order {
		i := strings.Index(out[at:], want)
		if i < 0 {
			t.Fatalf("output lacks %q after position %d:\n%s", want, at, out)
		}
		at += i
	}
	b.Reset()
	hooks := []sessions.Webhook{{Type: "ITEM", Code: "ERROR", Verified: true, Body: json.RawMessage(`{"error":{"error_code":"ITEM_LOGIN_REQUIRED"}}`)}}
	printRepair(&b, r, hooks, false)
	if !strings.Contains(b.String(), "webhook        ITEM ERROR ITEM_LOGIN_REQUIRED reached the walk's webhook receiver (✓ verified)") {
		t.Errorf("the ITEM ERROR webhook is not told:\n%s", b.String())
	}
	b.Reset()
	printRepair(&b, r, nil, true)
	if !strings.Contains(b.String(), r.PublicToken) {
		t.Errorf("--reveal should print the public_token whole:\n%s", b.String())
	}
}
