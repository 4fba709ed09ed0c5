package plaidflow

import (
	"context"

	"github.com/plaid/plaid-go/v43/plaid"
)

// The calls of tryCalls, sent with sendRaw: the screen shows each from the API log and reads
// nothing of its answer. Reads go through readRaw (retried on 429 and 5xx); a call that makes
// something (a Signal evaluation, an Asset Report) is sent once.

func tryAccounts(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/accounts/get", *plaid.NewAccountsGetRequest(in.AccessToken))
}

func tryBalance(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/accounts/balance/get", *plaid.NewAccountsBalanceGetRequest(in.AccessToken))
}

func tryAuth(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/auth/get", *plaid.NewAuthGetRequest(in.AccessToken))
}

func tryIdentity(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/identity/get", *plaid.NewIdentityGetRequest(in.AccessToken))
}

func trySync(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewTransactionsSyncRequest(in.AccessToken)
	req.SetCount(syncPageSize)
	return c.readRaw(ctx, "/transactions/sync", *req)
}

func tryTransactionsGet(c *Client, ctx context.Context, in TryInput) error {
	start, end := in.window()
	req := plaid.NewTransactionsGetRequest(in.AccessToken, start, end)
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetCount(syncPageSize)
	req.SetOptions(*opts)
	return c.readRaw(ctx, "/transactions/get", *req)
}

func tryRecurring(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/transactions/recurring/get", *plaid.NewTransactionsRecurringGetRequest(in.AccessToken))
}

func tryHoldings(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/investments/holdings/get", *plaid.NewInvestmentsHoldingsGetRequest(in.AccessToken))
}

func tryInvestmentTransactions(c *Client, ctx context.Context, in TryInput) error {
	start, end := in.window()
	req := plaid.NewInvestmentsTransactionsGetRequest(in.AccessToken, start, end)
	return c.readRaw(ctx, "/investments/transactions/get", *req)
}

func tryLiabilities(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/liabilities/get", *plaid.NewLiabilitiesGetRequest(in.AccessToken))
}

func tryStatements(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/statements/list", *plaid.NewStatementsListRequest(in.AccessToken))
}

// trySignal scores a 100.00 debit from the first account; each evaluation is recorded by
// Plaid under its client_transaction_id, so it is sent once, with a new id.
func trySignal(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewSignalEvaluateRequest(in.AccessToken, in.AccountID, newClientTransactionID(), 100.00)
	h, err := c.sendRaw(ctx, "/signal/evaluate", req)
	return toError("/signal/evaluate", h, err)
}

// tryAssetReport asks for a 30-day report, then polls /asset_report/get as the partner step
// does (waitForAssetReport) until it is ready.
func tryAssetReport(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewAssetReportCreateRequest(30)
	req.SetAccessTokens([]string{in.AccessToken})
	created, h, err := c.api.AssetReportCreate(ctx).AssetReportCreateRequest(*req).Execute()
	if err != nil {
		return toError("/asset_report/create", h, err)
	}
	return c.waitForAssetReport(ctx, created.AssetReportToken, c.reportReady(created.AssetReportId), nil)
}

func tryItem(c *Client, ctx context.Context, in TryInput) error {
	return c.readRaw(ctx, "/item/get", *plaid.NewItemGetRequest(in.AccessToken))
}

func tryInstitution(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewInstitutionsGetByIdRequest(nonEmpty(in.InstitutionID, DefaultInstitutionID), allCountryCodes())
	return c.readRaw(ctx, "/institutions/get_by_id", *req)
}
