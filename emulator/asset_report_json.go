package emulator

import (
	"slices"
	"time"
)

// An Asset Report is derived, as an Item's data is: it keeps which Items and accounts it holds
// and the moment its data was taken (asOf), and builds its accounts, transactions and
// historical balances again from each Item's seed on every read. A filtered or refreshed report
// re-derives the same way, so the same account on the same day reads the same in each.

// assetItem is an Item as an Asset Report captured it: what derives its accounts and
// transactions again (id, login, creation), and which of its accounts the report holds.
type assetItem struct {
	id           string
	institution  *Institution
	custom       *customUser // the login's configuration; nil for user_good
	verification string
	created      time.Time
	accounts     []uint16 // indexes in the login's accounts, in the report's order
}

// snapshotItem captures the Item's shared accounts for a report.
func snapshotItem(it *item) assetItem {
	ai := assetItem{id: it.id, institution: it.institution, custom: it.custom, verification: it.verification, created: it.created}
	for _, a := range it.accounts() {
		ai.accounts = append(ai.accounts, a.index)
	}
	return ai
}

// item is the Item again, as far as deriving its data goes (it may have been removed since).
func (ai assetItem) item() *item {
	return &item{id: ai.id, institution: ai.institution, custom: ai.custom, verification: ai.verification, created: ai.created}
}

// accountList derives the report's accounts of the Item, ids included.
func (ai assetItem) accountList() []account {
	it := ai.item()
	ids := accountIDs(it.id, it.templates())
	out := make([]account, len(ai.accounts))
	for i, idx := range ai.accounts {
		out[i] = it.accountAt(int(idx), ids[idx])
	}
	return out
}

type assetReportGetResponse struct {
	Report    assetReportJSON `json:"report"`
	Warnings  []any           `json:"warnings"`
	RequestID string          `json:"request_id"`
}

type assetReportJSON struct {
	AssetReportID  string          `json:"asset_report_id"`
	ClientReportID *string         `json:"client_report_id"`
	DateGenerated  string          `json:"date_generated"`
	DaysRequested  int             `json:"days_requested"`
	User           map[string]any  `json:"user"`
	Items          []assetItemJSON `json:"items"`
}

type assetItemJSON struct {
	ItemID          string             `json:"item_id"`
	InstitutionName string             `json:"institution_name"`
	InstitutionID   string             `json:"institution_id"`
	DateLastUpdated string             `json:"date_last_updated"`
	Accounts        []assetAccountJSON `json:"accounts"`
}

type assetAccountJSON struct {
	accountJSON
	// Balances shadows the embedded one: an Asset Report's balance carries margin_loan_amount
	// (required, nullable since the 2025 spec), which /accounts/get's balance does not have.
	Balances           assetBalanceJSON    `json:"balances"`
	DaysAvailable      int                 `json:"days_available"`
	Transactions       []assetTransaction  `json:"transactions"`
	Owners             []ownerJSON         `json:"owners"`
	HistoricalBalances []historicalBalance `json:"historical_balances"`
	// Investments is the investments add-on's, on investment accounts (asset_report_investments.go).
	Investments *assetInvestmentsJSON `json:"investments,omitempty"`
}

type assetBalanceJSON struct {
	balanceJSON
	MarginLoanAmount *float64 `json:"margin_loan_amount"`
}

// assetTransaction is AssetReportTransaction: the bank's own fields always, Plaid's enrichment
// (category, merchant, location, ...) only in an Asset Report with Insights.
type assetTransaction struct {
	AccountID              string  `json:"account_id"`
	Amount                 float64 `json:"amount"`
	IsoCurrencyCode        *string `json:"iso_currency_code"`
	UnofficialCurrencyCode *string `json:"unofficial_currency_code"`
	OriginalDescription    *string `json:"original_description"`
	Date                   string  `json:"date"`
	Pending                bool    `json:"pending"`
	TransactionID          string  `json:"transaction_id"`
	*assetInsights                 // nil: a report without insights, whose transactions lack these keys
}

type assetInsights struct {
	Category             []string        `json:"category"`
	CategoryID           *string         `json:"category_id"`
	Name                 string          `json:"name"`
	MerchantName         *string         `json:"merchant_name"`
	Location             locationJSON    `json:"location"`
	PaymentMeta          paymentMetaJSON `json:"payment_meta"`
	TransactionType      string          `json:"transaction_type"`
	DateTransacted       *string         `json:"date_transacted"`
	PendingTransactionID *string         `json:"pending_transaction_id"`
	AccountOwner         *string         `json:"account_owner"`
	CheckNumber          *string         `json:"check_number"`
}

type historicalBalance struct {
	Date                   string  `json:"date"`
	Current                float64 `json:"current"`
	IsoCurrencyCode        string  `json:"iso_currency_code"`
	UnofficialCurrencyCode *string `json:"unofficial_currency_code"`
}

// reportView is how a caller asked to read a report: with insights, and the days of
// transactions and balances to include (days_to_include; -1: all the report has).
type reportView struct {
	insights bool
	days     int
	fast     bool // the Fast version (asset_report_fast.go): balances and owners only
}

var fullView = reportView{days: -1}

func (e *Emulator) assetReportJSON(rep *assetReport, requestID string, v reportView) assetReportGetResponse {
	user := rep.user
	if user == nil {
		user = map[string]any{}
	}
	days := rep.daysRequested
	if v.days >= 0 && v.days < days {
		days = v.days
	}
	asOf := rep.asOf
	if v.fast {
		asOf = rep.fastReadyAt()
	}
	out := assetReportGetResponse{Warnings: []any{}, RequestID: requestID, Report: assetReportJSON{
		AssetReportID: rep.id, ClientReportID: nullable(rep.clientReportID), DateGenerated: rfc3339(asOf),
		DaysRequested: rep.daysRequested, User: user, Items: []assetItemJSON{},
	}}
	for _, ai := range rep.items {
		ij := assetItemJSON{ItemID: ai.id, InstitutionName: ai.institution.Name, InstitutionID: ai.institution.ID,
			DateLastUpdated: rfc3339(asOf), Accounts: []assetAccountJSON{}}
		it := ai.item()
		for _, a := range ai.accountList() {
			if v.fast {
				ij.Accounts = append(ij.Accounts, fastAssetAccount(a))
				continue
			}
			acct := assetAccount(it, a, rep.asOf, rep.daysRequested, days, v.insights)
			if rep.investments && a.isInvestment() {
				acct.Investments = assetInvestments(it, &a, epochDay(rep.asOf), days)
			}
			ij.Accounts = append(ij.Accounts, acct)
		}
		out.Report.Items = append(out.Report.Items, ij)
	}
	return out
}

// assetAccount is one account as of asOf: the transactions dated within the last days days
// (requested: the report's own window, for days_available), oldest first, and the balance at
// the end of each of those days, worked back from the current balance through the posted
// transactions, as Plaid computes it.
func assetAccount(it *item, a account, asOf time.Time, requested, days int, insights bool) assetAccountJSON {
	j := fastAssetAccount(a)
	today, linked := epochDay(asOf), epochDay(it.created)
	from := today - days
	j.DaysAvailable = min(requested, today-(linked-historyDays))
	var posted []genTxn // posted within the window, for the balances
	// Two days earlier: what was made then posts within the window (posting takes two days).
	for _, t := range it.transactionsAsOf(&a, from-2, today) {
		tj := t.json(today, linked, true)
		if !tj.Pending && t.postDay > from && t.postDay <= today {
			posted = append(posted, t)
		}
		if tj.Date < dayDate(from) || tj.Date > dayDate(today) {
			continue // made before the window, or a custom user's configured one outside it
		}
		j.Transactions = append(j.Transactions, assetTxn(tj, insights))
	}
	if a.typ == "depository" || a.typ == "credit" {
		j.HistoricalBalances = historicalBalances(a, posted, today, days)
	}
	return j
}

func assetTxn(tj transactionJSON, insights bool) assetTransaction {
	t := assetTransaction{AccountID: tj.AccountID, Amount: tj.Amount, IsoCurrencyCode: tj.IsoCurrencyCode,
		UnofficialCurrencyCode: tj.UnofficialCurrencyCode, OriginalDescription: tj.OriginalDescription, Date: tj.Date,
		Pending: tj.Pending, TransactionID: tj.TransactionID}
	if insights {
		t.assetInsights = &assetInsights{Category: tj.Category, CategoryID: tj.CategoryID, Name: tj.Name, MerchantName: tj.MerchantName,
			Location: tj.Location, PaymentMeta: tj.PaymentMeta, TransactionType: tj.TransactionType, DateTransacted: tj.AuthorizedDate,
			PendingTransactionID: tj.PendingTransactionID, AccountOwner: tj.AccountOwner, CheckNumber: tj.CheckNumber}
	}
	return t
}

// historicalBalances are the balances at the end of each of the days days before today, newest
// first: a deposit account's balance was higher by what left it since (amounts out are
// positive), a credit account's lower by what was charged since.
func historicalBalances(a account, posted []genTxn, today, days int) []historicalBalance {
	current := 0.0
	if a.current != nil {
		current = *a.current
	}
	sign := 1.0
	if a.typ == "credit" {
		sign = -1
	}
	slices.SortStableFunc(posted, func(x, y genTxn) int { return x.postDay - y.postDay }) // a custom user's come in any order
	out := make([]historicalBalance, 0, days)
	since := 0.0 // the amounts posted after the day being written
	next := len(posted) - 1
	for d := today - 1; d >= today-days; d-- {
		for ; next >= 0 && posted[next].postDay > d; next-- {
			since += posted[next].amount
		}
		out = append(out, historicalBalance{Date: dayDate(d), Current: roundCents(current + sign*since), IsoCurrencyCode: a.currency()})
	}
	return out
}

func roundCents(v float64) float64 {
	if v < 0 {
		return -roundCents(-v)
	}
	return float64(int64(v*100+0.5)) / 100
}
