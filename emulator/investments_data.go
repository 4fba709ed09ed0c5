package emulator

import (
	"math"
	"strconv"
	"time"
)

// What user_good's investment accounts hold, and their investment transactions. Holdings are a
// static table, as the sandbox's are, valued to the account's current balance; the transactions
// are derived like bank transactions (transactions_data.go): drawn per account and day from a
// stream keyed by the Item's id, never stored. A custom user's configured holdings and
// investment transactions take their place on its accounts.

// position is one holding of a table: quantity of a security at its close price.
type position struct {
	sec       *security
	quantity  float64
	costBasis float64 // per unit
}

// iraPositions and k401Positions are worth the IRA's 320.76 and the 401k's 23631.9805 (the
// balances accounts.go gives them) at their securities' close prices.
var (
	iraPositions = []position{
		{&secVTI, 0.8, 231.4}, {&secSPYC, 100, 1.35}, {&secUSD, 20.76, 1},
	}
	k401Positions = []position{
		{&secVFIFX, 180.25, 44.1}, {&secFXAIX, 38.4215, 151.22}, {&secDODIX, 210.5, 13.05},
		{&secAAPL, 5, 171.3}, {&secTBILL, 10, 97.9}, {&secUSD, 2097.69724, 1},
	}
)

// holding is one row of /investments/holdings/get before it is put in Plaid's shape.
type holding struct {
	account   *account
	sec       *security
	quantity  float64
	price     float64
	priceAsOf string // "" for null
	costBasis *float64
	currency  string
}

type holdingJSON struct {
	AccountID                string   `json:"account_id"`
	SecurityID               string   `json:"security_id"`
	InstitutionPrice         float64  `json:"institution_price"`
	InstitutionPriceAsOf     *string  `json:"institution_price_as_of"`
	InstitutionPriceDatetime *string  `json:"institution_price_datetime"`
	InstitutionValue         float64  `json:"institution_value"`
	CostBasis                *float64 `json:"cost_basis"`
	Quantity                 float64  `json:"quantity"`
	IsoCurrencyCode          *string  `json:"iso_currency_code"`
	UnofficialCurrencyCode   *string  `json:"unofficial_currency_code"`
	VestedQuantity           *float64 `json:"vested_quantity"`
	VestedValue              *float64 `json:"vested_value"`
}

func (h holding) json() holdingJSON {
	return holdingJSON{AccountID: h.account.id, SecurityID: h.sec.id, InstitutionPrice: h.price, InstitutionPriceAsOf: nullable(h.priceAsOf),
		InstitutionValue: roundTo(h.quantity*h.price, 4), CostBasis: h.costBasis, Quantity: h.quantity, IsoCurrencyCode: nullable(h.currency)}
}

// roundTo rounds v to places decimals, as Plaid's amounts are given.
func roundTo(v float64, places int) float64 {
	p := math.Pow(10, float64(places))
	return math.Round(v*p) / p
}

// isInvestment says whether Investments reads the account.
func (a *account) isInvestment() bool { return a.typ == "investment" }

// holdingsOf lists what account a holds on day today: a custom user's configured holdings, its
// balance in cash when it configures none, or user_good's table for the account.
func holdingsOf(a *account, today int) []holding {
	if !a.isInvestment() {
		return nil
	}
	if a.over != nil {
		return customHoldings(a, today)
	}
	table := iraPositions
	if a.subtype == "401k" {
		table = k401Positions
	}
	out := make([]holding, len(table))
	for i, p := range table {
		h := holding{account: a, sec: p.sec, quantity: p.quantity, price: p.sec.price, currency: a.currency(), costBasis: money(roundTo(p.quantity*p.costBasis, 2))}
		if !p.sec.cash {
			h.priceAsOf = dayDate(today - 1)
		}
		out[i] = h
	}
	return out
}

func customHoldings(a *account, today int) []holding {
	if len(a.over.Holdings) == 0 {
		return []holding{{account: a, sec: &secUSD, quantity: *a.current, price: 1, currency: a.currency(), costBasis: money(*a.current)}}
	}
	out := make([]holding, len(a.over.Holdings))
	for i, h := range a.over.Holdings {
		out[i] = holding{account: a, sec: customSecurity(h.Security, *h.InstitutionPrice), quantity: *h.Quantity, price: *h.InstitutionPrice,
			priceAsOf: h.InstitutionPriceAsOf, costBasis: h.CostBasis, currency: h.Currency}
	}
	return out
}

// investmentTxn is one investment transaction before it is put in Plaid's shape.
type investmentTxn struct {
	account               *account
	id                    string
	sec                   *security // nil for none
	day                   int
	name, typ, subtype    string
	quantity, price, fees float64
	amount                float64
	currency              string
}

// investmentTxnFields are the fields /investments/transactions/get and an Asset Report's
// investments (asset_report_investments.go) both give a transaction.
type investmentTxnFields struct {
	InvestmentTransactionID string   `json:"investment_transaction_id"`
	AccountID               string   `json:"account_id"`
	SecurityID              *string  `json:"security_id"`
	Date                    string   `json:"date"`
	Name                    string   `json:"name"`
	Quantity                float64  `json:"quantity"`
	Amount                  float64  `json:"amount"`
	Price                   float64  `json:"price"`
	Fees                    *float64 `json:"fees"`
	Type                    string   `json:"type"`
	Subtype                 string   `json:"subtype"`
	IsoCurrencyCode         *string  `json:"iso_currency_code"`
	UnofficialCurrencyCode  *string  `json:"unofficial_currency_code"`
}

type investmentTxnJSON struct {
	investmentTxnFields
	CancelTransactionID *string `json:"cancel_transaction_id"`
	TransactionDatetime *string `json:"transaction_datetime"`
}

func (t investmentTxn) json() investmentTxnJSON {
	return investmentTxnJSON{investmentTxnFields: t.fields()}
}

func (t investmentTxn) fields() investmentTxnFields {
	j := investmentTxnFields{InvestmentTransactionID: t.id, AccountID: t.account.id, Date: dayDate(t.day), Name: t.name,
		Quantity: t.quantity, Amount: t.amount, Price: t.price, Fees: money(t.fees), Type: t.typ, Subtype: t.subtype,
		IsoCurrencyCode: nullable(t.currency)}
	if t.sec != nil {
		j.SecurityID = nullable(t.sec.id)
	}
	return j
}

// investmentTxnsOf lists account a's investment transactions dated from..to: a custom user's
// configured ones, or the generated history, which starts historyDays before the Item was
// linked. A custom account that configures none has none.
func (it *item) investmentTxnsOf(a *account, from, to int) []investmentTxn {
	if !a.isInvestment() {
		return nil
	}
	if a.over != nil {
		return it.configuredInvestmentTxns(a, from, to)
	}
	if start := epochDay(it.created) - historyDays; from < start {
		from = start
	}
	key := it.accountKey(a, "investments")
	var out []investmentTxn
	for d := from; d <= to; d++ {
		out = append(out, investmentDay(a, key, d)...)
	}
	return out
}

func (it *item) configuredInvestmentTxns(a *account, from, to int) []investmentTxn {
	list := a.over.InvestmentTransactions
	ids := accountIDs("custom-investment-transactions\x00"+it.id+"\x00"+strconv.Itoa(int(a.index)), len(list))
	var out []investmentTxn
	for i, t := range list {
		date, _ := time.Parse(time.DateOnly, t.Date) // checked when the configuration was read
		d := epochDay(date)
		if d < from || d > to {
			continue
		}
		fees := 0.0
		if t.Fees != nil {
			fees = *t.Fees
		}
		out = append(out, investmentTxn{account: a, id: ids[i], sec: customSecurity(t.Security, *t.Price), day: d, name: t.Name,
			typ: t.Type, subtype: configuredSubtype(t), quantity: *t.Quantity, price: *t.Price, fees: fees,
			amount: roundTo(*t.Quantity**t.Price+fees, 2), currency: firstNonEmpty(t.Currency, a.currency())})
	}
	return out
}

// configuredSubtype is the subtype a configured transaction's type stands for; a cash
// movement is a deposit when money comes in (a negative quantity times price) and a withdrawal
// otherwise.
func configuredSubtype(t investmentTxnOverride) string {
	switch t.Type {
	case "fee":
		return "account fee"
	case "cash":
		if *t.Quantity**t.Price < 0 {
			return "deposit"
		}
		return "withdrawal"
	}
	return t.Type // buy, sell and transfer are their own subtypes
}
