package emulator

import (
	"net/http"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// authLink is a harness (plaid-go over loopback, every exchange checked against the spec)
// whose emulated Link's private endpoints the test drives as the page would.
type authLink struct {
	*harness
	link *linkRig
}

func newAuthLink(t *testing.T) *authLink {
	h := newHarness(t)
	return &authLink{harness: h, link: &linkRig{t: t, base: h.url}}
}

// token makes a link_token with Auth and the given auth options (nil: none), or, with an
// access_token, an update-mode one.
func (a *authLink) token(auth *plaid.LinkTokenCreateRequestAuth, accessToken string, products ...plaid.Products) string {
	a.t.Helper()
	req := plaid.NewLinkTokenCreateRequest("Auth flows", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	if accessToken != "" {
		req.SetAccessToken(accessToken)
	} else {
		req.SetProducts(append([]plaid.Products{plaid.PRODUCTS_AUTH}, products...))
	}
	if auth != nil {
		req.SetAuth(*auth)
	}
	return ok(a.client.LinkTokenCreate(a.ctx).LinkTokenCreateRequest(*req).Execute()).get(a.t).LinkToken
}

func sameDay() *plaid.LinkTokenCreateRequestAuth {
	o := plaid.NewLinkTokenCreateRequestAuth()
	o.SetSameDayMicrodepositsEnabled(true)
	return o
}

// open starts a Link session on token and returns its opening answer.
func (a *authLink) open(token string) linkAnswer {
	a.t.Helper()
	ans, status := a.link.call("session", map[string]any{"link_token": token})
	if status != 200 {
		a.t.Fatalf("session: %d %+v", status, ans)
	}
	return ans
}

func (a *authLink) numbers(sid, institution, routing, account string) (linkAnswer, int) {
	return a.link.call("numbers", map[string]any{"link_session_id": sid, "institution_id": institution,
		"routing": routing, "account": account, "holder_name": "Alberta Charleson", "subtype": "checking"})
}

func (a *authLink) code(sid, code string) (linkAnswer, int) {
	return a.link.call("code", map[string]any{"link_session_id": sid, "code": code})
}

// metaAccount is the only account of onSuccess's metadata, and its institution.
func metaAccount(t *testing.T, ans linkAnswer) (acct map[string]any, institution any) {
	t.Helper()
	md, _ := ans.Metadata.(map[string]any)
	accts, _ := md["accounts"].([]any)
	if len(accts) != 1 {
		t.Fatalf("onSuccess metadata %v, want one account", md)
	}
	return accts[0].(map[string]any), md["institution"]
}

// sameDayItem walks Same-Day manual entry and exchanges the public_token.
func (a *authLink) sameDayItem() (access string, acct plaid.AccountBase) {
	a.t.Helper()
	start := a.open(a.token(sameDay(), ""))
	done, status := a.numbers(start.LinkSessionID, "", sameDayRouting, manualAccountNumber)
	if status != 200 || done.Next != "connected" || done.PublicToken == "" {
		a.t.Fatalf("numbers: %d %+v", status, done)
	}
	access = a.exchange(done.PublicToken).AccessToken
	return access, a.accounts(access)[0]
}

// TestSameDayMicrodepositsInLink: "Link with account numbers" is offered when the token asks
// for it; numbers the Sandbox does not take leave the person on the form; 110000000 /
// 1111222233330000 make an Item with no institution and one pending account, whose numbers
// /auth/get and the partner's /processor/auth/get hold back (the processor token is made);
// update mode opens on the code, a wrong one costs a try, ABC in any case verifies it.
func TestSameDayMicrodepositsInLink(t *testing.T) {
	a := newAuthLink(t)
	tok := a.token(sameDay(), "")
	start := a.open(tok)
	if !start.ManualEntry {
		t.Fatalf("session %+v does not offer manual entry", start.linkReply)
	}
	sid := start.LinkSessionID
	if ans, status := a.numbers(sid, "", "021000021", manualAccountNumber); status != 400 || ans.ErrorCode != "INVALID_FIELD" {
		t.Errorf("another routing number: %d %+v, want INVALID_FIELD", status, ans)
	}
	if ans, status := a.numbers(sid, "", sameDayRouting, "1111222233331111"); status != 400 || ans.ErrorCode != "INVALID_ACCOUNT_NUMBER" {
		t.Errorf("another account number: %d %+v, want INVALID_ACCOUNT_NUMBER", status, ans)
	}
	done, status := a.numbers(sid, "", sameDayRouting, manualAccountNumber)
	if status != 200 || done.Next != "connected" {
		t.Fatalf("good numbers: %d %+v", status, done)
	}
	acct, inst := metaAccount(t, done)
	if inst != nil || acct["verification_status"] != pendingManual || acct["mask"] != "0000" || acct["name"] != "Checking...0000" {
		t.Fatalf("onSuccess institution %v account %v, want null and Checking...0000 pending_manual_verification", inst, acct)
	}
	// /link/token/get (Hosted Link's way to read the result) has the session with no institution.
	got := ok(a.client.LinkTokenGet(a.ctx).LinkTokenGetRequest(*plaid.NewLinkTokenGetRequest(tok)).Execute()).get(t)
	if ss := got.GetLinkSessions(); len(ss) != 1 || len(ss[0].GetResults().ItemAddResults) != 1 ||
		ss[0].GetResults().ItemAddResults[0].Institution.Get() != nil {
		t.Errorf("/link/token/get sessions %+v, want one item added with no institution", ss)
	}
	access := a.exchange(done.PublicToken).AccessToken
	item := ok(a.client.ItemGet(a.ctx).ItemGetRequest(*plaid.NewItemGetRequest(access)).Execute()).get(t).Item
	if item.InstitutionId.Get() != nil || item.InstitutionName.Get() != nil {
		t.Errorf("/item/get institution %v %v, want null", item.InstitutionId.Get(), item.InstitutionName.Get())
	}
	accounts := a.accounts(access)
	if len(accounts) != 1 || accounts[0].GetVerificationStatus() != pendingManual {
		t.Fatalf("/accounts/get: %+v, want one pending account", accounts)
	}
	a.auth(access).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	ptok := a.processorToken(access, accounts[0].AccountId, "dwolla").get(t).ProcessorToken
	a.processorAuth(ptok).fails(t, 400, "ITEM_ERROR", "PRODUCT_NOT_READY")
	// No bank login to reset, nor to read owners from (Auth only).
	ok(a.client.SandboxItemResetLogin(a.ctx).SandboxItemResetLoginRequest(*plaid.NewSandboxItemResetLoginRequest(access)).Execute()).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	ok(a.client.IdentityGet(a.ctx).IdentityGetRequest(*plaid.NewIdentityGetRequest(access)).Execute()).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")
	a.processorIdentity(ptok).fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")

	update := a.token(nil, access)
	verify := a.open(update)
	if !verify.Update || verify.Next != "code" || verify.Verify == nil || verify.Verify.Mask != "0000" || verify.Verify.TriesLeft != 3 {
		t.Fatalf("update-mode session %+v, want the code screen for account 0000 with 3 tries", verify.linkReply)
	}
	if ans, status := a.code(verify.LinkSessionID, "ABD"); status != 400 || ans.ErrorCode != "INCORRECT_DEPOSIT_VERIFICATION" {
		t.Fatalf("wrong code: %d %+v", status, ans)
	}
	ok2, status := a.code(verify.LinkSessionID, " abc ")
	if status != 200 || ok2.Next != "connected" || ok2.PublicToken == "" {
		t.Fatalf("code abc: %d %+v", status, ok2)
	}
	if acct, _ := metaAccount(t, ok2); acct["verification_status"] != manuallyVerified {
		t.Errorf("onSuccess after the code: %v, want manually_verified", acct)
	}
	auth := a.auth(access).get(t)
	if len(auth.Numbers.Ach) != 1 || auth.Numbers.Ach[0].Routing != sameDayRouting || auth.Numbers.Ach[0].Account != manualAccountNumber ||
		auth.Accounts[0].GetVerificationStatus() != manuallyVerified {
		t.Errorf("/auth/get after the code: %+v %+v", auth.Numbers.Ach, auth.Accounts)
	}
	if ach := a.processorAuth(ptok).get(t).Numbers.Ach.Get(); ach == nil || ach.Account != manualAccountNumber {
		t.Errorf("the partner reads %+v after verification", ach)
	}
	if again := a.open(update); again.Next != "error" || again.Error.ErrorCode != "MICRODEPOSITS_ALREADY_VERIFIED" {
		t.Errorf("Link again after verification: %+v, want MICRODEPOSITS_ALREADY_VERIFIED", again.linkReply)
	}
}

// TestSameDayCodeLocksAfterThreeWrongTries: tries are counted across Link sessions; the third
// wrong code ends the session with TOO_MANY_VERIFICATION_ATTEMPTS and the account
// verification_failed; later sessions and codes are refused, and /auth/get gives no numbers.
func TestSameDayCodeLocksAfterThreeWrongTries(t *testing.T) {
	a := newAuthLink(t)
	access, _ := a.sameDayItem()
	update := a.token(nil, access)
	first := a.open(update)
	for i := 0; i < 2; i++ {
		if ans, status := a.code(first.LinkSessionID, "XYZ"); status != 400 || ans.ErrorCode != "INCORRECT_DEPOSIT_VERIFICATION" {
			t.Fatalf("wrong code %d: %d %+v", i+1, status, ans)
		}
	}
	a.link.call("exit", map[string]any{"link_session_id": first.LinkSessionID})
	second := a.open(update)
	if second.Verify == nil || second.Verify.TriesLeft != 1 {
		t.Fatalf("second session %+v, want 1 try left", second.linkReply)
	}
	last, status := a.code(second.LinkSessionID, "ABX")
	if status != 200 || last.Next != "error" || last.Error.ErrorCode != "TOO_MANY_VERIFICATION_ATTEMPTS" {
		t.Fatalf("third wrong code: %d %+v", status, last)
	}
	if got := a.accounts(access)[0].GetVerificationStatus(); got != verificationFailed {
		t.Errorf("after 3 wrong codes verification_status = %q", got)
	}
	if ans, _ := a.code(second.LinkSessionID, "ABC"); ans.PublicToken != "" || ans.Error == nil || ans.Error.ErrorCode != "TOO_MANY_VERIFICATION_ATTEMPTS" {
		t.Errorf("the right code after the lock: %+v, want the lock's error", ans.linkReply)
	}
	if later := a.open(update); later.Next != "error" || later.Error.ErrorCode != "TOO_MANY_VERIFICATION_ATTEMPTS" {
		t.Errorf("Link after the lock: %+v, want TOO_MANY_VERIFICATION_ATTEMPTS", later.linkReply)
	}
	a.auth(access).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
	if x, _ := a.link.call("exit", map[string]any{"link_session_id": second.LinkSessionID}); x.Error == nil || x.Error.ErrorCode != "TOO_MANY_VERIFICATION_ATTEMPTS" {
		t.Errorf("onExit after the lock: %+v, want the lock's error", x.linkReply)
	}
}

// TestManualEntryOnlyWhenAsked: without auth.same_day_microdeposits_enabled, or with a product
// Plaid does not allow on such Items, search has no manual entry and the numbers are refused.
func TestManualEntryOnlyWhenAsked(t *testing.T) {
	a := newAuthLink(t)
	for name, tok := range map[string]string{
		"no auth options":   a.token(nil, ""),
		"with transactions": a.token(sameDay(), "", plaid.PRODUCTS_TRANSACTIONS),
	} {
		start := a.open(tok)
		if start.ManualEntry {
			t.Errorf("%s: manual entry offered", name)
		}
		if ans, status := a.numbers(start.LinkSessionID, "", sameDayRouting, manualAccountNumber); status != 400 || ans.ErrorCode != "INVALID_FIELD" {
			t.Errorf("%s: numbers answered %d %+v, want INVALID_FIELD", name, status, ans)
		}
	}
}

// TestInstantMicrodepositsAtWindowpane: with auth.instant_microdeposits_enabled, Windowpane
// Bank is linked with numbers; its routing number 333333334 asks for the code in the same
// session, and ABC verifies the account (manually_verified, institution null).
func TestInstantMicrodepositsAtWindowpane(t *testing.T) {
	a := newAuthLink(t)
	opts := plaid.NewLinkTokenCreateRequestAuth()
	opts.SetInstantMicrodepositsEnabled(true)
	start := a.open(a.token(opts, ""))
	windowpane := false
	for _, in := range start.Institutions {
		windowpane = windowpane || (in.InstitutionID == instantMDBank && in.Numbers)
	}
	if !windowpane || start.ManualEntry {
		t.Fatalf("session: Windowpane takes numbers %v, manual entry %v; want true, false", windowpane, start.ManualEntry)
	}
	sid := start.LinkSessionID
	if ans, status := a.numbers(sid, instantMDBank, sameDayRouting, manualAccountNumber); status != 400 || ans.ErrorCode != "INVALID_FIELD" {
		t.Errorf("Same-Day's routing at Windowpane: %d %+v", status, ans)
	}
	ask, status := a.numbers(sid, instantMDBank, instantMDRouting, manualAccountNumber)
	if status != 200 || ask.Next != "code" || ask.Verify == nil || ask.Verify.TriesLeft != 3 {
		t.Fatalf("Windowpane numbers: %d %+v, want the code screen", status, ask)
	}
	done, status := a.code(sid, "ABC")
	if status != 200 || done.Next != "connected" {
		t.Fatalf("code: %d %+v", status, done)
	}
	acct, inst := metaAccount(t, done)
	if inst != nil || acct["verification_status"] != manuallyVerified {
		t.Errorf("onSuccess institution %v account %v", inst, acct)
	}
	access := a.exchange(done.PublicToken).AccessToken
	auth := a.auth(access).get(t)
	if auth.Numbers.Ach[0].Routing != instantMDRouting || auth.Numbers.Ach[0].Account != manualAccountNumber {
		t.Errorf("/auth/get numbers %+v", auth.Numbers.Ach)
	}
}

// TestInstantMatchInLink: at Houndstooth with pass_good, choosing Plaid Saving asks for its
// numbers; wrong ones end with INSTANT_MATCH_FAILED, 021000021 / 1111222233331111 finish with
// the account verified (no verification_status). Plaid Checking alone, or a token with
// Instant Match turned off, finishes at once.
func TestInstantMatchInLink(t *testing.T) {
	a := newAuthLink(t)
	tok := a.token(nil, "")
	choose := func(tok, mask string) linkAnswer {
		sid := a.open(tok).LinkSessionID
		acc := a.link.login(sid, authFlowsBank, "user_good", "pass_good")
		for _, x := range acc.Accounts {
			if x.Mask == mask {
				ans, _ := a.link.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{x.ID}})
				return ans
			}
		}
		t.Fatalf("no account %s at Houndstooth", mask)
		return linkAnswer{}
	}
	ask := choose(tok, "1111")
	if ask.Next != "instant_match" || ask.Match == nil || ask.Match.Mask != "1111" {
		t.Fatalf("choosing Plaid Saving: %+v, want the Instant Match screen", ask.linkReply)
	}
	bad, _ := a.link.call("match", map[string]any{"link_session_id": ask.LinkSessionID, "routing": "021000021", "account": "1111222233330000"})
	if bad.Next != "error" || bad.Error.ErrorCode != "INSTANT_MATCH_FAILED" {
		t.Errorf("wrong numbers: %+v", bad.linkReply)
	}
	ask = choose(tok, "1111")
	good, status := a.link.call("match", map[string]any{"link_session_id": ask.LinkSessionID, "routing": "021000021", "account": "1111222233331111"})
	if status != 200 || good.PublicToken == "" {
		t.Fatalf("right numbers: %d %+v", status, good)
	}
	auth := a.auth(a.exchange(good.PublicToken).AccessToken).get(t)
	if len(auth.Accounts) != 1 || auth.Accounts[0].VerificationStatus != nil || auth.Numbers.Ach[0].Account != "1111222233331111" {
		t.Errorf("/auth/get after Instant Match: %+v %+v", auth.Accounts, auth.Numbers.Ach)
	}
	if checking := choose(tok, "0000"); checking.PublicToken == "" {
		t.Errorf("Plaid Checking: %+v, want onSuccess at once", checking.linkReply)
	}
	off := plaid.NewLinkTokenCreateRequestAuth()
	off.SetInstantMatchEnabled(false)
	if saving := choose(a.token(off, ""), "1111"); saving.PublicToken == "" {
		t.Errorf("Instant Match off: %+v, want onSuccess at once", saving.linkReply)
	}
}

// TestStateKeepsTypedInItems: an Item of typed-in numbers, pending with one wrong code, is
// the same after a restart (no institution, pending, 2 tries left through its update token).
func TestStateKeepsTypedInItems(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	a := &authLink{harness: h, link: &linkRig{t: t, base: h.url}}
	access, _ := a.sameDayItem()
	update := a.token(nil, access)
	if ans, status := a.code(a.open(update).LinkSessionID, "NOP"); status != http.StatusBadRequest {
		t.Fatalf("wrong code: %d %+v", status, ans)
	}
	stop()
	h, _ = restoredHarness(t, dir, clock)
	a = &authLink{harness: h, link: &linkRig{t: t, base: h.url}}
	if got := a.accounts(access)[0].GetVerificationStatus(); got != pendingManual {
		t.Errorf("after a restart: %q", got)
	}
	if again := a.open(update); again.Verify == nil || again.Verify.TriesLeft != 2 {
		t.Errorf("after a restart the code screen says %+v, want 2 tries left", again.linkReply)
	}
}
