package emulator

import (
	"reflect"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// createFastReport asks for a 30-day report with the fast_assets add-on, and webhook when given.
func (h *harness) createFastReport(access, webhook string) plaid.AssetReportCreateResponse {
	h.t.Helper()
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetAddOns([]plaid.AssetReportAddOns{plaid.ASSETREPORTADDONS_FAST_ASSETS})
	if webhook != "" {
		opts.SetWebhook(webhook)
	}
	req := plaid.NewAssetReportCreateRequest(30)
	req.SetAccessTokens([]string{access})
	req.SetOptions(*opts)
	return ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute()).get(h.t)
}

func (h *harness) getFastReport(token string) result[plaid.AssetReportGetResponse] {
	req := plaid.NewAssetReportGetRequest()
	req.SetAssetReportToken(token)
	req.SetFastReport(true)
	return ok(h.client.AssetReportGet(h.ctx).AssetReportGetRequest(*req).Execute())
}

// TestFastAssetReport: with fast_assets, the Fast version is ready half way through the delay
// with each account's balances and owners but no transactions or balance history, while the
// Full version is still being made; then the Full one has its transactions. fast_report on a
// report made without the add-on is INVALID_FIELD.
func TestFastAssetReport(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_ASSETS, plaid.PRODUCTS_TRANSACTIONS)
	token := h.createFastReport(access, "").AssetReportToken
	h.getFastReport(token).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(h.emu.assetDelay / 2)
	fast := h.getFastReport(token).get(t).Report
	h.getAssetReport(token).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	accounts := fast.Items[0].Accounts
	if len(accounts) != len(userGoodAccounts) {
		t.Fatalf("the fast report has %d accounts, want %d", len(accounts), len(userGoodAccounts))
	}
	for _, a := range accounts {
		if a.Balances.Current.Get() == nil || len(a.Owners) != 1 || len(a.Transactions) != 0 || len(a.HistoricalBalances) != 0 {
			t.Errorf("fast report account %s: balance %v, %d owners, %d transactions, %d historical balances; want balances and owners only",
				a.AccountId, a.Balances.Current.Get(), len(a.Owners), len(a.Transactions), len(a.HistoricalBalances))
		}
	}
	h.clock.Advance(h.emu.assetDelay / 2)
	full := h.getAssetReport(token).get(t).Report
	if checking := assetAccountByMask(t, full, "0000"); len(checking.Transactions) == 0 || len(checking.HistoricalBalances) != 30 {
		t.Errorf("the full report's checking account has %d transactions and %d historical balances", len(checking.Transactions), len(checking.HistoricalBalances))
	}
	if !fast.DateGenerated.Before(full.DateGenerated) {
		t.Errorf("the fast report (%s) is not older than the full one (%s)", fast.DateGenerated, full.DateGenerated)
	}
	plain := h.assetReport(5, access).get(t).AssetReportToken
	h.getFastReport(plain).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// TestFastAssetReportWebhooks: PRODUCT_READY comes twice, report_type FAST then FULL, each
// valid against AssetsProductReadyWebhook.
func TestFastAssetReportWebhooks(t *testing.T) {
	h := newWebhookHarness(t, Options{AssetReportDelay: 200 * time.Millisecond})
	rc := newReceiver(t, 0)
	created := h.createFastReport(h.connect(plaid.PRODUCTS_ASSETS), rc.url())
	for _, want := range []string{"FAST", "FULL"} {
		body := mustVerify(t, h, rc.next(t), "AssetsProductReadyWebhook")
		if body["report_type"] != want || body["asset_report_id"] != created.AssetReportId {
			t.Fatalf("PRODUCT_READY %v for %v, want %s for %s", body["report_type"], body["asset_report_id"], want, created.AssetReportId)
		}
	}
}

// TestStateKeepsFastReports: with --state, a report made with fast_assets still has its Fast
// version after a restart, reading the same.
func TestStateKeepsFastReports(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	token := h.createFastReport(h.connect(plaid.PRODUCTS_ASSETS), "").AssetReportToken
	clock.Advance(h.emu.assetDelay)
	before := h.getFastReport(token).get(t).Report
	stop()

	h, _ = restoredHarness(t, dir, clock)
	if after := h.getFastReport(token).get(t).Report; !reflect.DeepEqual(after, before) {
		t.Errorf("the fast report reads differently after the restart:\n%+v\n%+v", after, before)
	}
}
