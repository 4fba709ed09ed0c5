package plaidflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// TestBreakItemAndUpdateToken: reset_login makes the next call fail with ITEM_LOGIN_REQUIRED
// and /item/get report it; the update-mode link_token carries the access_token and no
// products, and lives 30 minutes.
func TestBreakItemAndUpdateToken(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	ctx := context.Background()
	p := mustPartner(t, "dwolla")
	res, err := Walk(ctx, c, p, WalkOptions{Link: DefaultLinkConfig(c.Config(), p)})
	if err != nil {
		t.Fatal(err)
	}
	access := res.Item.AccessToken
	if code, err := c.ItemErrorCode(ctx, access); err != nil || code != "" {
		t.Fatalf("a fresh Item: error %q %v, want none", code, err)
	}
	pe, err := c.BreakItem(ctx, access)
	if err != nil || pe.Code != "ITEM_LOGIN_REQUIRED" || pe.Endpoint != "/accounts/get" {
		t.Fatalf("BreakItem: %+v %v", pe, err)
	}
	if code, err := c.ItemErrorCode(ctx, access); err != nil || code != "ITEM_LOGIN_REQUIRED" {
		t.Errorf("/item/get after the reset: %q %v", code, err)
	}
	before := time.Now()
	lt, err := c.CreateUpdateLinkToken(ctx, DefaultLinkConfig(c.Config(), p), access)
	if err != nil {
		t.Fatal(err)
	}
	if d := lt.Expiration.Sub(before); d < 29*time.Minute || d > 31*time.Minute {
		t.Errorf("an update-mode link_token lives 30 minutes, this one %s", d)
	}
	calls := log.Calls()
	body := calls[len(calls)-1].RequestBody
	if !strings.Contains(body, `"access_token":"access-sandbox-…`) || strings.Contains(body, `"products"`) || strings.Contains(body, "account_filters") {
		t.Errorf("update-mode request %s: want the access_token, no products, no filters", body)
	}
}

// TestBreakItemRefusedInProduction: production has no reset_login; nothing is called.
func TestBreakItemRefusedInProduction(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	cfg.Env = EnvProduction
	c, log := fastClient(t, cfg)
	if _, err := c.BreakItem(context.Background(), "access-production-00000000-0000-0000-0000-000000000000"); err == nil || !strings.Contains(err.Error(), "production") {
		t.Errorf("err %v", err)
	}
	if n := len(log.Calls()); n != 0 {
		t.Errorf("%d calls made", n)
	}
}
