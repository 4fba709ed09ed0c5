package emulator

import (
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) filterReport(token string, exclude ...string) result[plaid.AssetReportFilterResponse] {
	req := plaid.NewAssetReportFilterRequest(token, append([]string{}, exclude...)) // [], not null, when none
	return ok(h.client.AssetReportFilter(h.ctx).AssetReportFilterRequest(*req).Execute())
}

func (h *harness) refreshReport(token string, days int32) result[plaid.AssetReportRefreshResponse] {
	req := plaid.NewAssetReportRefreshRequest(token)
	if days >= 0 {
		req.SetDaysRequested(days)
	}
	return ok(h.client.AssetReportRefresh(h.ctx).AssetReportRefreshRequest(*req).Execute())
}

func (h *harness) removeReport(token string) result[plaid.AssetReportRemoveResponse] {
	return ok(h.client.AssetReportRemove(h.ctx).AssetReportRemoveRequest(*plaid.NewAssetReportRemoveRequest(token)).Execute())
}

// readyReport waits out the report delay and reads the report.
func (h *harness) readyReport(token string) plaid.AssetReport {
	h.t.Helper()
	h.getAssetReport(token).fails(h.t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(DefaultAssetReportDelay * 3)
	return h.getAssetReport(token).get(h.t).Report
}

func accountsByID(r plaid.AssetReport) map[string]plaid.AccountAssets {
	out := map[string]plaid.AccountAssets{}
	for _, it := range r.Items {
		for _, a := range it.Accounts {
			out[a.AccountId] = a
		}
	}
	return out
}

// TestAssetReportFilterAndRefresh: a filtered report is a new report (new token and id, not
// ready at once) holding the old one's data without the excluded accounts; a refresh of it is
// a newer report of the same accounts (the filter carries over) with new days_requested, whose
// posted transactions and their ids are those the older report showed for the same days.
func TestAssetReportFilterAndRefresh(t *testing.T) {
	h := newHarness(t)
	created := h.assetReport(30, h.connect(plaid.PRODUCTS_ASSETS)).get(t)
	original := h.readyReport(created.AssetReportToken)
	all := accountsByID(original)
	savings, card := assetAccountByMask(t, original, "1111").AccountId, assetAccountByMask(t, original, "3333").AccountId

	filtered := h.filterReport(created.AssetReportToken, savings, card).get(t)
	if filtered.AssetReportToken == created.AssetReportToken || filtered.AssetReportId == created.AssetReportId {
		t.Fatalf("filter did not make a new report: %+v", filtered)
	}
	narrow := h.readyReport(filtered.AssetReportToken)
	kept := accountsByID(narrow)
	if len(kept) != len(all)-2 || kept[savings].AccountId != "" || kept[card].AccountId != "" {
		t.Fatalf("the filtered report holds %d accounts (savings %v, card %v), want %d without them", len(kept), kept[savings].AccountId != "", kept[card].AccountId != "", len(all)-2)
	}
	for id, a := range kept {
		if !reflect.DeepEqual(a, all[id]) {
			t.Errorf("account %s reads differently in the filtered report:\n%+v\n%+v", a.Name, a, all[id])
		}
	}
	if !narrow.DateGenerated.Equal(original.DateGenerated) || narrow.GetClientReportId() != "walk-1" || narrow.DaysRequested != 30 {
		t.Errorf("filtered report: generated %s (original %s), client id %q, days %v", narrow.DateGenerated, original.DateGenerated, narrow.GetClientReportId(), narrow.DaysRequested)
	}

	h.clock.Advance(24 * time.Hour)
	refreshed := h.refreshReport(filtered.AssetReportToken, 60).get(t)
	newer := h.readyReport(refreshed.AssetReportToken)
	if newer.DaysRequested != 60 || !newer.DateGenerated.After(original.DateGenerated) || len(accountsByID(newer)) != len(kept) {
		t.Fatalf("refreshed report: days %v generated %s, %d accounts; want 60 days, later than %s, %d accounts",
			newer.DaysRequested, newer.DateGenerated, len(accountsByID(newer)), original.DateGenerated, len(kept))
	}
	checking := assetAccountByMask(t, newer, "0000")
	seen := map[string]plaid.AssetReportTransaction{}
	for _, tx := range checking.Transactions {
		seen[tx.TransactionId] = tx
	}
	for _, tx := range all[checking.AccountId].Transactions {
		if tx.Pending {
			continue // it may have posted since, under its posted id
		}
		if got, ok := seen[tx.TransactionId]; !ok || got.Amount != tx.Amount || got.Date != tx.Date {
			t.Errorf("posted transaction %s (%s %.2f) of the older report is not the same in the refreshed one", tx.TransactionId, tx.Date, tx.Amount)
		}
	}
	if days := h.refreshReport(refreshed.AssetReportToken, -1).get(t); h.readyReport(days.AssetReportToken).DaysRequested != 60 {
		t.Error("a refresh without days_requested did not keep the report's")
	}
}

// TestAssetReportRemoveAndErrors: remove answers removed: true, after which the token (and its
// audit copies) fail as an unknown token does, while reports made from it stay; filter refuses
// excluding every account or an account the report lacks; an unknown token fails everywhere.
func TestAssetReportRemoveAndErrors(t *testing.T) {
	h := newHarness(t)
	created := h.assetReport(10, h.connect(plaid.PRODUCTS_ASSETS)).get(t)
	h.filterReport(created.AssetReportToken).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	report := h.readyReport(created.AssetReportToken)
	var every []string
	for id := range accountsByID(report) {
		every = append(every, id)
	}
	pe := h.filterReport(created.AssetReportToken, every...).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	if !strings.Contains(pe.ErrorMessage, "every account") {
		t.Errorf("message %q does not say every account was excluded", pe.ErrorMessage)
	}
	other := accountByMask(t, h.accounts(h.connect(plaid.PRODUCTS_AUTH)), "0000").AccountId
	h.filterReport(created.AssetReportToken, other).fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	h.filterReport(created.AssetReportToken, "nope").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")

	copyTok := h.auditCopy(created.AssetReportToken, "fannie_mae").get(t).AuditCopyToken
	refreshed := h.refreshReport(created.AssetReportToken, -1).get(t)
	if r := h.removeReport(created.AssetReportToken).get(t); !r.Removed {
		t.Fatal("remove did not answer removed: true")
	}
	unknown := "assets-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"
	for _, tok := range []string{created.AssetReportToken, unknown} {
		h.getAssetReport(tok).fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
		h.refreshReport(tok, -1).fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
		h.filterReport(tok).fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
		h.removeReport(tok).fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
		h.auditCopy(tok, "").fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
		_, resp, err := h.client.AssetReportPdfGet(h.ctx).AssetReportPDFGetRequest(*plaid.NewAssetReportPDFGetRequest(tok)).Execute()
		wantPlaidError(t, resp, err, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
	}
	h.auditCopyGet(copyTok).fails(t, 400, "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN")
	h.readyReport(refreshed.AssetReportToken) // a report made from the removed one stays
}

func (h *harness) auditCopy(token, auditor string) result[plaid.AssetReportAuditCopyCreateResponse] {
	req := plaid.NewAssetReportAuditCopyCreateRequest(token)
	if auditor != "" {
		req.SetAuditorId(auditor)
	}
	return ok(h.client.AssetReportAuditCopyCreate(h.ctx).AssetReportAuditCopyCreateRequest(*req).Execute())
}

func (h *harness) auditCopyGet(token string) result[plaid.AssetReportGetResponse] {
	req := plaid.NewAssetReportAuditCopyGetRequest(token)
	return ok(h.client.AssetReportAuditCopyGet(h.ctx).AssetReportAuditCopyGetRequest(*req).Execute())
}

// TestAssetReportAuditCopies: an auditor's copy reads the report (PRODUCT_NOT_READY before it
// is done), as JSON and as a PDF; removing one copy leaves the other and the report.
func TestAssetReportAuditCopies(t *testing.T) {
	h := newHarness(t)
	created := h.assetReport(10, h.connect(plaid.PRODUCTS_ASSETS)).get(t)
	first := h.auditCopy(created.AssetReportToken, "fannie_mae").get(t).AuditCopyToken
	second := h.auditCopy(created.AssetReportToken, "freddie_mac").get(t).AuditCopyToken
	if !strings.HasPrefix(first, "a-sandbox-") || len(first) != len("a-sandbox-")+26 || first == second {
		t.Fatalf("audit copy tokens %q, %q", first, second)
	}
	h.auditCopyGet(first).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	report := h.readyReport(created.AssetReportToken)
	if copied := h.auditCopyGet(first).get(t).Report; !reflect.DeepEqual(copied, report) {
		t.Fatalf("the audit copy reads differently from the report:\n%+v\n%+v", copied, report)
	}
	f, resp, err := h.client.AssetReportAuditCopyPdfGet(h.ctx).AssetReportAuditCopyPdfGetRequest(*plaid.NewAssetReportAuditCopyPdfGetRequest(second)).Execute()
	ok(f, resp, err).get(t)
	data, _ := io.ReadAll(f)
	f.Close()
	if text := checkPDF(t, data); !strings.Contains(text, report.AssetReportId) || resp.Header.Get("Content-Type") != "application/pdf" {
		t.Errorf("the audit copy's PDF (%s) does not show report %s", resp.Header.Get("Content-Type"), report.AssetReportId)
	}
	removed := ok(h.client.AssetReportAuditCopyRemove(h.ctx).AssetReportAuditCopyRemoveRequest(*plaid.NewAssetReportAuditCopyRemoveRequest(first)).Execute()).get(t)
	if !removed.Removed {
		t.Fatal("audit copy remove did not answer removed: true")
	}
	h.auditCopyGet(first).fails(t, 400, "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN")
	ok(h.client.AssetReportAuditCopyRemove(h.ctx).AssetReportAuditCopyRemoveRequest(*plaid.NewAssetReportAuditCopyRemoveRequest(first)).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN")
	h.auditCopyGet(second).get(t)
	h.getAssetReport(created.AssetReportToken).get(t)
	h.auditCopyGet("a-sandbox-AAAAAAAAAAAAAAAAAAAAAAAAAA").fails(t, 400, "INVALID_INPUT", "INVALID_AUDIT_COPY_TOKEN")
}

// TestAssetReportRefreshWebhook: a refresh sends PRODUCT_READY for the new report to the old
// report's webhook, as create does; a filtered one too.
func TestAssetReportRefreshWebhook(t *testing.T) {
	h := newWebhookHarness(t, Options{AssetReportDelay: 200 * time.Millisecond})
	rc := newReceiver(t, 0)
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetWebhook(rc.url())
	req := plaid.NewAssetReportCreateRequest(5)
	req.SetAccessTokens([]string{h.connect(plaid.PRODUCTS_ASSETS)})
	req.SetOptions(*opts)
	created := ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute()).get(t)
	mustVerify(t, h, rc.next(t), "AssetsProductReadyWebhook")
	refreshed := h.refreshReport(created.AssetReportToken, 7).get(t)
	if ready := mustVerify(t, h, rc.next(t), "AssetsProductReadyWebhook"); ready["asset_report_id"] != refreshed.AssetReportId {
		t.Fatalf("PRODUCT_READY after refresh names %v, want %s", ready["asset_report_id"], refreshed.AssetReportId)
	}
	filtered := h.filterReport(created.AssetReportToken).get(t)
	if ready := mustVerify(t, h, rc.next(t), "AssetsProductReadyWebhook"); ready["asset_report_id"] != filtered.AssetReportId {
		t.Fatalf("PRODUCT_READY after filter names %v, want %s", ready["asset_report_id"], filtered.AssetReportId)
	}
	// The delivery log, as `plaidwalk listen` reads it, holds the three.
	h.waitDeliveries(func(list []DeliveryRecord) bool {
		n := 0
		for _, d := range list {
			if d.WebhookCode == "PRODUCT_READY" && d.Outcome == "delivered" {
				n++
			}
		}
		return n == 3
	})
}
