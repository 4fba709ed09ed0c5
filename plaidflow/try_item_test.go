package plaidflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

func tryPaths(calls []TryCall) string {
	var out []string
	for _, tc := range calls {
		out = append(out, tc.Path)
	}
	return strings.Join(out, " ")
}

// TestTryCallsFollowProducts: an auth Item is offered the account reads, /auth/get and the Item's
// own; an Item with every product gets each product's calls; an Item without investment
// accounts is not offered the investment calls even with the product.
func TestTryCallsFollowProducts(t *testing.T) {
	checking := []Account{{Type: "depository", Subtype: "checking"}}
	if got := tryPaths(TryCalls([]string{"auth"}, checking)); got != "/accounts/get /accounts/balance/get /auth/get /item/get /institutions/get_by_id" {
		t.Errorf("auth Item: %s", got)
	}
	all := []string{"auth", "identity", "transactions", "investments", "liabilities", "statements", "signal", "assets"}
	every := append(checking, Account{Type: "investment"}, Account{Type: "credit"})
	if got := TryCalls(all, every); len(got) != len(tryCalls) {
		t.Errorf("every product: %s, want all %d calls", tryPaths(got), len(tryCalls))
	}
	if got := tryPaths(TryCalls([]string{"investments"}, checking)); strings.Contains(got, "/investments/") {
		t.Errorf("no investment account, yet %s", got)
	}
}

// TestTryEveryCall: on an Item linked with every product, each offered call is made with the
// real client against the emulator (requests and answers checked against Plaid's spec) and
// answers 200; the log holds each one with the access_token masked.
func TestTryEveryCall(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{AssetReportDelay: 20 * time.Millisecond, TransactionsReadyDelay: time.Millisecond}))
	products := []string{"auth", "identity", "transactions", "investments", "liabilities", "statements", "signal", "assets"}
	item, accts := linkedItem(t, c, products, DefaultPassword)
	time.Sleep(5 * time.Millisecond) // past the transactions' ready delay
	offered := TryCalls(accts.Products, accts.Accounts)
	if len(offered) != len(tryCalls) {
		t.Fatalf("products %v: offered %s", accts.Products, tryPaths(offered))
	}
	in := TryInput{AccessToken: item.AccessToken, InstitutionID: accts.InstitutionID, AccountID: accts.Accounts[0].ID}
	for _, tc := range offered {
		before := len(log.Calls())
		if err := c.Try(context.Background(), tc.Path, in); err != nil {
			t.Errorf("%s: %v", tc.Path, err)
			continue
		}
		calls := log.Calls()[before:]
		if calls[0].Path != tc.Path || calls[len(calls)-1].Status != 200 {
			t.Errorf("%s: logged %v", tc.Path, paths(calls))
		}
		if strings.Contains(calls[0].RequestBody, item.AccessToken) {
			t.Errorf("%s: the log holds the whole access_token", tc.Path)
		}
	}
}

// TestTryNotReady: /transactions/get right after linking is Plaid's PRODUCT_NOT_READY, with a
// hint that says why and what to do; an unknown path is refused before any call.
func TestTryNotReady(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{TransactionsReadyDelay: time.Hour}))
	item, _ := linkedItem(t, c, []string{"transactions"}, DefaultPassword)
	err := c.Try(context.Background(), "/transactions/get", TryInput{AccessToken: item.AccessToken})
	pe, ok := AsPlaidError(err)
	if !ok || pe.Code != "PRODUCT_NOT_READY" || pe.Type != "ITEM_ERROR" || !strings.Contains(pe.Hint, "/transactions/sync") {
		t.Fatalf("err %v (hint %q): want ITEM_ERROR PRODUCT_NOT_READY with the transactions hint", err, pe.Hint)
	}
	n := len(log.Calls())
	if err := c.Try(context.Background(), "/nowhere", TryInput{AccessToken: item.AccessToken}); err == nil || len(log.Calls()) != n {
		t.Errorf("unknown path: err %v, %d calls made", err, len(log.Calls())-n)
	}
}
