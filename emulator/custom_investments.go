package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"time"
)

// A custom user's holdings, investment transactions and liability (override_accounts[].holdings,
// .investment_transactions, .liability), in the shape of Plaid's sandbox configurations, and
// the checks on them. v43's spec gives holdings and investment_transactions as one object each,
// while Plaid's published example configurations give lists: both are taken.

type securityOverride struct {
	ISIN         string `json:"isin"`
	CUSIP        string `json:"cusip"`
	SEDOL        string `json:"sedol"`
	Name         string `json:"name"`
	TickerSymbol string `json:"ticker_symbol"`
	Currency     string `json:"currency"`
}

type holdingOverride struct {
	InstitutionPrice     *float64         `json:"institution_price"`
	InstitutionPriceAsOf string           `json:"institution_price_as_of"`
	CostBasis            *float64         `json:"cost_basis"`
	Quantity             *float64         `json:"quantity"`
	Currency             string           `json:"currency"`
	Security             securityOverride `json:"security"`
}

type investmentTxnOverride struct {
	Date     string           `json:"date"`
	Name     string           `json:"name"`
	Quantity *float64         `json:"quantity"`
	Price    *float64         `json:"price"`
	Fees     *float64         `json:"fees"`
	Type     string           `json:"type"`
	Currency string           `json:"currency"`
	Security securityOverride `json:"security"`
}

// oneOrMany is a list that a configuration may also give as its single element.
type oneOrMany[T any] []T

func (l *oneOrMany[T]) UnmarshalJSON(b []byte) error {
	if b = bytes.TrimSpace(b); len(b) > 0 && b[0] == '{' {
		var one T
		if err := json.Unmarshal(b, &one); err != nil {
			return err
		}
		*l = oneOrMany[T]{one}
		return nil
	}
	return json.Unmarshal(b, (*[]T)(l))
}

// liabilityOverride is LiabilityOverride: what the given fields say replaces what the
// emulator derives for the account (liabilities_data.go).
type liabilityOverride struct {
	Type                 string             `json:"type"`
	PurchaseAPR          *float64           `json:"purchase_apr"`
	CashAPR              *float64           `json:"cash_apr"`
	BalanceTransferAPR   *float64           `json:"balance_transfer_apr"`
	SpecialAPR           *float64           `json:"special_apr"`
	LastPaymentAmount    *float64           `json:"last_payment_amount"`
	MinimumPaymentAmount *float64           `json:"minimum_payment_amount"`
	IsOverdue            *bool              `json:"is_overdue"`
	OriginationDate      string             `json:"origination_date"`
	Principal            *float64           `json:"principal"`
	NominalAPR           *float64           `json:"nominal_apr"`
	RepaymentModel       *repaymentModel    `json:"repayment_model"`
	ExpectedPayoffDate   string             `json:"expected_payoff_date"`
	Guarantor            string             `json:"guarantor"`
	IsFederal            *bool              `json:"is_federal"`
	LoanName             string             `json:"loan_name"`
	LoanStatus           *loanStatusJSON    `json:"loan_status"`
	PaymentReference     string             `json:"payment_reference_number"`
	PSLFStatus           *pslfStatusJSON    `json:"pslf_status"`
	RepaymentPlanDesc    string             `json:"repayment_plan_description"`
	RepaymentPlanType    string             `json:"repayment_plan_type"`
	SequenceNumber       string             `json:"sequence_number"`
	ServicerAddress      *servicerAddressIn `json:"servicer_address"`
}

type repaymentModel struct {
	Type               string   `json:"type"`
	NonRepaymentMonths *float64 `json:"non_repayment_months"`
	RepaymentMonths    *float64 `json:"repayment_months"`
}

// servicerAddressIn is the Address a configuration gives: {data: {...}, primary}.
type servicerAddressIn struct {
	Data struct {
		City       string `json:"city"`
		Region     string `json:"region"`
		Street     string `json:"street"`
		PostalCode string `json:"postal_code"`
		Country    string `json:"country"`
	} `json:"data"`
}

// investmentTxnTypes are the types a configured investment transaction takes.
var investmentTxnTypes = []string{"buy", "sell", "cash", "fee", "transfer"}

// investmentsProblem checks one account's holdings and investment transactions.
func (o *overrideAccount) investmentsProblem() string {
	for i, h := range o.Holdings {
		switch {
		case h.Quantity == nil || h.InstitutionPrice == nil:
			return fmt.Sprintf("holdings[%d] needs quantity and institution_price", i)
		case !customCurrencyPattern.MatchString(h.Currency):
			return fmt.Sprintf("holdings[%d].currency %q is not an ISO 4217 code such as USD", i, h.Currency)
		case h.InstitutionPriceAsOf != "" && !isDate(h.InstitutionPriceAsOf):
			return fmt.Sprintf("holdings[%d].institution_price_as_of %q is not a date (YYYY-MM-DD)", i, h.InstitutionPriceAsOf)
		}
		if msg := h.Security.problem(); msg != "" {
			return fmt.Sprintf("holdings[%d].security %s", i, msg)
		}
	}
	for i, t := range o.InvestmentTransactions {
		switch {
		case !isDate(t.Date):
			return fmt.Sprintf("investment_transactions[%d].date %q is not a date (YYYY-MM-DD)", i, t.Date)
		case t.Quantity == nil || t.Price == nil:
			return fmt.Sprintf("investment_transactions[%d] needs quantity and price", i)
		case !contains(investmentTxnTypes, t.Type):
			return fmt.Sprintf("investment_transactions[%d].type %q is not one of: buy, sell, cash, fee, transfer", i, t.Type)
		}
		if msg := t.Security.problem(); msg != "" {
			return fmt.Sprintf("investment_transactions[%d].security %s", i, msg)
		}
	}
	return ""
}

func (s securityOverride) problem() string {
	if s.TickerSymbol == "" && s.CUSIP == "" && s.ISIN == "" {
		return "needs a ticker_symbol, cusip or isin"
	}
	return ""
}

// liabilityProblem checks the liability against the account it is configured on: Plaid's
// custom users model credit cards and student loans only.
func (o *overrideAccount) liabilityProblem() string {
	l := o.Liability
	if l == nil {
		return ""
	}
	switch {
	case l.Type == "credit" && o.Type != "credit":
		return "liability.type credit needs an account of type credit"
	case l.Type == "student" && (o.Type != "loan" || o.Subtype != "student"):
		return "liability.type student needs an account of type loan and subtype student"
	case l.Type != "credit" && l.Type != "student":
		return fmt.Sprintf("liability.type %q is not credit or student (the sandbox cannot configure mortgages)", l.Type)
	}
	for _, d := range []struct{ name, v string }{{"origination_date", l.OriginationDate}, {"expected_payoff_date", l.ExpectedPayoffDate}} {
		if d.v != "" && !isDate(d.v) {
			return fmt.Sprintf("liability.%s %q is not a date (YYYY-MM-DD)", d.name, d.v)
		}
	}
	if s := l.LoanStatus; s != nil && !contains(loanStatuses, s.Type) {
		return fmt.Sprintf("liability.loan_status.type %q is not a student loan status Plaid reports", s.Type)
	}
	if t := l.RepaymentPlanType; t != "" && !contains(repaymentPlanTypes, t) {
		return fmt.Sprintf("liability.repayment_plan_type %q is not a repayment plan Plaid reports", t)
	}
	return ""
}

func isDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}
