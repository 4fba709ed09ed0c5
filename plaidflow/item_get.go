package plaidflow

import (
	"context"
	"slices"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// itemAnswer is the part of /item/get's answer plaidwalk reads. Decoding plaid-go's whole
// ItemGetResponse links its Item, status and consent models for five fields (issue 13's
// size budget).
type itemAnswer struct {
	Item struct {
		ItemID          string   `json:"item_id"`
		InstitutionID   string   `json:"institution_id"`
		InstitutionName string   `json:"institution_name"`
		Products        []string `json:"products"`
		BilledProducts  []string `json:"billed_products"`
		Error           *struct {
			ErrorCode string `json:"error_code"`
		} `json:"error"`
	} `json:"item"`
}

// accountsAnswer is the part of /accounts/get's answer plaidwalk reads: the accounts, not the
// Item it repeats (itemGet reads that).
type accountsAnswer struct {
	Accounts []plaid.AccountBase `json:"accounts"`
}

// itemGet reads /item/get, retried as any read.
func (c *Client) itemGet(ctx context.Context, accessToken string) (itemAnswer, error) {
	var resp itemAnswer
	err := c.readInto(ctx, "/item/get", plaid.NewItemGetRequest(accessToken), &resp)
	return resp, err
}

// products are the Item's products and billed products, each once, in Plaid's order.
func (a itemAnswer) products() []string {
	var out []string
	for _, p := range append(a.Item.Products, a.Item.BilledProducts...) {
		if name := termtext.SingleLine(p); !slices.Contains(out, name) {
			out = append(out, name)
		}
	}
	return out
}
