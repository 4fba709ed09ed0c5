package tui

import (
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// walkCalls are the API calls of a walk by the sandbox shortcut, bodies as long as the real
// ones, then the partner's own calls.
func walkCalls(partnerPaths ...string) []plaidflow.Call {
	var calls []plaidflow.Call
	paths := append([]string{"/link/token/create", "/sandbox/public_token/create", "/item/public_token/exchange",
		"/accounts/get", "/item/get", "/institutions/get_by_id"}, partnerPaths...)
	for _, p := range paths {
		calls = append(calls, plaidflow.Call{Method: "POST", Path: p, Status: 200, RequestID: "req" + p,
			RequestHeaders: map[string]string{"Plaid-Version": "2020-09-14"},
			RequestBody:    `{"access_token":"access-sandbox-1","account_id":"acc-checking","processor":"dwolla","days_requested":60}`})
	}
	return calls
}

// resultsAfter makes the partner's token on the account picker of partner, with calls.
func resultsAfter(t *testing.T, partner string, res plaidflow.PartnerResult, calls []plaidflow.Call) Model {
	t.Helper()
	m := send(atAccounts(t, partner), keyMsg("enter"))
	return send(m, partnerTokenCreatedMsg{op: m.op, result: res, apiSnapshot: apiSnapshot{calls: calls}})
}

// The results open on the token just made, the cursor on it (for Alloy the relay_token, not
// the asset_report_token it came from), its row and the Tokens header on the first screen at
// 80x24 and up; ←/→ then follow the chosen call down the page.
func TestResultsOpenOnTheTokenJustMade(t *testing.T) {
	dwolla := resultsAfter(t, "dwolla", plaidflow.PartnerResult{Tokens: []plaidflow.Token{
		{Kind: plaidflow.TokenProcessor, Value: "processor-sandbox-99999999-8888-7777-6666-555555554321"}}},
		walkCalls("/processor/token/create"))
	alloy := resultsAfter(t, "alloy-credit", plaidflow.PartnerResult{AssetReportID: "assetreport-1", Tokens: []plaidflow.Token{
		{Kind: plaidflow.TokenAssetReport, Value: "assets-sandbox-11111111-2222-3333-4444-555555555555"},
		{Kind: plaidflow.TokenRelay, Value: "credit-relay-sandbox-11111111-2222-3333-4444-555555555555"}}},
		walkCalls("/asset_report/create", "/asset_report/get", "/asset_report/get", "/asset_report/get", "/credit/relay/create"))
	for _, tc := range []struct {
		name     string
		m        Model
		selected string // the row the cursor is on
		rows     []string
	}{
		{"Dwolla", dwolla, `^> Dwolla +processor_token `, []string{`Dwolla +processor_token`}},
		{"Alloy", alloy, `^> Alloy.* relay_token `, []string{`asset_report_token`, `relay_token`, `the Item +access_token`}},
	} {
		for _, size := range [][2]int{{80, 24}, {100, 30}, {120, 40}} {
			v := send(tc.m, tea.WindowSizeMsg{Width: size[0], Height: size[1]}).View()
			mustContain(t, v, "Tokens: ")
			for _, row := range append(tc.rows, tc.selected) {
				if !regexp.MustCompile(`(?m)` + row).MatchString(v) {
					t.Errorf("%s at %dx%d: no row matching %q on the first screen:\n%s", tc.name, size[0], size[1], row, v)
				}
			}
		}
	}
	// ←/→ choose a call: the page follows it to its curl, below the fold at 80x24.
	m := send(dwolla, keyMsg("left"), keyMsg("right"))
	if v := m.View(); !strings.Contains(v, "> ") || !strings.Contains(v, "/processor/token/create' \\") {
		t.Errorf("after ←/→ the chosen call's curl is not on screen:\n%s", v)
	}
}
