package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestIdentityMatch: /identity/match scores every shared account of the Item as the processor
// variant scores one (each Sandbox account's holder is the same person, so an exact copy of
// the checking account's holder scores 100 on the checking account), options.account_ids
// narrows the list, and an unsent field is null.
func TestIdentityMatch(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_IDENTITY)
	accounts := h.accounts(access)
	checking := accountByMask(t, accounts, "0000").AccountId
	user := plaid.NewIdentityMatchUser()
	user.SetLegalName("Alberta Bobbeth Charleson")
	user.SetEmailAddress("AccountHolder0@example.com")
	req := plaid.NewIdentityMatchRequest(access)
	req.SetUser(*user)
	all := ok(h.client.IdentityMatch(h.ctx).IdentityMatchRequest(*req).Execute()).get(t)
	if len(all.Accounts) != len(accounts) || all.Item.ItemId == "" {
		t.Fatalf("/identity/match scored %d accounts of item %q, want all %d", len(all.Accounts), all.Item.ItemId, len(accounts))
	}
	opts := plaid.NewIdentityMatchRequestOptions()
	opts.SetAccountIds([]string{checking})
	req.SetOptions(*opts)
	one := ok(h.client.IdentityMatch(h.ctx).IdentityMatchRequest(*req).Execute()).get(t).Accounts
	if len(one) != 1 || one[0].AccountId != checking {
		t.Fatalf("account_ids [checking] gave %d accounts", len(one))
	}
	got := one[0]
	if got.LegalName.Get().GetScore() != 100 || got.EmailAddress.Get().GetScore() != 100 || got.PhoneNumber.Get() != nil || got.Address.Get() != nil {
		t.Errorf("checking: name %+v email %+v phone %+v address %+v; want 100, 100, null, null",
			got.LegalName.Get(), got.EmailAddress.Get(), got.PhoneNumber.Get(), got.Address.Get())
	}
	bad := plaid.NewIdentityMatchRequest("access-sandbox-bad")
	ok(h.client.IdentityMatch(h.ctx).IdentityMatchRequest(*bad).Execute()).fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}
