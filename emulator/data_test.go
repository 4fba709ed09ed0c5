package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func TestAuthGetGivesACHNumbers(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	auth := ok(h.client.AuthGet(h.ctx).AuthGetRequest(*plaid.NewAuthGetRequest(tok)).Execute()).get(t)
	if len(auth.Numbers.Ach) != 3 || len(auth.Accounts) != 3 {
		t.Fatalf("got %d ACH numbers for %d accounts, want checking, savings and cash management", len(auth.Numbers.Ach), len(auth.Accounts))
	}
	for i, n := range auth.Numbers.Ach {
		a := auth.Accounts[i]
		if n.AccountId != a.AccountId || n.Routing != "011401533" || n.Account != "111122223333"+a.GetMask() || n.GetWireRouting() == "" {
			t.Errorf("ACH numbers %+v for account %s", n, a.GetMask())
		}
	}
	card := accountByMask(t, h.accounts(tok), "3333")
	req := plaid.NewAuthGetRequest(tok)
	opts := plaid.NewAuthGetRequestOptions()
	opts.SetAccountIds([]string{card.AccountId})
	req.SetOptions(*opts)
	ok(h.client.AuthGet(h.ctx).AuthGetRequest(*req).Execute()).fails(t, 400, "ITEM_ERROR", "NO_AUTH_ACCOUNTS")
}

func TestIdentityGetGivesOwners(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_IDENTITY)
	id := ok(h.client.IdentityGet(h.ctx).IdentityGetRequest(*plaid.NewIdentityGetRequest(tok)).Execute()).get(t)
	if len(id.Accounts) != 12 {
		t.Fatalf("%d accounts", len(id.Accounts))
	}
	owner := id.Accounts[0].Owners[0]
	if owner.Names[0] != "Alberta Bobbeth Charleson" || owner.Addresses[0].Data.GetCity() != "Malakoff" ||
		owner.Emails[0].Data != "accountholder0@example.com" || len(owner.PhoneNumbers) != 3 {
		t.Errorf("owner: %+v", owner)
	}
}

func TestAccountFiltersAndBalances(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	all := h.accounts(tok)
	pick := []string{accountByMask(t, all, "1111").AccountId, accountByMask(t, all, "9002").AccountId}
	req := plaid.NewAccountsBalanceGetRequest(tok)
	opts := plaid.NewAccountsBalanceGetRequestOptions()
	opts.SetAccountIds(pick)
	req.SetOptions(*opts)
	bal := ok(h.client.AccountsBalanceGet(h.ctx).AccountsBalanceGetRequest(*req).Execute()).get(t)
	if len(bal.Accounts) != 2 || bal.Accounts[0].GetMask() != "1111" || bal.Accounts[1].Balances.GetCurrent() != 12060 {
		t.Fatalf("balance/get with account_ids: %+v", bal.Accounts)
	}
	greq := plaid.NewAccountsGetRequest(tok)
	gopts := plaid.NewAccountsGetRequestOptions()
	gopts.SetAccountIds([]string{"nope"})
	greq.SetOptions(*gopts)
	ok(h.client.AccountsGet(h.ctx).AccountsGetRequest(*greq).Execute()).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// TestItemsAreSeparate checks two Items of the same user never share account IDs or tokens.
func TestItemsAreSeparate(t *testing.T) {
	h := newHarness(t)
	a, b := h.connect(plaid.PRODUCTS_AUTH), h.connect(plaid.PRODUCTS_AUTH)
	if a == b {
		t.Fatal("two Items got the same access token")
	}
	seen := map[string]bool{}
	for _, tok := range []string{a, b} {
		for _, acc := range h.accounts(tok) {
			if seen[acc.AccountId] {
				t.Fatalf("account_id %s appears in two Items", acc.AccountId)
			}
			seen[acc.AccountId] = true
		}
	}
}
