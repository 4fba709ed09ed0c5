package emulator

import (
	"slices"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestTransferAtTheSandboxBanks: Plaid Transfer is offered by the US sandbox banks, as at
// Plaid: /institutions/get_by_id lists it for First Platypus Bank, Link with products
// [transfer] logs in there, and so does the sandbox shortcut; the Canadian bank does not
// offer it (Transfer moves US dollars only).
func TestTransferAtTheSandboxBanks(t *testing.T) {
	h := newHarness(t)
	byID := func(id string, country plaid.CountryCode) []plaid.Products {
		req := plaid.NewInstitutionsGetByIdRequest(id, []plaid.CountryCode{country})
		return ok(h.client.InstitutionsGetById(h.ctx).InstitutionsGetByIdRequest(*req).Execute()).get(t).Institution.Products
	}
	if got := byID("ins_109508", plaid.COUNTRYCODE_US); !slices.Contains(got, plaid.PRODUCTS_TRANSFER) {
		t.Errorf("First Platypus Bank's products %v lack transfer", got)
	}
	if got := byID("ins_43", plaid.COUNTRYCODE_CA); slices.Contains(got, plaid.PRODUCTS_TRANSFER) {
		t.Errorf("the Canadian bank lists transfer: %v", got)
	}
	h.accounts(h.exchange(h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH, plaid.PRODUCTS_TRANSFER}, nil)).AccessToken)
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_43", []plaid.Products{plaid.PRODUCTS_TRANSFER})
	ok(h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*req).Execute()).
		fails(t, 400, "ITEM_ERROR", "PRODUCTS_NOT_SUPPORTED")

	r := newLinkRig(t, map[string]any{"products": []string{"transfer"}})
	if a := r.login(r.session(), "ins_109508", "user_good", "pass_good"); a.Next != "accounts" || a.Error != nil {
		t.Fatalf("Link with transfer at First Platypus Bank: next %q, error %+v", a.Next, a.Error)
	}
}
