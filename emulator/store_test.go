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

// TestStateKeepsLinkTokensAndAccountSelect: a Hosted Link token and the session finished
// with it (one account chosen) survive a restart: /link/token/get reads the session's
// public_token, which exchanges for an Item holding only the chosen account.
func TestStateKeepsLinkTokensAndAccountSelect(t *testing.T) {
	dir := t.TempDir()
	serve := func() (*linkRig, func()) {
		emu, err := Restore(Options{}, dir)
		if err != nil {
			t.Fatal(err)
		}
		srv := httptest.NewServer(emu)
		return &linkRig{t: t, srv: srv}, func() { srv.Close(); emu.Close() }
	}
	keys := map[string]any{"client_id": TestClientID, "secret": TestSecret}
	with := func(extra map[string]any) map[string]any {
		out := map[string]any{}
		for _, m := range []map[string]any{keys, extra} {
			for k, v := range m {
				out[k] = v
			}
		}
		return out
	}
	r, stop := serve()
	var lt struct {
		LinkToken string `json:"link_token"`
	}
	r.post("/link/token/create", with(map[string]any{"client_name": "Link test", "language": "en", "country_codes": []string{"US"},
		"user": map[string]any{"client_user_id": "u1"}, "products": []string{"auth"}, "hosted_link": map[string]any{}}), &lt)
	r.token = lt.LinkToken
	sid := r.session()
	chosen := r.login(sid, "ins_109508", "user_good", "pass_good").Accounts[1].ID
	f, _ := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{chosen}})
	stop()

	r, stop = serve()
	defer stop()
	var got struct {
		LinkSessions []struct {
			Results struct {
				ItemAddResults []struct {
					PublicToken string `json:"public_token"`
				} `json:"item_add_results"`
			} `json:"results"`
		} `json:"link_sessions"`
	}
	if status := r.post("/link/token/get", with(map[string]any{"link_token": lt.LinkToken}), &got); status != 200 ||
		len(got.LinkSessions) != 1 || len(got.LinkSessions[0].Results.ItemAddResults) != 1 ||
		got.LinkSessions[0].Results.ItemAddResults[0].PublicToken != f.PublicToken {
		t.Fatalf("/link/token/get after the restart: %d %+v", status, got)
	}
	var ex struct {
		AccessToken string `json:"access_token"`
	}
	r.post("/item/public_token/exchange", with(map[string]any{"public_token": f.PublicToken}), &ex)
	var accts struct {
		Accounts []struct {
			AccountID string `json:"account_id"`
		} `json:"accounts"`
	}
	r.post("/accounts/get", with(map[string]any{"access_token": ex.AccessToken}), &accts)
	if len(accts.Accounts) != 1 || accts.Accounts[0].AccountID != chosen {
		t.Fatalf("the Item holds %+v after the restart, want only %s", accts.Accounts, chosen)
	}
}
