package plaidflow

import (
	"context"
	"errors"
	"fmt"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// Breaking and repairing an Item, as a user who changed their bank password would: the
// sandbox's /sandbox/item/reset_login puts the Item in ITEM_LOGIN_REQUIRED, the app's next
// call fails with it, and Link in update mode (a link_token made with the Item's
// access_token) has the user log in again. The access_token stays the same, so nothing is
// exchanged; the partner's processor token works again too.

// RepairNote says what plaidwalk's repair shows and what it does not.
const RepairNote = "After update mode the Item keeps its access_token: the public_token Link hands back need not be exchanged. " +
	"Plaid sends the LOGIN_REPAIRED webhook only when the Item is repaired outside your app (another app's Link, for one); " +
	"a repair through your own Link sends none."

// ErrLoginNotRequired is returned by BreakItem when the Item still answered after
// /sandbox/item/reset_login.
var ErrLoginNotRequired = errors.New("the Item still answered /accounts/get after /sandbox/item/reset_login; expected ITEM_LOGIN_REQUIRED")

// BreakItem resets the Item's login and makes the app's next call, /accounts/get, which
// must fail with ITEM_LOGIN_REQUIRED; that error is returned. Sandbox and offline only.
func (c *Client) BreakItem(ctx context.Context, accessToken string) (*PlaidError, error) {
	if c.cfg.Env == EnvProduction {
		return nil, errors.New("/sandbox/item/reset_login does not exist in production: a production Item breaks only when its user's login does")
	}
	if err := c.SandboxResetLogin(ctx, accessToken); err != nil {
		return nil, err
	}
	httpResp, _, err := c.postRaw(ctx, "/accounts/get", plaid.NewAccountsGetRequest(accessToken))
	if err == nil {
		return nil, ErrLoginNotRequired
	}
	perr := toError("/accounts/get", httpResp, err)
	pe, ok := AsPlaidError(perr)
	if !ok || pe.Code != "ITEM_LOGIN_REQUIRED" {
		return nil, fmt.Errorf("after /sandbox/item/reset_login: %w", perr)
	}
	return pe, nil
}

// CreateUpdateLinkToken makes a link_token in update mode for the Item of accessToken:
// the walk's Link settings without products (Plaid wants none in update mode unless one is
// being added), without a webhook (it has no effect there) and without account filters.
func (c *Client) CreateUpdateLinkToken(ctx context.Context, lc LinkConfig, accessToken string) (LinkToken, error) {
	lc.Products, lc.Webhook, lc.AccountFilters = nil, "", nil
	req, err := linkTokenRequest(lc)
	if err != nil {
		return LinkToken{}, err
	}
	req.Products = nil
	req.SetAccessToken(accessToken)
	resp, httpResp, err := c.api.LinkTokenCreate(ctx).LinkTokenCreateRequest(req).Execute()
	if err != nil {
		return LinkToken{}, toError("/link/token/create", httpResp, err)
	}
	return LinkToken{Token: resp.LinkToken, Expiration: resp.Expiration, RequestID: resp.RequestId,
		HostedLinkURL: resp.GetHostedLinkUrl()}, nil
}

// ItemErrorCode reads /item/get and returns the code of the Item's error, "" when it has none.
func (c *Client) ItemErrorCode(ctx context.Context, accessToken string) (string, error) {
	resp, err := c.itemGet(ctx, accessToken)
	if err != nil {
		return "", err
	}
	if pe := resp.Item.Error; pe != nil {
		return termtext.SingleLine(pe.ErrorCode), nil
	}
	return "", nil
}
