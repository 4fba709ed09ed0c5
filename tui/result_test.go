package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// A failed partner has its own line in the stdout summary, failed calls carry their
// error_code, and the asset_report_id lines up with the tokens.
func TestSummaryShowsTheFailure(t *testing.T) {
	m := atResults(t)
	m.walk.runs[0].Result.AssetReportID = "assetreport-1"
	alloy, _ := m.deps.Catalog.Find("alloy-credit")
	m.walk.partner = alloy
	perr := &plaidflow.PlaidError{Code: "PRODUCTS_NOT_SUPPORTED", Message: "the Item was not linked with assets"}
	m.calls = append(m.calls, plaidflow.Call{Method: "POST", Path: "/asset_report/create", Status: 400,
		RequestID: "reqAR", ErrorCode: "PRODUCTS_NOT_SUPPORTED"})
	m = send(m, stepFailedMsg{op: m.op, step: stepPartnerToken, err: perr})
	sum := m.Result().Summary(false)
	mustContain(t, sum,
		"partner Alloy (credit decisioning) failed at the partner_token step: PRODUCTS_NOT_SUPPORTED the Item was not linked with assets",
		"POST /asset_report/create 400 request_id=reqAR PRODUCTS_NOT_SUPPORTED",
		"These tokens come from the offline emulator")
	var tokenCol, reportCol int
	for _, l := range strings.Split(sum, "\n") {
		if strings.HasPrefix(l, "processor_token") {
			tokenCol = strings.Index(l, "processor-sandbox")
		}
		if strings.HasPrefix(l, "asset_report_id") {
			reportCol = strings.Index(l, "assetreport-1")
		}
	}
	if tokenCol == 0 || tokenCol != reportCol {
		t.Errorf("asset_report_id at column %d, tokens at %d:\n%s", reportCol, tokenCol, sum)
	}
}

// No token made: the summary does not talk about tokens being not real.
func TestSummaryWithoutTokensSaysNothingOfThem(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	m = send(m, keyMsg("enter"))
	m = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: &plaidflow.PlaidError{Code: "INVALID_FIELD", Message: "bad products"}})
	sum := m.Result().Summary(false)
	if strings.Contains(sum, "not real") {
		t.Errorf("no token made, yet:\n%s", sum)
	}
	mustContain(t, sum, "partner Dwolla failed at the link_token step: INVALID_FIELD bad products")
}

// Tokens made on an Item linked before Link ran again stay in the summary.
func TestSummaryKeepsTokensOfAnEarlierItem(t *testing.T) {
	m := atResults(t) // Dwolla on item123
	m.adoptItem(plaidflow.Item{AccessToken: "access-sandbox-second", ItemID: "item-second"})
	sum := m.Result().Summary(false)
	mustContain(t, sum, "Dwolla (dwolla), earlier Item item123", "processor-sandbox-…4321", "item_id        item-second")
}

// Every Item's access_token is in the summary, beside the tokens made from it: the earlier
// Item's too, masked unless revealed.
func TestSummaryKeepsTheAccessTokenOfAnEarlierItem(t *testing.T) {
	m := atResults(t) // Dwolla on item123
	first := m.walk.item.AccessToken
	m.adoptItem(plaidflow.Item{AccessToken: "access-sandbox-second-0000", ItemID: "item-second"})
	masked := m.Result().Summary(false)
	mustContain(t, masked, "earlier Item item123\naccess_token   "+plaidflow.Mask(first)+"\nprocessor_token", "access_token   "+plaidflow.Mask("access-sandbox-second-0000"))
	mustContain(t, m.Result().Summary(true), "earlier Item item123\naccess_token   "+first+"\n")
}
