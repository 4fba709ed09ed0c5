package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) processorToken(access, accountID, processor string) result[plaid.ProcessorTokenCreateResponse] {
	req := plaid.NewProcessorTokenCreateRequest(access, accountID, processor)
	return ok(h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*req).Execute())
}

func (h *harness) stripeToken(access, accountID string) result[plaid.ProcessorStripeBankAccountTokenCreateResponse] {
	req := plaid.NewProcessorStripeBankAccountTokenCreateRequest(access, accountID)
	return ok(h.client.ProcessorStripeBankAccountTokenCreate(h.ctx).ProcessorStripeBankAccountTokenCreateRequest(*req).Execute())
}

func TestProcessorTokenChecks(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	accounts := h.accounts(tok)
	checking := accountByMask(t, accounts, "0000").AccountId
	// Every processor of the spec's enum is accepted (the spec is the 2026 list).
	processors := specProp(t, "/processor/token/create", "processor").enum
	if len(processors) < 70 || !contains(processors, "kanmon") || contains(processors, "prime_trust") {
		t.Fatalf("the spec's processor enum is not the 2026 list: %v", processors)
	}
	for _, p := range processors {
		h.processorToken(tok, checking, p).get(t)
	}
	for _, p := range []string{"stripe", "prime_trust", "Dwolla", ""} {
		h.processorToken(tok, checking, p).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	}
	h.processorToken(tok, "nope", "dwolla").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	other := h.accounts(h.connect(plaid.PRODUCTS_AUTH))
	h.processorToken(tok, accountByMask(t, other, "0000").AccountId, "dwolla").fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	for _, mask := range []string{"3333", "9999", "5555", "6666", "7777", "8888"} {
		h.processorToken(tok, accountByMask(t, accounts, mask).AccountId, "dwolla").fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	}
	h.processorToken(tok, accountByMask(t, accounts, "1111").AccountId, "dwolla").get(t)
}

func TestStripeTokenChecks(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	accounts := h.accounts(tok)
	first := h.stripeToken(tok, accountByMask(t, accounts, "1111").AccountId).get(t).StripeBankAccountToken
	second := h.stripeToken(tok, accountByMask(t, accounts, "1111").AccountId).get(t).StripeBankAccountToken
	if first == second || !stripeTokenRE.MatchString(second) {
		t.Errorf("stripe tokens %q and %q: want two distinct btok_ tokens", first, second)
	}
	for _, mask := range []string{"3333", "2222", "7777"} {
		h.stripeToken(tok, accountByMask(t, accounts, mask).AccountId).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	}
	h.stripeToken(tok, "nope").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.stripeToken("access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e", accountByMask(t, accounts, "1111").AccountId).
		fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func (h *harness) assetReport(days int32, tokens ...string) result[plaid.AssetReportCreateResponse] {
	req := plaid.NewAssetReportCreateRequest(days)
	req.SetAccessTokens(tokens)
	opts := plaid.NewAssetReportCreateRequestOptions()
	opts.SetClientReportId("walk-1")
	req.SetOptions(*opts)
	return ok(h.client.AssetReportCreate(h.ctx).AssetReportCreateRequest(*req).Execute())
}

func (h *harness) getAssetReport(token string) result[plaid.AssetReportGetResponse] {
	req := plaid.NewAssetReportGetRequest()
	req.SetAssetReportToken(token)
	return ok(h.client.AssetReportGet(h.ctx).AssetReportGetRequest(*req).Execute())
}

// TestAssetReportAndRelay is Alloy's credit flow: an Item with assets, an Asset Report that is
// not ready until the configured delay has passed, then a relay token.
func TestAssetReportAndRelay(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_ASSETS)
	created := h.assetReport(60, tok).get(t)
	if created.AssetReportId == "" || created.AssetReportToken[:15] != "assets-sandbox-" {
		t.Fatalf("asset report create: %+v", created)
	}
	h.getAssetReport(created.AssetReportToken).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(5*time.Second - time.Millisecond)
	h.getAssetReport(created.AssetReportToken).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	h.clock.Advance(time.Millisecond)
	report := h.getAssetReport(created.AssetReportToken).get(t).Report
	if report.AssetReportId != created.AssetReportId || report.GetClientReportId() != "walk-1" || len(report.Items) != 1 ||
		len(report.Items[0].Accounts) != 12 || report.DaysRequested != 60 {
		t.Fatalf("report: %+v", report)
	}
	if len(report.Items[0].Accounts[0].Transactions) == 0 || len(report.Items[0].Accounts[0].Owners) != 1 {
		t.Errorf("checking account in the report has no transactions or owner")
	}
	relay := ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(
		*plaid.NewCreditRelayCreateRequest([]string{created.AssetReportToken}, "alloy-client-1")).Execute()).get(t)
	if len(relay.RelayToken) < 20 || relay.RelayToken[:21] != "credit-relay-sandbox-" {
		t.Fatalf("relay token %q", relay.RelayToken)
	}
	ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(
		*plaid.NewCreditRelayCreateRequest([]string{"assets-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"}, "alloy-client-1")).Execute()).
		fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
	ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(
		*plaid.NewCreditRelayCreateRequest([]string{created.AssetReportToken}, "")).Execute()).
		fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

func TestAssetReportErrors(t *testing.T) {
	h := newHarness(t)
	h.assetReport(30, h.connect(plaid.PRODUCTS_AUTH)).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	withAssets := h.connect(plaid.PRODUCTS_ASSETS)
	h.assetReport(732, withAssets).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.assetReport(30).fails(t, 400, "INVALID_REQUEST", "MISSING_FIELDS")
	h.assetReport(30, "access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	h.getAssetReport("assets-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_ASSET_REPORT_TOKEN")
}

func TestAssetReportDelayDefaultsToTwoSeconds(t *testing.T) {
	if d := New(Options{}).assetDelay; d != 2*time.Second {
		t.Fatalf("default delay %v, want 2s", d)
	}
	if d := New(Options{AssetReportDelay: time.Minute}).assetDelay; d != time.Minute {
		t.Fatalf("configured delay %v, want 1m", d)
	}
}
