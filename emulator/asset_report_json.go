package emulator

import (
	"time"
)

// assetItem is an Item as an Asset Report captured it.
type assetItem struct {
	id          string
	institution Institution
	accounts    []account
	custom      *customUser // the login's configuration, for the state file (store_reports.go)
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
}

type assetBalanceJSON struct {
	balanceJSON
	MarginLoanAmount *float64 `json:"margin_loan_amount"`
}

type assetTransaction struct {
	AccountID              string  `json:"account_id"`
	Amount                 float64 `json:"amount"`
	IsoCurrencyCode        string  `json:"iso_currency_code"`
	UnofficialCurrencyCode *string `json:"unofficial_currency_code"`
	OriginalDescription    *string `json:"original_description"`
	Date                   string  `json:"date"`
	Pending                bool    `json:"pending"`
	TransactionID          string  `json:"transaction_id"`
}

type historicalBalance struct {
	Date                   string  `json:"date"`
	Current                float64 `json:"current"`
	IsoCurrencyCode        string  `json:"iso_currency_code"`
	UnofficialCurrencyCode *string `json:"unofficial_currency_code"`
}

// sampleSpending are the Sandbox-style transactions every depository account shows: enough
// for a report reader to see the shape, not a ledger.
var sampleSpending = []struct {
	daysAgo int
	amount  float64
	what    string
}{{2, 6.33, "Uber 072515 SF**POOL**"}, {9, 89.4, "SparkFun"}, {16, -500, "United Airlines refund"}, {23, 12, "McDonald's"}}

func (e *Emulator) assetReportJSON(rep *assetReport, requestID string) assetReportGetResponse {
	generated := rep.readyAt
	user := rep.user
	if user == nil {
		user = map[string]any{}
	}
	out := assetReportGetResponse{Warnings: []any{}, RequestID: requestID, Report: assetReportJSON{
		AssetReportID: rep.id, ClientReportID: nullable(rep.clientReportID), DateGenerated: rfc3339(generated),
		DaysRequested: rep.daysRequested, User: user, Items: []assetItemJSON{},
	}}
	for _, it := range rep.items {
		ij := assetItemJSON{ItemID: it.id, InstitutionName: it.institution.Name, InstitutionID: it.institution.ID,
			DateLastUpdated: rfc3339(generated), Accounts: []assetAccountJSON{}}
		for _, a := range it.accounts {
			ij.Accounts = append(ij.Accounts, assetAccount(a, generated, rep.daysRequested))
		}
		out.Report.Items = append(out.Report.Items, ij)
	}
	return out
}

func assetAccount(a account, generated time.Time, days int) assetAccountJSON {
	acct := a.json()
	j := assetAccountJSON{accountJSON: acct, Balances: assetBalanceJSON{balanceJSON: acct.Balances}, DaysAvailable: days, Transactions: []assetTransaction{},
		Owners: []ownerJSON{a.owner()}, HistoricalBalances: []historicalBalance{}}
	current := 0.0
	if a.current != nil {
		current = *a.current
	}
	for week := 0; week*7 <= days && week < 5; week++ {
		j.HistoricalBalances = append(j.HistoricalBalances, historicalBalance{
			Date: generated.AddDate(0, 0, -7*week).Format("2006-01-02"), Current: current, IsoCurrencyCode: a.currency()})
	}
	if a.typ != "depository" {
		return j
	}
	for i, s := range sampleSpending {
		if s.daysAgo > days {
			continue
		}
		j.Transactions = append(j.Transactions, assetTransaction{
			AccountID: a.id, Amount: s.amount, IsoCurrencyCode: a.currency(), OriginalDescription: nullable(s.what),
			Date:          generated.AddDate(0, 0, -s.daysAgo).Format("2006-01-02"),
			TransactionID: a.id[:20] + "tx" + string(rune('a'+i)) + a.mask,
		})
	}
	return j
}
