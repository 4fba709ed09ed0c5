package tui

import (
	"regexp"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// Three processor_token rows must say whose each is; the help says v reveals them all; the
// Asset Report's id is shown.
func TestResultsLabelEachTokenWithItsPartner(t *testing.T) {
	m := atResults(t)
	m.walk.runs = append(m.walk.runs, PartnerRun{
		Partner: plaidflow.Partner{ID: "alloy-credit", Name: "Alloy (credit decisioning)"},
		Result: plaidflow.PartnerResult{AssetReportID: "assetreport-id-1234",
			Tokens: []plaidflow.Token{{Kind: plaidflow.TokenRelay, Value: "credit-relay-sandbox-1111-2222"}}},
	})
	v := m.View()
	mustContain(t, v, "v reveal all", "asset_report_id", "assetreport-id-1234")
	for _, row := range []string{
		`Dwolla +processor_token +processor-sandbox-…4321`,
		`Alloy \(credit decisioning\) +relay_token`,
		`the Item +access_token +access-sandbox-…`,
	} {
		if !regexp.MustCompile(row).MatchString(v) {
			t.Errorf("no row matching %q:\n%s", row, v)
		}
	}
}

// The curl breaks only at its ` \` continuations, never inside a quoted string, and keeps the
// URL whole at 80 and 100 columns; a body too long for the line is cut with … and the pane
// says y copies the whole curl.
func TestCurlPaneBreaksOnlyAtContinuations(t *testing.T) {
	m := atResultsWith(t, []plaidflow.Call{{Method: "POST", Path: "/processor/stripe/bank_account_token/create", Status: 200, RequestID: "r1",
		RequestHeaders: map[string]string{"Plaid-Version": "2020-09-14"},
		RequestBody:    `{"access_tokens":["access-sandbox-…eeee"],"days_requested":60,"options":{"client_report_id":"plaidwalk-report-0001","user":{"client_user_id":"plaidwalk-local-user"}}}`}})
	m.deps.Config.BaseURL = "https://production.plaid.com"
	for _, w := range []int{80, 100} {
		v := send(m, resize(w, 60)).View()
		mustContain(t, v, "'https://production.plaid.com/processor/stripe/bank_account_token/create' \\", "y copies whole")
		for _, line := range strings.Split(v, "\n") {
			l := strings.TrimRight(line, " ")
			if strings.Contains(l, "-d '") && !strings.HasSuffix(l, "…") && !strings.HasSuffix(l, "'") {
				t.Errorf("width %d: body line broken inside its quotes: %q", w, l)
			}
			if strings.HasPrefix(strings.TrimSpace(l), `","`) || strings.HasPrefix(strings.TrimSpace(l), `ient`) {
				t.Errorf("width %d: a continuation of a cut quoted string: %q", w, l)
			}
		}
	}
}

// Alloy's Asset Report covers the whole Item: the picker says so instead of asking for "the
// account for Alloy", and the results do not claim a token for one account.
func TestCreditRelaySaysTheReportCoversTheItem(t *testing.T) {
	m := atAccounts(t, "alloy-credit")
	v := m.View()
	mustContain(t, v, "Asset Report covers the whole Item", "only noted")
	if strings.Contains(v, "Choose the account for") {
		t.Errorf("credit relay asks for an account:\n%s", v)
	}
	m = send(m, keyMsg("enter"))
	mustContain(t, m.View(), "Asset Report of the whole Item")
	res := plaidflow.PartnerResult{AssetReportID: "ar-1", Tokens: []plaidflow.Token{{Kind: plaidflow.TokenRelay, Value: "credit-relay-sandbox-1"}}}
	m = send(m, partnerTokenCreatedMsg{op: m.op, result: res})
	v = m.View()
	mustContain(t, strings.Join(strings.Fields(v), " "), "relay token, for an Asset Report of the whole Item", "ar-1", "account (noted)")
	if strings.Contains(v, "token for Plaid") {
		t.Errorf("results name one account:\n%s", v)
	}
}
