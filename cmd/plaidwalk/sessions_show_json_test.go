package main

import (
	"encoding/json"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// `sessions show --json` prints a saved walk as one document whose calls read as run --json's
// api_log does; --help says so.
func TestSessionsShowJSON(t *testing.T) {
	e := newSessEnv(t)
	res, id := e.walkAndSave("dwolla", plaidflow.WalkOptions{}, "")
	code, out, errOut := e.plaidwalk("sessions", "show", id, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var doc struct {
		ID    string `json:"id"`
		Calls []struct {
			Path         string         `json:"path"`
			Status       int            `json:"status"`
			ResponseBody map[string]any `json:"response_body"`
		} `json:"calls"`
		Outcome struct {
			Result string `json:"result"`
		} `json:"outcome"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if doc.ID != id || doc.Outcome.Result != "success" || len(doc.Calls) < 4 {
		t.Fatalf("document: %+v", doc)
	}
	if doc.Calls[0].Path != "/link/token/create" || doc.Calls[0].ResponseBody["link_token"] == nil {
		t.Errorf("first call %+v: want /link/token/create with its body as JSON", doc.Calls[0])
	}
	if strings.Contains(out, res.Item.AccessToken) {
		t.Errorf("the document holds the whole access_token")
	}
	if _, help, _ := e.plaidwalk("sessions", "show", "--help"); !strings.Contains(help, "--json") {
		t.Errorf("sessions show --help does not mention --json:\n%s", help)
	}
}
