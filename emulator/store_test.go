package emulator

import (
	"context"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
	bolt "go.etcd.io/bbolt"

	"plaidwalk/internal/plaidspec"
)

// restoredHarness serves the emulator restored from dir, as newHarness serves a fresh one, and
// closes it (and its state file) when the test ends or closeNow is called.
func restoredHarness(t *testing.T, dir string, clock *testClock) (h *harness, closeNow func()) {
	t.Helper()
	emu, err := Restore(Options{Now: clock.Now}, dir)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(plaidspec.Wrap(t, emu))
	closeNow = func() { srv.Close(); emu.Close() }
	t.Cleanup(closeNow)
	return &harness{t: t, emu: emu, clock: clock, url: srv.URL, client: plaidClient(srv.URL, TestClientID, TestSecret), ctx: context.Background()}, closeNow
}

// TestStateSurvivesRestart: what a client was told before the emulator stopped still holds
// when it is restored from the same directory: access tokens (the rotated one only), the
// account ids, processor tokens and their settings, a custom user's accounts, a webhook URL,
// an Item that needs a new login, an unexchanged public token, the webhook signing key; a
// removed Item stays removed.
func TestStateSurvivesRestart(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	old := h.connect(plaid.PRODUCTS_AUTH)
	access := ok(h.client.ItemAccessTokenInvalidate(h.ctx).ItemAccessTokenInvalidateRequest(
		*plaid.NewItemAccessTokenInvalidateRequest(old)).Execute()).get(t).NewAccessToken
	accounts := h.accounts(access)
	savings := accountByMask(t, accounts, "1111").AccountId
	ptok := h.processorToken(access, savings, "dwolla").get(t).ProcessorToken
	ok(h.client.ProcessorTokenPermissionsSet(h.ctx).ProcessorTokenPermissionsSetRequest(
		*plaid.NewProcessorTokenPermissionsSetRequest(ptok, []plaid.Products{plaid.PRODUCTS_AUTH})).Execute()).get(t)
	custom := h.customItem(customConfig)
	customAccounts := h.accounts(custom)
	hooked, _ := h.connectWithWebhook("http://127.0.0.1:9/hooks", plaid.PRODUCTS_AUTH)
	broken := h.connect(plaid.PRODUCTS_AUTH)
	ok(h.client.SandboxItemResetLogin(h.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(broken)).Execute()).get(t)
	removed := h.connect(plaid.PRODUCTS_AUTH)
	ok(h.client.ItemRemove(h.ctx).ItemRemoveRequest(*plaid.NewItemRemoveRequest(removed)).Execute()).get(t)
	pending := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	key := h.emu.hooks.key.Public()
	stop()

	h, _ = restoredHarness(t, dir, clock)
	if got := h.accounts(access); len(got) != len(accounts) || got[3].AccountId != accounts[3].AccountId {
		t.Fatalf("after the restart the access token reads %d accounts (4th %v), want %d (%s)", len(got), got[3].AccountId, len(accounts), accounts[3].AccountId)
	}
	if got := h.processorAccount(ptok).get(t).Account.AccountId; got != savings {
		t.Fatalf("processor token reads %s after the restart, want %s", got, savings)
	}
	perms := ok(h.client.ProcessorTokenPermissionsGet(h.ctx).ProcessorTokenPermissionsGetRequest(
		*plaid.NewProcessorTokenPermissionsGetRequest(ptok)).Execute()).get(t)
	if len(perms.Products) != 1 || perms.Products[0] != plaid.PRODUCTS_AUTH {
		t.Fatalf("processor token permissions after the restart: %v", perms.Products)
	}
	if got := h.accounts(custom); len(got) != len(customAccounts) || got[0].AccountId != customAccounts[0].AccountId ||
		got[0].Balances.GetIsoCurrencyCode() != "CAD" {
		t.Fatalf("custom user's accounts changed across the restart: %+v", got)
	}
	item := h.itemGet(hooked).get(t).Item
	if w := item.GetWebhook(); w != "http://127.0.0.1:9/hooks" {
		t.Fatalf("webhook after the restart: %q", w)
	}
	for _, tok := range []string{old, removed} {
		ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(tok)).Execute()).
			fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	}
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(broken)).Execute()).
		fails(t, 400, "ITEM_ERROR", "ITEM_LOGIN_REQUIRED")
	h.accounts(h.exchange(pending).AccessToken)
	served := ok(h.client.WebhookVerificationKeyGet(h.ctx).WebhookVerificationKeyGetRequest(
		*plaid.NewWebhookVerificationKeyGetRequest(key.Kid)).Execute()).get(t).Key
	if served.X != key.X || served.Y != key.Y {
		t.Fatalf("the webhook key changed across the restart")
	}
}

// TestStateRefusesWhatItCannotRead: a state from a newer version, a damaged file and a state
// another emulator holds open are refused with the cause and what to do.
func TestStateRefusesWhatItCannotRead(t *testing.T) {
	newer := t.TempDir()
	db, err := bolt.Open(filepath.Join(newer, stateFileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Update(func(tx *bolt.Tx) error {
		for _, b := range allBuckets {
			if _, err := tx.CreateBucket(b); err != nil {
				return err
			}
		}
		return tx.Bucket(bucketMeta).Put(keyVersion, []byte("99"))
	}); err != nil {
		t.Fatal(err)
	}
	_ = db.Close()
	broken := t.TempDir()
	if err := os.WriteFile(filepath.Join(broken, stateFileName), []byte(strings.Repeat("not a bolt file ", 512)), 0o600); err != nil {
		t.Fatal(err)
	}
	busy := t.TempDir()
	held, err := Restore(Options{}, busy)
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()
	for dir, want := range map[string]string{newer: "newer plaidwalk (state version 99", broken: "move it away", busy: "in use by another emulator"} {
		emu, err := Restore(Options{}, dir)
		if err == nil {
			emu.Close()
			t.Fatalf("%s was accepted", dir)
		}
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error for %s: %v; want it to say %q", dir, err, want)
		}
	}
}

// TestStateKeepsAssetReports: an Asset Report asked for before a restart (of a custom user's
// Item, whose accounts are derived from its configuration) is served after it with the same
// accounts, and so is the relay token sharing it.
func TestStateKeepsAssetReports(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_custom")
	opts.SetOverridePassword(customConfig)
	access := h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_ASSETS}, opts)).AccessToken
	accounts := h.accounts(access)
	created := h.assetReport(30, access).get(t)
	relay := ok(h.client.CreditRelayCreate(h.ctx).CreditRelayCreateRequest(
		*plaid.NewCreditRelayCreateRequest([]string{created.AssetReportToken}, "alloy-client-1")).Execute()).get(t)
	stop()

	h, _ = restoredHarness(t, dir, clock)
	h.getAssetReport(created.AssetReportToken).fails(t, 400, "ASSET_REPORT_ERROR", "PRODUCT_NOT_READY")
	clock.Advance(DefaultAssetReportDelay)
	for _, report := range []plaid.AssetReport{h.getAssetReport(created.AssetReportToken).get(t).Report,
		h.relayGet(relay.RelayToken).get(t).Report} {
		if report.AssetReportId != created.AssetReportId || len(report.Items) != 1 || len(report.Items[0].Accounts) != len(accounts) {
			t.Fatalf("report after the restart: %s with %d items, want %s with one Item of %d accounts",
				report.AssetReportId, len(report.Items), created.AssetReportId, len(accounts))
		}
		for i, a := range report.Items[0].Accounts {
			if a.AccountId != accounts[i].AccountId || a.Balances.GetIsoCurrencyCode() != accounts[i].Balances.GetIsoCurrencyCode() {
				t.Fatalf("report account %d: %s %s, want %s %s", i, a.AccountId, a.Balances.GetIsoCurrencyCode(),
					accounts[i].AccountId, accounts[i].Balances.GetIsoCurrencyCode())
			}
		}
	}
}
