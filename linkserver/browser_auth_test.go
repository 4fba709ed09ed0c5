package linkserver_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
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
