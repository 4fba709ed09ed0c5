package sessions

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"plaidwalk/plaidflow"
)

// A call is encoded one way whether run --json prints it from the API log or sessions show
// --json prints it from a file.
func TestOneEncodingOfACall(t *testing.T) {
	c := flowCall(0, "/link/token/create", 200, "", `{"client_name":"plaidwalk"}`, `{"link_token":"x","request_id":"R1"}`)
	c.Time = c.Time.In(time.FixedZone("X", 3600))
	fromLog := FlowCallDoc(c)
	fromFile := FromFlowCall(c).Doc()
	a, _ := json.Marshal(fromLog)
	b, _ := json.Marshal(fromFile)
	if !bytes.Equal(a, b) {
		t.Fatalf("the same call encodes two ways:\n%s\n%s", a, b)
	}
	var doc map[string]any
	if err := json.Unmarshal(a, &doc); err != nil {
		t.Fatal(err)
	}
	if body, ok := doc["response_body"].(map[string]any); !ok || body["link_token"] != "x" {
		t.Errorf("the response body is not embedded as JSON: %s", a)
	}
	if doc["time"] != "2026-11-22T04:46:53Z" || doc["latency_ms"] != 3.0 || doc["method"] != "POST" {
		t.Errorf("time, latency or method: %s", a)
	}
	failed := plaidflow.Call{Method: "POST", Path: "/item/get", RequestBody: "not json", Err: "connection refused"}
	d := FlowCallDoc(failed)
	if string(d.RequestBody) != `"not json"` || d.Error != "connection refused" || d.ResponseBody != nil {
		t.Errorf("a call without a response: %+v", d)
	}
}

func TestWriteJSONIsACleanDocument(t *testing.T) {
	s := Build(dwollaRecord())
	s.Inputs.Institution = "Evil\x1b]0;pwned\x07 Bank\u202e"
	s.Calls[0].ResponseBody = `{"link_token":"` + wholeLink + `","note":"a\u009b31mb"}`
	var out bytes.Buffer
	if err := WriteJSON(&out, s); err != nil {
		t.Fatal(err)
	}
	text := out.String()
	if strings.ContainsAny(text, "\x1b\x07\u009b\u202e") || strings.Contains(text, wholeLink) || strings.Contains(text, wholeAccess) {
		t.Fatalf("the document carries an escape, a bidi control or a whole token:\n%s", text)
	}
	var doc struct {
		Format string `json:"format"`
		ID     string `json:"id"`
		Inputs struct {
			Institution string `json:"institution_name"`
		} `json:"inputs"`
		Calls []struct {
			Path         string         `json:"path"`
			ResponseBody map[string]any `json:"response_body"`
		} `json:"calls"`
		Outcome Outcome `json:"outcome"`
	}
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		t.Fatalf("not one JSON document: %v\n%s", err, text)
	}
	if doc.Format != FormatName || doc.ID != s.ID || doc.Inputs.Institution != "Evil Bank" || doc.Outcome.Result != ResultSuccess {
		t.Errorf("document fields: %+v", doc)
	}
	if len(doc.Calls) != len(s.Calls) || doc.Calls[0].Path != "/link/token/create" || doc.Calls[0].ResponseBody["link_token"] == nil {
		t.Errorf("calls: %+v", doc.Calls)
	}
	s.Calls[1].Path = "/../etc"
	out.Reset()
	if err := WriteJSON(&out, s); err == nil || out.Len() != 0 {
		t.Errorf("a call path that is not Plaid's was printed: %v, %q", err, out.String())
	}
}
