package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// microdepositsItem links user_good / microdeposits_good at Houndstooth Bank through the
// Sandbox shortcut, with Auth and the webhook URL given (none when empty).
func (h *harness) microdepositsItem(webhook string) (access string, account plaid.AccountBase) {
	h.t.Helper()
	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_good")
	opts.SetOverridePassword("microdeposits_good")
	if webhook != "" {
		opts.SetWebhook(webhook)
	}
	access = h.exchange(h.publicToken("ins_109512", []plaid.Products{plaid.PRODUCTS_AUTH}, opts)).AccessToken
	accounts := h.accounts(access)
	if len(accounts) != 1 || accounts[0].GetMask() != "0000" || accounts[0].GetSubtype() != plaid.ACCOUNTSUBTYPE_CHECKING {
		h.t.Fatalf("automated micro-deposits gave %d accounts (first %+v), want Plaid Checking 0000 alone", len(accounts), accounts)
	}
	return access, accounts[0]
}

func (h *harness) setVerification(access, accountID, status string) result[plaid.SandboxItemSetVerificationStatusResponse] {
	req := plaid.NewSandboxItemSetVerificationStatusRequest(access, accountID, status)
	return ok(h.client.SandboxItemSetVerificationStatus(h.ctx).SandboxItemSetVerificationStatusRequest(*req).Execute())
}

func (h *harness) auth(access string) result[plaid.AuthGetResponse] {
	return ok(h.client.AuthGet(h.ctx).AuthGetRequest(*plaid.NewAuthGetRequest(access)).Execute())
}

// TestAutomatedMicrodepositsPendingThenVerified: the account is pending, /auth/get and the
// partner's /processor/auth/get answer PRODUCT_NOT_READY (the processor token itself can be
// made), then /sandbox/item/set_verification_status verifies it, the signed AUTH
// AUTOMATICALLY_VERIFIED webhook names it, and both give the flow's numbers.
func TestAutomatedMicrodepositsPendingThenVerified(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	access, acct := h.microdepositsItem(rc.url())
	if got := acct.GetVerificationStatus(); got != "pending_automatic_verification" {
		t.Fatalf("verification_status = %q, want pending_automatic_verification", got)
	}
	h.auth(access).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	ptok := h.processorToken(access, acct.AccountId, "dwolla").get(t).ProcessorToken
	h.processorAuth(ptok).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")

	h.setVerification(access, acct.AccountId, "automatically_verified").get(t)
	body := mustVerify(t, h, rc.next(t), "AutomaticallyVerifiedWebhook")
	if body["webhook_type"] != "AUTH" || body["webhook_code"] != "AUTOMATICALLY_VERIFIED" || body["account_id"] != acct.AccountId {
		t.Fatalf("webhook = %v; want AUTH AUTOMATICALLY_VERIFIED for account %s", body, acct.AccountId)
	}
	auth := h.auth(access).get(t)
	if len(auth.Numbers.Ach) != 1 || auth.Numbers.Ach[0].Routing != "021000021" || auth.Numbers.Ach[0].Account != "1111222233330000" {
		t.Fatalf("ach = %+v, want 021000021 / 1111222233330000", auth.Numbers.Ach)
	}
	if got := auth.Accounts[0].GetVerificationStatus(); got != "automatically_verified" {
		t.Errorf("after verification /auth/get says %q, want automatically_verified", got)
	}
	if ach := h.processorAuth(ptok).get(t).Numbers.Ach.Get(); ach == nil || ach.Routing != "021000021" {
		t.Errorf("the partner reads %+v, want routing 021000021", ach)
	}
	h.setVerification(access, acct.AccountId, "verification_expired").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// TestAutomatedMicrodepositsExpire: verification_expired sends VERIFICATION_EXPIRED and leaves
// the account without numbers.
func TestAutomatedMicrodepositsExpire(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	access, acct := h.microdepositsItem(rc.url())
	h.setVerification(access, acct.AccountId, "verification_expired").get(t)
	body := mustVerify(t, h, rc.next(t), "VerificationExpiredWebhook")
	if body["webhook_code"] != "VERIFICATION_EXPIRED" || body["account_id"] != acct.AccountId {
		t.Fatalf("webhook = %v; want AUTH VERIFICATION_EXPIRED for account %s", body, acct.AccountId)
	}
	if got := h.accounts(access)[0].GetVerificationStatus(); got != "verification_expired" {
		t.Errorf("verification_status = %q, want verification_expired", got)
	}
	h.auth(access).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
}

// TestSetVerificationStatusRefusals: a login-verified Item, an account of no Item, a malformed
// id and a status outside the spec's enum are refused; microdeposits_good works only at
// Houndstooth Bank.
func TestSetVerificationStatusRefusals(t *testing.T) {
	h := newHarness(t)
	plain := h.connect(plaid.PRODUCTS_AUTH)
	checking := accountByMask(t, h.accounts(plain), "0000")
	if checking.VerificationStatus != nil {
		t.Errorf("a login-verified account has verification_status %q, want none", checking.GetVerificationStatus())
	}
	h.setVerification(plain, checking.AccountId, "automatically_verified").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	access, acct := h.microdepositsItem("")
	h.setVerification(access, checking.AccountId, "automatically_verified").fails(t, 400, "INVALID_INPUT", "INVALID_ACCOUNT_ID")
	h.setVerification(access, "short", "automatically_verified").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.setVerification(access, acct.AccountId, "manually_verified").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.setVerification(unknownAccessToken, acct.AccountId, "automatically_verified").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")

	opts := plaid.NewSandboxPublicTokenCreateRequestOptions()
	opts.SetOverrideUsername("user_good")
	opts.SetOverridePassword("microdeposits_good")
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
	req.SetOptions(*opts)
	ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).fails(t, 400, "ITEM_ERROR", "INVALID_CREDENTIALS")
}

// TestStateKeepsVerificationStatus: a pending account is still pending after a restart, and a
// verified one still verified.
func TestStateKeepsVerificationStatus(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	pending, _ := h.microdepositsItem("")
	verified, acct := h.microdepositsItem("")
	h.setVerification(verified, acct.AccountId, "automatically_verified").get(t)
	stop()
	h, _ = restoredHarness(t, dir, clock)
	if got := h.accounts(pending)[0].GetVerificationStatus(); got != "pending_automatic_verification" {
		t.Errorf("after a restart the pending account says %q", got)
	}
	if got := h.accounts(verified)[0].GetVerificationStatus(); got != "automatically_verified" {
		t.Errorf("after a restart the verified account says %q", got)
	}
}

// TestLinkShowsPendingVerification: in the emulated Link, microdeposits_good at Houndstooth
// offers Plaid Checking alone, marked pending in the account picker's data and in onSuccess's
// metadata (as Plaid's metadata.accounts[].verification_status), and elsewhere it is refused.
func TestLinkShowsPendingVerification(t *testing.T) {
	r := newLinkRig(t, nil)
	sid := r.session()
	a := r.login(sid, "ins_109512", "user_good", "microdeposits_good")
	if a.Next != "accounts" || len(a.Accounts) != 1 || a.Accounts[0].Mask != "0000" || a.Accounts[0].Verification != "pending_automatic_verification" {
		t.Fatalf("login answered %+v; want Plaid Checking 0000 alone, pending_automatic_verification", a)
	}
	f, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{a.Accounts[0].ID}})
	if status != 200 {
		t.Fatalf("finish: %d %+v", status, f)
	}
	acct := f.Metadata.(map[string]any)["accounts"].([]any)[0].(map[string]any)
	if acct["verification_status"] != "pending_automatic_verification" {
		t.Errorf("onSuccess account %v; want verification_status pending_automatic_verification", acct)
	}
	other := r.login(r.session(), "ins_109508", "user_good", "microdeposits_good")
	if other.Next != "error" || other.Error.ErrorCode != "INVALID_CREDENTIALS" {
		t.Errorf("microdeposits_good at First Platypus answered %+v; want INVALID_CREDENTIALS", other)
	}
}

// TestInstantMatchNumbers: user_good / pass_good at Houndstooth Bank (Instant Match in Plaid's
// Sandbox) gives Plaid Saving the numbers Plaid's test page lists, and no verification_status.
func TestInstantMatchNumbers(t *testing.T) {
	h := newHarness(t)
	access := h.exchange(h.publicToken("ins_109512", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)).AccessToken
	auth := h.auth(access).get(t)
	savings := accountByMask(t, auth.Accounts, "1111")
	if savings.VerificationStatus != nil {
		t.Errorf("Instant Match account has verification_status %q, want none", savings.GetVerificationStatus())
	}
	for _, n := range auth.Numbers.Ach {
		if n.AccountId == savings.AccountId && (n.Routing != "021000021" || n.Account != "1111222233331111") {
			t.Errorf("savings numbers %s / %s, want 021000021 / 1111222233331111", n.Routing, n.Account)
		}
	}
}
