package emulator

import (
	"sort"
	"strings"
	"testing"
)

// Link's Account Select offers the accounts the link token's products read when they all read
// only some kinds (investments, liabilities), and every account otherwise.
func TestLinkOffersTheProductsAccounts(t *testing.T) {
	for _, c := range []struct {
		products []string
		masks    string
	}{
		{[]string{"investments"}, "5555 6666"},
		{[]string{"liabilities"}, "3333 7777 8888 9999"},
		{[]string{"investments", "liabilities"}, "3333 5555 6666 7777 8888 9999"},
		{[]string{"auth", "investments"}, "0000 1111 2222 3333 4444 5555 6666 7777 8888 9001 9002 9999"},
	} {
		r := newLinkRig(t, map[string]any{"products": c.products})
		a := r.login(r.session(), "ins_109508", "user_good", "pass_good")
		var masks []string
		for _, acct := range a.Accounts {
			masks = append(masks, acct.Mask)
		}
		sort.Strings(masks)
		if got := strings.Join(masks, " "); got != c.masks {
			t.Errorf("products %v: Link offers %s, want %s", c.products, got, c.masks)
		}
	}
}

// The quickstart linked with ['investments'] through Link, taking the first account offered,
// gets holdings for it.
func TestLinkedForInvestmentsHasHoldings(t *testing.T) {
	r := newLinkRig(t, map[string]any{"products": []string{"investments"}})
	sid := r.session()
	a := r.login(sid, "ins_109508", "user_good", "pass_good")
	f, status := r.call("finish", map[string]any{"link_session_id": sid, "account_ids": []string{a.Accounts[0].ID}})
	if status != 200 || f.PublicToken == "" {
		t.Fatalf("finish: %d %+v", status, f)
	}
	keys := map[string]any{"client_id": TestClientID, "secret": TestSecret}
	var ex struct {
		AccessToken string `json:"access_token"`
	}
	keys["public_token"] = f.PublicToken
	if status := r.post("/item/public_token/exchange", keys, &ex); status != 200 {
		t.Fatalf("exchange: %d", status)
	}
	delete(keys, "public_token")
	keys["access_token"] = ex.AccessToken
	var holdings struct {
		Holdings []holdingJSON `json:"holdings"`
	}
	if status := r.post("/investments/holdings/get", keys, &holdings); status != 200 || len(holdings.Holdings) == 0 {
		t.Fatalf("holdings: %d, %d holdings", status, len(holdings.Holdings))
	}
}
