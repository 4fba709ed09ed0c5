package plaidflow

import (
	"context"
	"sync"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// Item is an exchanged Item.
type Item struct {
	AccessToken string
	ItemID      string
	RequestID   string
}

// ItemAccounts is /accounts/get together with /item/get.
type ItemAccounts struct {
	ItemID          string
	InstitutionID   string
	InstitutionName string
	Accounts        []Account
	// Products are /item/get's products and billed_products, each once: what the Item reads.
	Products []string
}

// Exchange swaps a public_token for an access_token. Not retried: a public token works once,
// so a retry after a lost response would only report INVALID_PUBLIC_TOKEN.
func (c *Client) Exchange(ctx context.Context, publicToken string) (Item, error) {
	req := plaid.NewItemPublicTokenExchangeRequest(publicToken)
	resp, httpResp, err := c.api.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*req).Execute()
	if err != nil {
		return Item{}, toError("/item/public_token/exchange", httpResp, err)
	}
	return Item{AccessToken: resp.AccessToken, ItemID: termtext.SingleLine(resp.ItemId), RequestID: termtext.SingleLine(resp.RequestId)}, nil
}

// Accounts fetches /accounts/get and /item/get at the same time, then, when /item/get does
// not name the institution, its name from /institutions/get_by_id.
func (c *Client) Accounts(ctx context.Context, accessToken string) (ItemAccounts, error) {
	var (
		wg                   sync.WaitGroup
		accounts             accountsAnswer
		item                 itemAnswer
		accountsErr, itemErr error
	)
	wg.Add(2)
	go func() {
		defer wg.Done()
		accountsErr = c.readInto(ctx, "/accounts/get", plaid.NewAccountsGetRequest(accessToken), &accounts)
	}()
	go func() {
		defer wg.Done()
		item, itemErr = c.itemGet(ctx, accessToken)
	}()
	wg.Wait()
	if accountsErr != nil {
		return ItemAccounts{}, accountsErr
	}
	if itemErr != nil {
		return ItemAccounts{}, itemErr
	}
	// Ids and names are the host's text and end up on a terminal: cleaned here, once.
	out := ItemAccounts{ItemID: termtext.SingleLine(item.Item.ItemID), InstitutionID: termtext.SingleLine(item.Item.InstitutionID)}
	for _, a := range accounts.Accounts {
		out.Accounts = append(out.Accounts, accountFrom(a))
	}
	out.Products = item.products()
	out.InstitutionName = termtext.SingleLine(item.Item.InstitutionName)
	if out.InstitutionName == "" && out.InstitutionID != "" {
		out.InstitutionName = termtext.SingleLine(c.institutionName(ctx, out.InstitutionID))
	}
	return out, nil
}

// institutionName looks an institution up for display. /institutions/get_by_id finds an
// institution only among the country codes it is asked about, and the shortcut can link a bank
// of any country whatever the walk's Link countries were (a Canadian bank for a US partner), so
// the lookup asks about every country Plaid serves. A failure falls back to the Sandbox bank's
// known name (the call and its error stay in the API log).
func (c *Client) institutionName(ctx context.Context, id string) string {
	ccs := allCountryCodes()
	// Only the name is read: plaid-go's Institution model brings its status tree along.
	var resp struct {
		Institution struct {
			Name string `json:"name"`
		} `json:"institution"`
	}
	err := c.readInto(ctx, "/institutions/get_by_id", plaid.NewInstitutionsGetByIdRequest(id, ccs), &resp)
	if err != nil || resp.Institution.Name == "" {
		return SandboxInstitutionName(id)
	}
	return resp.Institution.Name
}

func accountFrom(a plaid.AccountBase) Account {
	acc := Account{
		ID:        termtext.SingleLine(a.AccountId),
		Name:      termtext.SingleLine(a.Name),
		Mask:      termtext.SingleLine(a.GetMask()),
		Type:      termtext.SingleLine(string(a.Type)),
		Available: a.Balances.Available.Get(),
		Current:   a.Balances.Current.Get(),
		Limit:     a.Balances.Limit.Get(),
		Currency:  termtext.SingleLine(a.Balances.GetIsoCurrencyCode()),
		// The status is the host's text and is shown on a terminal: cleaned like the rest.
		Verification: termtext.SingleLine(a.GetVerificationStatus()),
	}
	if st := a.Subtype.Get(); st != nil {
		acc.Subtype = termtext.SingleLine(string(*st))
	}
	if acc.Currency == "" {
		acc.Currency = termtext.SingleLine(a.Balances.GetUnofficialCurrencyCode())
	}
	return acc
}

// SandboxResetLogin calls /sandbox/item/reset_login so later calls answer
// ITEM_LOGIN_REQUIRED, to rehearse update mode. Sandbox only.
func (c *Client) SandboxResetLogin(ctx context.Context, accessToken string) error {
	req := plaid.NewSandboxItemResetLoginRequest(accessToken)
	_, httpResp, err := c.api.SandboxItemResetLogin(ctx).SandboxItemResetLoginRequest(*req).Execute()
	return toError("/sandbox/item/reset_login", httpResp, err)
}
