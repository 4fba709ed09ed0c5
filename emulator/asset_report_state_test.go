package emulator

import (
	"reflect"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestStateKeepsReportKinds: with --state, a filtered report (its data from its source's
// moment), a refreshed one, an audit copy and the removals (of a report, of a copy) read the
// same after a restart, even with the Item removed before it: a report derives its data from
// what it kept, not from the Item.
func TestStateKeepsReportKinds(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	access := h.connect(plaid.PRODUCTS_ASSETS, plaid.PRODUCTS_TRANSACTIONS)
	source := h.assetReport(30, access).get(t).AssetReportToken
	original := h.readyReport(source)
	clock.Advance(6 * time.Hour)
	filtered := h.filterReport(source, assetAccountByMask(t, original, "1111").AccountId).get(t).AssetReportToken
	refreshed := h.refreshReport(source, 20).get(t).AssetReportToken
	kept := h.auditCopy(source, "fannie_mae").get(t).AuditCopyToken
	dropped := h.auditCopy(source, "freddie_mac").get(t).AuditCopyToken
	ok(h.client.AssetReportAuditCopyRemove(h.ctx).AssetReportAuditCopyRemoveRequest(*plaid.NewAssetReportAuditCopyRemoveRequest(dropped)).Execute()).get(t)
	gone := h.assetReport(5, access).get(t).AssetReportToken
	h.removeReport(gone).get(t)
	before := map[string]plaid.AssetReport{source: original, filtered: h.readyReport(filtered), refreshed: h.getAssetReport(refreshed).get(t).Report}
	ok(h.client.ItemRemove(h.ctx).ItemRemoveRequest(*plaid.NewItemRemoveRequest(access)).Execute()).get(t)
	stop()

	h, _ = restoredHarness(t, dir, clock)
	for tok, want := range before {
		if got := h.getAssetReport(tok).get(t).Report; !reflect.DeepEqual(got, want) {
			t.Errorf("report %s reads differently after the restart:\n%+v\n%+v", want.AssetReportId, got, want)
		}
	}
	if before[filtered].DateGenerated != original.DateGenerated || len(accountsByID(before[filtered])) != len(accountsByID(original))-1 {
		t.Errorf("the filtered report is not the source's data less one account")
	}
	if got := h.auditCopyGet(kept).get(t).Report; !reflect.DeepEqual(got, original) {
		t.Error("the audit copy reads differently after the restart")
	}
	h.auditCopyGet(dropped).fails(t, 400, "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN")
	h.getAssetReport(gone).fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
}
