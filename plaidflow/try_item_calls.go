package plaidflow

import (
	"context"
	"net/http"

	"github.com/plaid/plaid-go/v43/plaid"
)

// The calls of tryCalls. Reads go through readCall (retried on 429 and 5xx); a call that makes
// something (a Signal evaluation, an Asset Report) is sent once.

func tryAccounts(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/accounts/get", func() (*http.Response, error) {
		return answer(c.api.AccountsGet(ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(in.AccessToken)).Execute())
	})
}

func tryBalance(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/accounts/balance/get", func() (*http.Response, error) {
		return answer(c.api.AccountsBalanceGet(ctx).AccountsBalanceGetRequest(*plaid.NewAccountsBalanceGetRequest(in.AccessToken)).Execute())
	})
}

func tryAuth(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/auth/get", func() (*http.Response, error) {
		return answer(c.api.AuthGet(ctx).AuthGetRequest(*plaid.NewAuthGetRequest(in.AccessToken)).Execute())
	})
}

func tryIdentity(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/identity/get", func() (*http.Response, error) {
		return answer(c.api.IdentityGet(ctx).IdentityGetRequest(*plaid.NewIdentityGetRequest(in.AccessToken)).Execute())
	})
}

func trySync(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewTransactionsSyncRequest(in.AccessToken)
	req.SetCount(syncPageSize)
	return c.readCall(ctx, "/transactions/sync", func() (*http.Response, error) {
		return answer(c.api.TransactionsSync(ctx).TransactionsSyncRequest(*req).Execute())
	})
}

func tryTransactionsGet(c *Client, ctx context.Context, in TryInput) error {
	start, end := in.window()
	req := plaid.NewTransactionsGetRequest(in.AccessToken, start, end)
	opts := plaid.NewTransactionsGetRequestOptions()
	opts.SetCount(syncPageSize)
	req.SetOptions(*opts)
	return c.readCall(ctx, "/transactions/get", func() (*http.Response, error) {
		return answer(c.api.TransactionsGet(ctx).TransactionsGetRequest(*req).Execute())
	})
}

func tryRecurring(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/transactions/recurring/get", func() (*http.Response, error) {
		return answer(c.api.TransactionsRecurringGet(ctx).TransactionsRecurringGetRequest(*plaid.NewTransactionsRecurringGetRequest(in.AccessToken)).Execute())
	})
}

func tryHoldings(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/investments/holdings/get", func() (*http.Response, error) {
		return answer(c.api.InvestmentsHoldingsGet(ctx).InvestmentsHoldingsGetRequest(*plaid.NewInvestmentsHoldingsGetRequest(in.AccessToken)).Execute())
	})
}

func tryInvestmentTransactions(c *Client, ctx context.Context, in TryInput) error {
	start, end := in.window()
	req := plaid.NewInvestmentsTransactionsGetRequest(in.AccessToken, start, end)
	return c.readCall(ctx, "/investments/transactions/get", func() (*http.Response, error) {
		return answer(c.api.InvestmentsTransactionsGet(ctx).InvestmentsTransactionsGetRequest(*req).Execute())
	})
}

func tryLiabilities(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/liabilities/get", func() (*http.Response, error) {
		return answer(c.api.LiabilitiesGet(ctx).LiabilitiesGetRequest(*plaid.NewLiabilitiesGetRequest(in.AccessToken)).Execute())
	})
}

func tryStatements(c *Client, ctx context.Context, in TryInput) error {
	return c.readCall(ctx, "/statements/list", func() (*http.Response, error) {
		return answer(c.api.StatementsList(ctx).StatementsListRequest(*plaid.NewStatementsListRequest(in.AccessToken)).Execute())
	})
}

// trySignal scores a 100.00 debit from the first account; each evaluation is recorded by
// Plaid under its client_transaction_id, so it is sent once, with a new id.
func trySignal(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewSignalEvaluateRequest(in.AccessToken, in.AccountID, newClientTransactionID(), 100.00)
	_, h, err := c.api.SignalEvaluate(ctx).SignalEvaluateRequest(*req).Execute()
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
	return c.readCall(ctx, "/item/get", func() (*http.Response, error) {
		return answer(c.api.ItemGet(ctx).ItemGetRequest(*plaid.NewItemGetRequest(in.AccessToken)).Execute())
	})
}

func tryInstitution(c *Client, ctx context.Context, in TryInput) error {
	req := plaid.NewInstitutionsGetByIdRequest(nonEmpty(in.InstitutionID, DefaultInstitutionID), allCountryCodes())
	return c.readCall(ctx, "/institutions/get_by_id", func() (*http.Response, error) {
		return answer(c.api.InstitutionsGetById(ctx).InstitutionsGetByIdRequest(*req).Execute())
	})
}

// answer keeps what readCall needs of an Execute: the screen shows the call from the API log,
// so the decoded response is not kept.
func answer[T any](_ T, h *http.Response, err error) (*http.Response, error) { return h, err }
