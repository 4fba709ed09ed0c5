package sessions

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

func savedDwolla(t *testing.T) Session {
	t.Helper()
	s := Build(dwollaRecord())
	s.ID = "20261122-044653-dwolla-abcd"
	data, err := Encode(s, testSecret)
	if err != nil {
		t.Fatal(err)
	}
	s, err = Decode(data, "")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestWriteListShowsWhenPartnerEnvOutcome(t *testing.T) {
	var buf bytes.Buffer
	err := WriteList(&buf, []Entry{{ID: "20261122-044653-dwolla-abcd", Session: savedDwolla(t)}, {ID: "bad", Err: &FileError{Problem: "the file is empty"}}})
	if err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"WHEN (UTC)", "2026-11-22 04:46:53", "dwolla", "offline", "success: processor_token", "20261122-044653-dwolla-abcd", "unreadable: the file is empty"} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
}

func TestWriteTimelineOrdersCallsAndLinkEvents(t *testing.T) {
	s := savedDwolla(t)
	s.Inputs.LinkMode = LinkModeBrowser
	s.Link = &Link{Events: []LinkEvent{
		{Time: t0.Add(5 * time.Millisecond), Name: "OPEN", ViewName: "CONSENT"},
		{Time: t0.Add(15 * time.Millisecond), Name: "HANDOFF", InstitutionName: "Evil\x1b]0;pwned\x07 Bank\x1b[31m"},
	}}
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if strings.ContainsRune(out, 0x1b) || strings.ContainsRune(out, 0x07) {
		t.Fatalf("escape sequences reached the terminal: %q", out)
	}
	order := []string{"POST /link/token/create", "Link OPEN view=CONSENT", "POST /sandbox/public_token/create", "Link HANDOFF institution=Evil Bank", "POST /item/public_token/exchange", "POST /processor/token/create", "Outcome: success: processor_token", "processor-sandbox-…4444"}
	last := -1
	for _, want := range order {
		i := strings.Index(out, want)
		if i < 0 || i < last {
			t.Fatalf("timeline lacks %q after the previous line:\n%s", want, out)
		}
		last = i
	}
	for _, want := range []string{"Dwolla (dwolla)", "not real", "user_good / pass_good", "Plaid Checking ••0000 (depository/checking)", "Plaid Link in the browser"} {
		if !strings.Contains(out, want) {
			t.Errorf("timeline lacks %q", want)
		}
	}
}

func TestWriteMarkdownForATicket(t *testing.T) {
	s := savedDwolla(t)
	s.Calls[5].Status, s.Calls[5].ErrorCode = 400, "INVALID_PRODUCT"
	s.Calls[5].ResponseBody = `{"error_code":"INVALID_PRODUCT","error_message":"not enabled for dwolla"}`
	s.Outcome = Outcome{Result: ResultError, Step: "/processor/token/create", ErrorCode: "INVALID_PRODUCT", ErrorMessage: "not enabled"}
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{"# plaidwalk session 20261122-044653-dwolla-abcd", "| Outcome | error: INVALID_PRODUCT at /processor/token/create: not enabled |",
		"| 6 | `POST /processor/token/create` | 400 | INVALID_PRODUCT |", "## Failed call: `POST /processor/token/create`", `"error_message": "not enabled for dwolla"`, "plaidwalk replay"} {
		if !strings.Contains(out, want) {
			t.Errorf("markdown lacks %q:\n%s", want, out)
		}
	}
	for _, leak := range []string{wholeAccess, wholeProcessor, testSecret} {
		if strings.Contains(out, leak) {
			t.Errorf("markdown leaks %s", leak)
		}
	}
}

func TestWriteCurlBuildsBodiesFromEarlierResponses(t *testing.T) {
	var buf bytes.Buffer
	if err := WriteCurl(&buf, savedDwolla(t)); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	for _, want := range []string{
		"#!/usr/bin/env bash", `"${PLAID_SECRET:?`, `BASE_URL="${PLAID_BASE_URL:-https://sandbox.plaid.com}"`,
		`call '/item/public_token/exchange' "$(jq -nc --arg public_token "$PUBLIC_TOKEN" '{"public_token":$public_token}')"`,
		`ACCESS_TOKEN=$(jq -r '.access_token // empty' "$RESP")`,
		`--arg mask '0000' --arg name 'Plaid Checking'`,
		`--arg access_token "$ACCESS_TOKEN" --arg account_id "$ACCOUNT_ID"`,
		`"override_password":"pass_good"`,
		"partner token: processor_token",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("script lacks %s:\n%s", want, out)
		}
	}
	for _, leak := range []string{testSecret, `"secret"`, "access-sandbox-"} {
		if strings.Contains(out, leak) {
			t.Errorf("script carries %s", leak)
		}
	}
}

func TestWriteCurlUsesTheShortcutForABrowserSession(t *testing.T) {
	s := savedDwolla(t)
	s.Inputs.LinkMode = LinkModeBrowser
	s.Calls = append(s.Calls[:1:1], s.Calls[2:]...)
	var buf bytes.Buffer
	if err := WriteCurl(&buf, s); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	i := strings.Index(out, "call '/sandbox/public_token/create'")
	j := strings.Index(out, "call '/item/public_token/exchange'")
	if i < 0 || j < i || !strings.Contains(out, "Link ran in a browser") {
		t.Fatalf("no shortcut before the exchange:\n%s", out)
	}
}
