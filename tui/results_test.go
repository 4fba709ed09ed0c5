package tui

import (
	"regexp"
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
