package emulator

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// /sandbox/transactions/create adds transactions the caller describes to an Item of
// user_transactions_dynamic, on its depository account (the spec says custom transactions go
// there). Plaid does not say when they show; here they show at once, in /transactions/get and
// as additions in the next /transactions/sync, with DEFAULT_UPDATE and SYNC_UPDATES_AVAILABLE
// sent as for a refresh. An app that calls /transactions/refresh before reading, as it would if
// Plaid waited for its next pull, sees them all the same; one that does not still sees them.
// They are the caller's data, so the Item keeps them (transactions_dynamic.go), bounded below.

const (
	maxMadePerCall = 10 // Plaid's limit for one call
	madeDaysBack   = 14 // dates may be today or up to 14 days before, as the spec says
	// maxMadeTxns is how many an Item holds in all. Plaid names no total; 250 is the number of
	// transactions its custom users' configurations are limited to, and bounds what an Item keeps.
	maxMadeTxns = 250
	// maxMadeDescription bounds a description: Plaid's names are statement lines, far shorter.
	maxMadeDescription = 256
)

type madeTxnRequest struct {
	DateTransacted string  `json:"date_transacted"`
	DatePosted     string  `json:"date_posted"`
	Amount         float64 `json:"amount"`
	Description    string  `json:"description"`
	Currency       string  `json:"iso_currency_code"`
}

func (e *Emulator) sandboxTransactionsCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken  string           `json:"access_token"`
		Transactions []madeTxnRequest `json:"transactions"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	made, perr := checkMadeTxns(req.Transactions, epochDay(e.now()))
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.dynamicItem(req.AccessToken, len(made))
	if perr != nil {
		return nil, perr
	}
	to, ok := madeAccount(it)
	if !ok {
		return nil, itemError("NO_ACCOUNTS", "created transactions go to the item's depository account, and this item shares none; "+
			"link user_transactions_dynamic again and share its checking account", "")
	}
	before := it.dyn.now()
	for i := range made {
		made[i].account = to
	}
	it.dyn.made = append(it.dyn.made, made...)
	e.saveItemLocked(it)
	e.sendTransactionChanges(it, before)
	return requestIDResponse{RequestID: q.requestID}, nil
}

// dynamicItem is the access_token's Item, which must be user_transactions_dynamic's with the
// transactions product and room for adding more transactions. Plaid's reference says only
// that other Items cannot use the endpoint; they are refused with INVALID_FIELD, the one code
// its examples for this endpoint show. Callers hold e.mu.
func (e *Emulator) dynamicItem(accessToken string, adding int) (*item, *apiError) {
	it, perr := e.itemByAccessToken(accessToken)
	switch {
	case perr != nil:
		return nil, perr
	case it.dyn == nil:
		return nil, invalidRequest("INVALID_FIELD", "access_token names an item that was not made with the test user "+dynamicUsername+
			"; /sandbox/transactions/create adds transactions only to such items: link one with username "+dynamicUsername+" and any password")
	case !contains(it.products, "transactions"):
		return nil, sandboxErr("SANDBOX_PRODUCT_NOT_ENABLED", "the transactions product is not enabled on this item, so it cannot be given transactions; "+
			"create the item with transactions among its products")
	case len(it.dyn.made)+adding > maxMadeTxns:
		return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("this item already holds %d created transactions and takes at most %d; "+
			"link user_transactions_dynamic again for a new item", len(it.dyn.made), maxMadeTxns))
	}
	return it, nil
}

// madeAccount is the index of the account created transactions go to: the Item's first shared
// checking account, else its first shared depository account.
func madeAccount(it *item) (uint16, bool) {
	var fallback *account
	accounts := it.accounts()
	for i := range accounts {
		a := &accounts[i]
		if txnKind(a) == "checking" {
			return a.index, true
		}
		if a.typ == "depository" && fallback == nil {
			fallback = a
		}
	}
	if fallback == nil {
		return 0, false
	}
	return fallback.index, true
}

// checkMadeTxns reads the request's transactions on day today: one to ten, dated today or in
// the 14 days before, never posted before they were made, with a description and, when given,
// an ISO 4217 currency (USD otherwise).
func checkMadeTxns(in []madeTxnRequest, today int) ([]madeTxn, *apiError) {
	switch {
	case len(in) == 0:
		return nil, invalidRequest("INVALID_FIELD", "transactions is empty; give between 1 and 10 transactions to add")
	case len(in) > maxMadePerCall:
		return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("transactions lists %d transactions; one call adds at most %d, so split them over several calls", len(in), maxMadePerCall))
	}
	out := make([]madeTxn, len(in))
	for i, t := range in {
		field := fmt.Sprintf("transactions[%d]", i)
		made, perr := madeDay(field+".date_transacted", t.DateTransacted, today)
		if perr != nil {
			return nil, perr
		}
		posted, perr := madeDay(field+".date_posted", t.DatePosted, today)
		if perr != nil {
			return nil, perr
		}
		if posted < made {
			return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("%s.date_posted %s is before its date_transacted %s; a transaction posts on or after the day it was made", field, t.DatePosted, t.DateTransacted))
		}
		desc := strings.TrimSpace(t.Description)
		if desc == "" || len(desc) > maxMadeDescription || !utf8.ValidString(desc) {
			return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("%s.description must be text of 1 to %d bytes", field, maxMadeDescription))
		}
		cur := t.Currency
		if cur == "" {
			cur = "USD"
		} else if !customCurrencyPattern.MatchString(cur) {
			return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("%s.iso_currency_code %.10q is not an ISO 4217 code such as USD; leave it out for USD", field, cur))
		}
		out[i] = madeTxn{desc: desc, currency: cur, amount: t.Amount, day: int32(made), postDay: int32(posted)}
	}
	return out, nil
}

// madeDay reads one of a created transaction's dates, which must be today or in the 14 days
// before.
func madeDay(field, date string, today int) (int, *apiError) {
	d, err := time.Parse(time.DateOnly, date)
	if err != nil {
		return 0, invalidRequest("INVALID_FIELD", field+" must be a date in the form YYYY-MM-DD")
	}
	day := epochDay(d)
	if day > today || day < today-madeDaysBack {
		return 0, invalidRequest("INVALID_FIELD", fmt.Sprintf("%s %s is not between %s and today, %s (UTC): a created transaction is dated today or up to %d days back",
			field, date, dayDate(today-madeDaysBack), dayDate(today), madeDaysBack))
	}
	return day, nil
}
