package sessions

import (
	"bytes"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// alloyRecord is a successful Alloy credit walk whose report was polled: one
// PRODUCT_NOT_READY answer, then the ready report and the relay token.
func alloyRecord() Record {
	r := dwollaRecord()
	r.Partner = plaidflow.Partner{ID: "alloy-credit", Name: "Alloy", Flow: plaidflow.FlowCreditRelay}
	notReady := flowCall(50, "/asset_report/get", 400, "PRODUCT_NOT_READY", `{"asset_report_token":"assets-sandbox-1"}`,
		`{"error_type":"ASSET_REPORT_ERROR","error_code":"PRODUCT_NOT_READY","error_message":"the report is not ready yet"}`)
	notReady.RequestID = "ReqNotReady0001"
	ready := flowCall(60, "/asset_report/get", 200, "", `{"asset_report_token":"assets-sandbox-1"}`, `{"report":{}}`)
	ready.RequestID = "ReqReady0000001"
	r.Calls = append(r.Calls[:5:5],
		flowCall(40, "/asset_report/create", 200, "", `{"access_tokens":["x"]}`, `{"asset_report_token":"assets-sandbox-1"}`),
		notReady, ready,
		flowCall(70, "/credit/relay/create", 200, "", `{"report_tokens":["x"]}`, `{"relay_token":"credit-relay-sandbox-1"}`))
	r.Result.Result = plaidflow.PartnerResult{Tokens: []plaidflow.Token{{Kind: plaidflow.TokenRelay, Value: "credit-relay-sandbox-1111111111111111"}}}
	return r
}

func markdownOf(t *testing.T, s Session) string {
	t.Helper()
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, s); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

// A poll the walk went past is not a failure: a successful walk has no failed call section.
func TestMarkdownSuccessHasNoFailedCall(t *testing.T) {
	s := Build(alloyRecord())
	if s.Outcome.Result != ResultSuccess {
		t.Fatalf("outcome %+v", s.Outcome)
	}
	if md := markdownOf(t, s); strings.Contains(md, "Failed call") {
		t.Errorf("a successful walk shows a failed call:\n%s", md)
	}
}

// In a walk that failed, the section shows the call that ended it, not an earlier answer
// the walk went past.
func TestMarkdownFailedCallIsTheOneThatEndedTheWalk(t *testing.T) {
	r := alloyRecord()
	r.Calls = append(r.Calls[:len(r.Calls)-1:len(r.Calls)-1],
		flowCall(70, "/credit/relay/create", 400, "INVALID_FIELD", `{"secondary_client_id":"nope"}`, `{"error_code":"INVALID_FIELD","error_message":"unknown secondary_client_id"}`))
	r.Calls[len(r.Calls)-1].RequestID = "ReqRelayFail001"
	r.Result.Result = plaidflow.PartnerResult{}
	r.Err = &plaidflow.PlaidError{Endpoint: "/credit/relay/create", Type: "INVALID_INPUT", Code: "INVALID_FIELD", Status: 400,
		Message: "unknown secondary_client_id", RequestID: "ReqRelayFail001"}
	md := markdownOf(t, Build(r))
	if !strings.Contains(md, "## Failed call: `POST /credit/relay/create`") || strings.Contains(md, "## Failed call: `POST /asset_report/get`") {
		t.Errorf("the failed call should be the relay call:\n%s", md)
	}
	if !strings.Contains(md, "unknown secondary_client_id") {
		t.Errorf("the ending call's body is missing:\n%s", md)
	}
}
