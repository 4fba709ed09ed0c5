package linkserver_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/browsertest"
)

// testAutomatedMicrodeposits logs in at Houndstooth Bank with microdeposits_good: the account
// picker offers Plaid Checking alone and says it is being verified by micro-deposits, and
// onSuccess's metadata carries verification_status pending_automatic_verification.
func testAutomatedMicrodeposits(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.pickBank("Houndstooth", "ins_109512")
	r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "microdeposits_good"), click("#primary"),
		waitView("accounts"), accountRowSays("Plaid Checking", "0000 · verifying by micro-deposits"), onlyAccounts(1))
	r.shots.Take(r.tab, "pending-account")
	r.inLink(click(`label.acct[data-name="Plaid Checking"]`), click("#primary"), waitView("connected"), click("#primary"))
	o := r.wait()
	if !o.Succeeded() || len(o.Accounts) != 1 {
		t.Fatalf("outcome %+v", o)
	}
	if vs := o.Accounts[0].VerificationStatus; vs == nil || *vs != "pending_automatic_verification" {
		t.Fatalf("verification_status %v, want pending_automatic_verification", vs)
	}
}

// accountRowSays checks the account picker's row of the named account mentions text.
func accountRowSays(name, text string) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			got, err := chromedp.Text(chromedp.CSS(`label.acct[data-name="`+name+`"] .sub`), chromedp.FromNode(f))(ctx, tg)
			if err == nil && !strings.Contains(got, text) {
				err = fmt.Errorf("the row of %s says %q, want it to mention %q", name, got, text)
			}
			return chromedp.Void{}, err
		}
	}
}

// onlyAccounts checks the account picker offers n accounts.
func onlyAccounts(n int) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return func(ctx context.Context, tg *chromedp.Target) (chromedp.Void, error) {
			nodes, err := chromedp.Nodes(chromedp.CSS("label.acct"), chromedp.FromNode(f))(ctx, tg)
			if err == nil && len(nodes) != n {
				err = fmt.Errorf("the picker offers %d accounts, want %d", len(nodes), n)
			}
			return chromedp.Void{}, err
		}
	}
}

// testSameDayMicrodeposits links an account by its numbers as a person would (Link with
// account numbers, routing, account twice, holder): onSuccess has no institution and the
// account pending_manual_verification. Then Link in update mode opens on the deposit code: a
// wrong code is refused on the screen, ABC verifies the account (manually_verified) and
// /auth/get gives its numbers.
func testSameDayMicrodeposits(t *testing.T, browser context.Context) {
	auth := plaid.NewLinkTokenCreateRequestAuth()
	auth.SetSameDayMicrodepositsEnabled(true)
	r := newRig(t, browser, rigOptions{auth: auth, stay: true})
	if err := browsertest.EnterNumbersEmulatedLink(r.tab, r.srv.URL(), browsertest.SameDayNumbers, r.shots); err != nil {
		t.Fatalf("manual entry: %v", err)
	}
	o := r.wait()
	if !o.Succeeded() || o.Institution != nil || len(o.Accounts) != 1 || o.Accounts[0].Mask != "0000" {
		t.Fatalf("outcome %+v, want one account 0000 and no institution", o)
	}
	if vs := o.Accounts[0].VerificationStatus; vs == nil || *vs != "pending_manual_verification" {
		t.Fatalf("verification_status %v, want pending_manual_verification", vs)
	}
	checkEvents(t, r.events(), o.LinkSessionID, "OPEN", "SUBMIT_ROUTING_NUMBER", "SUBMIT_ACCOUNT_NUMBER", "HANDOFF")
	ctx := context.Background()
	ex, _, err := r.api.PlaidApi.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(o.PublicToken)).Execute()
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	req := plaid.NewLinkTokenCreateRequest("plaidwalk test", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(plaid.LinkTokenCreateRequestUser{ClientUserId: "browser-test"})
	req.SetAccessToken(ex.GetAccessToken())
	lt, _, err := r.api.PlaidApi.LinkTokenCreate(ctx).LinkTokenCreateRequest(*req).Execute()
	if err != nil {
		t.Fatalf("update-mode link token: %v", err)
	}
	u := newRig(t, browser, rigOptions{base: r.base, linkToken: lt.GetLinkToken(), stay: true, shots: r.shots})
	if err := browsertest.EnterCodeEmulatedLink(u.tab, u.srv.URL(), u.shots, "XYZ", "abc"); err != nil {
		t.Fatalf("code entry: %v", err)
	}
	v := u.wait()
	if vs := v.Accounts[0].VerificationStatus; !v.Succeeded() || vs == nil || *vs != "manually_verified" {
		t.Fatalf("after the code: %+v, want manually_verified", v)
	}
	got, _, err := r.api.PlaidApi.AuthGet(ctx).AuthGetRequest(*plaid.NewAuthGetRequest(ex.GetAccessToken())).Execute()
	if err != nil || len(got.Numbers.Ach) != 1 || got.Numbers.Ach[0].Routing != "110000000" {
		t.Fatalf("/auth/get after verification: %v %+v", err, got.Numbers.Ach)
	}
}

// testInstantMicrodeposits picks Windowpane Bank, types its numbers and, in the same session,
// the deposit code: onSuccess carries the account manually_verified.
func testInstantMicrodeposits(t *testing.T, browser context.Context) {
	auth := plaid.NewLinkTokenCreateRequestAuth()
	auth.SetInstantMicrodepositsEnabled(true)
	r := newRig(t, browser, rigOptions{auth: auth, stay: true})
	if err := browsertest.InstantMicrodepositsEmulatedLink(r.tab, r.srv.URL(), browsertest.InstantNumbers, r.shots); err != nil {
		t.Fatalf("Windowpane: %v", err)
	}
	o := r.wait()
	if vs := o.Accounts[0].VerificationStatus; !o.Succeeded() || o.Institution != nil || vs == nil || *vs != "manually_verified" {
		t.Fatalf("outcome %+v, want manually_verified and no institution", o)
	}
}

// testInstantMatch logs in at Houndstooth Bank, picks Plaid Saving and types its numbers on
// the Instant Match screen: onSuccess hands over the account.
func testInstantMatch(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.pickBank("Houndstooth", "ins_109512")
	r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "pass_good"), click("#primary"),
		waitView("accounts"), click(`label.acct[data-name="Plaid Saving"]`), click("#primary"))
	r.screen("instant_match", "instant-match")
	r.inLink(typeInto("#routing", "021000021"), typeInto("#account", "1111222233331111"), click("#primary"), waitView("connected"), click("#primary"))
	o := r.wait()
	if !o.Succeeded() || len(o.Accounts) != 1 || o.Accounts[0].Mask != "1111" || o.Accounts[0].VerificationStatus != nil {
		t.Fatalf("outcome %+v, want Plaid Saving with no verification_status", o)
	}
}
