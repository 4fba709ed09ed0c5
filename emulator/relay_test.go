package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) relayGet(relayToken string) result[plaid.AssetReportGetResponse] {
	req := plaid.NewCreditRelayGetRequest(relayToken, plaid.REPORTTYPE_ASSET)
	return ok(h.client.CreditRelayGet(h.ctx).CreditRelayGetRequest(*req).Execute())
}

// TestCreditRelayGet is the partner's side of a relay token: the shared report is not ready
// until the Asset Report is, then it is the same report; an unknown relay token is refused.
func TestCreditRelayGet(t *testing.T) {
	h := newHarness(t)
	created := h.assetReport(30, h.connect(plaid.PRODUCTS_ASSETS)).get(t)
	relay := ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(
		*plaid.NewCreditRelayCreateRequest([]string{created.AssetReportToken}, "alloy-client-1")).Execute()).get(t)
	h.relayGet(relay.RelayToken).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(5 * time.Second)
	report := h.relayGet(relay.RelayToken).get(t).Report
	if report.AssetReportId != created.AssetReportId || report.DaysRequested != 30 || len(report.Items) != 1 {
		t.Fatalf("relayed report: id %q days %v items %d, want the Asset Report %q of 30 days, one Item",
			report.AssetReportId, report.DaysRequested, len(report.Items), created.AssetReportId)
	}
	h.relayGet("credit-relay-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_RELAY_TOKEN")
}
