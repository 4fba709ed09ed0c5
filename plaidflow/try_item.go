package plaidflow

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"slices"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// "Try the Item": after the walk, the calls an app can make with the Item's access_token, so a
// new engineer can see what the Item holds. Which calls are offered follows the Item's
// products (/item/get's products and billed_products) and its accounts; each call runs with
// the walk's access_token and, where it needs more, with defaults said in Params.

// TryCall is one call offered on the Item.
type TryCall struct {
	Path    string
	About   string // what the call tells, in our words
	Params  string // the defaults chosen for the call's other fields; "" when it needs none
	Product string // the product the Item must have; "" for any Item
	// Accounts are the account types one of which the Item must hold; nil for any.
	Accounts []string
	run      func(c *Client, ctx context.Context, in TryInput) error
}

// TryInput is what the calls are made with.
type TryInput struct {
	AccessToken   string
	InstitutionID string
	AccountID     string    // the first account: /signal/evaluate's
	Today         time.Time // the end of date windows (zero: now)
}

var depository = []string{"depository"}

// tryCalls are the calls, in the order they are listed.
var tryCalls = []TryCall{
	{Path: "/accounts/get", About: "the Item's accounts with the balances Plaid cached", run: tryAccounts},
	{Path: "/accounts/balance/get", About: "the same accounts with balances fetched from the bank now", run: tryBalance},
	{Path: "/auth/get", About: "account and routing numbers of the checking and savings accounts", Product: "auth", Accounts: depository, run: tryAuth},
	{Path: "/identity/get", About: "the owners' names, emails, phone numbers and addresses the bank holds", Product: "identity", run: tryIdentity},
	{Path: "/transactions/sync", About: "the first page of the whole transaction history, and the cursor for what comes next", Params: "no cursor (from the start), count 100", Product: "transactions", run: trySync},
	{Path: "/transactions/get", About: "the transactions of a date window, newest first, with the total", Params: "the last 30 days, count 100", Product: "transactions", run: tryTransactionsGet},
	{Path: "/transactions/recurring/get", About: "the payments and deposits that repeat (subscriptions, salary)", Product: "transactions", run: tryRecurring},
	{Path: "/investments/holdings/get", About: "what each investment account holds, and the securities", Product: "investments", Accounts: []string{"investment"}, run: tryHoldings},
	{Path: "/investments/transactions/get", About: "buys, sells, dividends and fees of a date window", Params: "the last 30 days", Product: "investments", Accounts: []string{"investment"}, run: tryInvestmentTransactions},
	{Path: "/liabilities/get", About: "credit card, student loan and mortgage terms and payments", Product: "liabilities", Accounts: []string{"credit", "loan"}, run: tryLiabilities},
	{Path: "/statements/list", About: "the bank statements Plaid can download for each account", Product: "statements", Accounts: depository, run: tryStatements},
	{Path: "/signal/evaluate", About: "how likely an ACH debit from the account is to come back returned", Params: "the first account, amount 100.00, a new client_transaction_id", Product: "signal", Accounts: depository, run: trySignal},
	{Path: "/asset_report/create", About: "an Asset Report of every account, then /asset_report/get until it is ready", Params: "days_requested 30", Product: "assets", run: tryAssetReport},
	{Path: "/item/get", About: "the Item's state: products, billed products, consent, errors", run: tryItem},
	{Path: "/institutions/get_by_id", About: "the bank the Item is at: name, products, country codes", Params: "every country code Plaid serves", run: tryInstitution},
}

// TryCalls lists the calls an Item with these products and accounts can make.
func TryCalls(products []string, accounts []Account) []TryCall {
	var out []TryCall
	for _, tc := range tryCalls {
		if tc.Product != "" && !slices.Contains(products, tc.Product) {
			continue
		}
		if tc.Accounts != nil && !slices.ContainsFunc(accounts, func(a Account) bool { return slices.Contains(tc.Accounts, a.Type) }) {
			continue
		}
		out = append(out, tc)
	}
	return out
}

// TryCallFor is the offered call at path; ok is false for a path that is not one.
func TryCallFor(path string) (TryCall, bool) {
	for _, tc := range tryCalls {
		if tc.Path == path {
			return tc, true
		}
	}
	return TryCall{}, false
}

// Try makes the call at path on the Item; every request it sends is in the API log.
func (c *Client) Try(ctx context.Context, path string, in TryInput) error {
	tc, ok := TryCallFor(path)
	if !ok {
		return &InputError{Partner: "the Item", Input: Input{Name: "path", Label: "an API path"}, Problem: path + " is not a call plaidwalk offers on an Item"}
	}
	if in.Today.IsZero() {
		in.Today = time.Now()
	}
	return tc.run(c, ctx, in)
}

// window is the last 30 days up to in.Today, as Plaid's dates.
func (in TryInput) window() (start, end string) {
	return in.Today.AddDate(0, 0, -30).Format(time.DateOnly), in.Today.Format(time.DateOnly)
}

// newClientTransactionID names a /signal/evaluate: Plaid wants one per debit the app scores.
func newClientTransactionID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return "plaidwalk-" + hex.EncodeToString(b)
}

// allCountryCodes are every country Plaid serves, for lookups that must find any bank.
func allCountryCodes() []plaid.CountryCode {
	ccs := make([]plaid.CountryCode, len(countryCodes))
	for i, cc := range countryCodes {
		ccs[i] = plaid.CountryCode(cc)
	}
	return ccs
}
