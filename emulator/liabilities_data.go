package emulator

import (
	"fmt"
	"math"
	"regexp"
	"time"
)

// What user_good's credit cards, student loan and mortgage owe, derived on each call from the
// account's balance, the Item (its id seeds the account numbers, its link date dates the loans)
// and the day: due dates follow the calendar, the credit card's last payment is the payment its
// generated transactions show, and the loans' figures follow their amortization. A custom
// user's liability override replaces what it gives.

// loanTerms are what a loan's figures are computed from.
type loanTerms struct {
	origination int     // day lent
	grace       int     // months before repayment starts
	months      int     // months of repayment
	principal   float64 // lent
	rate        float64 // nominal APR, percent
	dueDay      int     // day of the month payments are due
}

// payment is the monthly payment that pays the loan off over its months.
func (t loanTerms) payment() float64 {
	r := t.rate / 100 / 12
	if r == 0 {
		return roundTo(t.principal/float64(t.months), 2)
	}
	return roundTo(t.principal*r/(1-math.Pow(1+r, -float64(t.months))), 2)
}

func (t loanTerms) repaymentStart() int { return addMonths(t.origination, t.grace) }

func (t loanTerms) payoff() int { return addMonths(t.repaymentStart(), t.months) }

// addMonths is day d moved by n calendar months.
func addMonths(d, n int) int {
	return epochDay(time.Unix(int64(d)*86400, 0).UTC().AddDate(0, n, 0))
}

// lastOn is the latest day up to today that falls on day dom of its month; nextAfter the
// earliest after today.
func lastOn(today, dom int) int {
	t := time.Unix(int64(today)*86400, 0).UTC()
	d := time.Date(t.Year(), t.Month(), dom, 0, 0, 0, 0, time.UTC)
	if d.After(t) {
		d = d.AddDate(0, -1, 0)
	}
	return epochDay(d)
}

func nextAfter(today, dom int) int { return addMonths(lastOn(today, dom), 1) }

// paidThisYear is how many monthly payments due on day dom were due this year up to today.
func paidThisYear(today, dom int) int {
	t := time.Unix(int64(today)*86400, 0).UTC()
	n := int(t.Month()) - 1
	if t.Day() >= dom {
		n++
	}
	return n
}

// yearsBefore is the given month and day, years before the year of day d.
func yearsBefore(d, years int, month time.Month, day int) int {
	y := time.Unix(int64(d)*86400, 0).UTC().Year()
	return epochDay(time.Date(y-years, month, day, 0, 0, 0, 0, time.UTC))
}

// accountNumber is a loan's 10-digit account number, from the Item's id and the account.
func (it *item) accountNumber(a *account) string {
	return fmt.Sprintf("%010d", it.accountKey(a, "liabilities")[0]%10000000000)
}

type aprJSON struct {
	APRPercentage        float64  `json:"apr_percentage"`
	APRType              string   `json:"apr_type"`
	BalanceSubjectToAPR  *float64 `json:"balance_subject_to_apr"`
	InterestChargeAmount *float64 `json:"interest_charge_amount"`
}

type creditLiabilityJSON struct {
	AccountID              *string   `json:"account_id"`
	APRs                   []aprJSON `json:"aprs"`
	IsOverdue              *bool     `json:"is_overdue"`
	LastPaymentAmount      *float64  `json:"last_payment_amount"`
	LastPaymentDate        *string   `json:"last_payment_date"`
	LastStatementIssueDate *string   `json:"last_statement_issue_date"`
	LastStatementBalance   *float64  `json:"last_statement_balance"`
	MinimumPaymentAmount   *float64  `json:"minimum_payment_amount"`
	NextPaymentDueDate     *string   `json:"next_payment_due_date"`
}

// aprInName reads the purchase APR a card's official name states ("... 12.5% APR ...").
var aprInName = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)% APR`)

// The card's cycle: statements on the 27th, payment due on the 22nd of the next month, the day
// the payment its generated transactions make on the 20th posts.
const (
	statementDay = 27
	cardDueDay   = 22
)

// creditLiability is a credit card's liability on day today.
func (it *item) creditLiability(a *account, today int) creditLiabilityJSON {
	owed := *a.current
	var o liabilityOverride
	if a.over != nil && a.over.Liability != nil {
		o = *a.over.Liability
	}
	purchase := 19.99
	if m := aprInName.FindStringSubmatch(a.officialName); m != nil {
		fmt.Sscan(m[1], &purchase)
	}
	shares := []struct {
		typ   string
		apr   float64
		given *float64
		share float64
	}{{"balance_transfer_apr", 15.24, o.BalanceTransferAPR, 0.15}, {"cash_apr", 27.95, o.CashAPR, 0.05},
		{"purchase_apr", purchase, o.PurchaseAPR, 0.8}, {"special", 0, o.SpecialAPR, 0}}
	j := creditLiabilityJSON{AccountID: nullable(a.id), APRs: []aprJSON{}, IsOverdue: boolOr(o.IsOverdue, false),
		LastStatementBalance: money(owed)}
	interest := 0.0
	for _, s := range shares {
		apr := s.apr
		if s.given != nil {
			apr = *s.given
		}
		bal := roundTo(owed*s.share, 2)
		charge := roundTo(bal*apr/100/12, 2)
		interest += charge
		j.APRs = append(j.APRs, aprJSON{APRPercentage: apr, APRType: s.typ, BalanceSubjectToAPR: money(bal), InterestChargeAmount: money(charge)})
	}
	statement, paid := lastOn(today, statementDay), lastOn(today, cardDueDay)
	j.LastStatementIssueDate, j.LastPaymentDate = nullable(dayDate(statement)), nullable(dayDate(paid))
	j.NextPaymentDueDate = nullable(dayDate(nextAfter(statement, cardDueDay)))
	j.MinimumPaymentAmount = floatOr(o.MinimumPaymentAmount, math.Min(owed, math.Max(25, roundTo(owed*0.01+interest, 2))))
	j.LastPaymentAmount = floatOr(o.LastPaymentAmount, it.cardPaymentPosted(a, paid, owed))
	return j
}

// cardPaymentPosted is the payment the card's generated transactions show posted on day d; a
// card without generated history (a custom user's with configured transactions) paid a tenth
// of what it owes.
func (it *item) cardPaymentPosted(a *account, d int, owed float64) float64 {
	if txnKind(a) == "credit" && it.configured(a) == nil {
		for _, t := range generatedDay(a, it.accountKey(a, "transactions"), d-2) {
			if t.m == &cardPayment && t.postDay == d {
				return -t.amount
			}
		}
	}
	return roundTo(owed/10, 2)
}

func boolOr(v *bool, def bool) *bool {
	if v != nil {
		return v
	}
	return &def
}

func floatOr(v *float64, def float64) *float64 {
	if v != nil {
		return v
	}
	return money(def)
}
