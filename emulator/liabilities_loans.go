package emulator

import (
	"strconv"
	"time"
)

// user_good's student loan and mortgage, and a custom user's student loan.

type loanStatusJSON struct {
	EndDate *string `json:"end_date"`
	Type    string  `json:"type"`
}

type pslfStatusJSON struct {
	EstimatedEligibilityDate *string `json:"estimated_eligibility_date"`
	PaymentsMade             *int    `json:"payments_made"`
	PaymentsRemaining        *int    `json:"payments_remaining"`
}

type repaymentPlanJSON struct {
	Description *string `json:"description"`
	Type        *string `json:"type"`
}

// postalAddressJSON is ServicerAddressData and MortgagePropertyAddress (the same fields).
type postalAddressJSON struct {
	City       *string `json:"city"`
	Region     *string `json:"region"`
	Street     *string `json:"street"`
	PostalCode *string `json:"postal_code"`
	Country    *string `json:"country"`
}

func postalAddress(street, city, region, postal string) postalAddressJSON {
	return postalAddressJSON{Street: nullable(street), City: nullable(city), Region: nullable(region), PostalCode: nullable(postal), Country: nullable("US")}
}

// loanStatuses and repaymentPlanTypes are the values v43's spec lists.
var (
	loanStatuses = []string{"cancelled", "charged off", "claim", "consolidated", "deferment", "delinquent", "discharged", "extension",
		"forbearance", "in grace", "in military", "in school", "not fully disbursed", "other", "paid in full", "refunded", "repayment",
		"transferred", "pending idr"}
	repaymentPlanTypes = []string{"extended graduated", "extended standard", "graduated", "income-contingent repayment",
		"income-based repayment", "income-sensitive repayment", "interest-only", "other", "pay as you earn", "revised pay as you earn",
		"standard", "saving on a valuable education"}
)

type studentLoanJSON struct {
	AccountID                  *string           `json:"account_id"`
	AccountNumber              *string           `json:"account_number"`
	DisbursementDates          []string          `json:"disbursement_dates"`
	ExpectedPayoffDate         *string           `json:"expected_payoff_date"`
	Guarantor                  *string           `json:"guarantor"`
	InterestRatePercentage     float64           `json:"interest_rate_percentage"`
	IsOverdue                  *bool             `json:"is_overdue"`
	LastPaymentAmount          *float64          `json:"last_payment_amount"`
	LastPaymentDate            *string           `json:"last_payment_date"`
	LastStatementBalance       *float64          `json:"last_statement_balance"`
	LastStatementIssueDate     *string           `json:"last_statement_issue_date"`
	LoanName                   *string           `json:"loan_name"`
	LoanStatus                 loanStatusJSON    `json:"loan_status"`
	MinimumPaymentAmount       *float64          `json:"minimum_payment_amount"`
	NextPaymentDueDate         *string           `json:"next_payment_due_date"`
	OriginationDate            *string           `json:"origination_date"`
	OriginationPrincipalAmount *float64          `json:"origination_principal_amount"`
	OutstandingInterestAmount  *float64          `json:"outstanding_interest_amount"`
	PaymentReferenceNumber     *string           `json:"payment_reference_number"`
	PSLFStatus                 pslfStatusJSON    `json:"pslf_status"`
	RepaymentPlan              repaymentPlanJSON `json:"repayment_plan"`
	SequenceNumber             *string           `json:"sequence_number"`
	ServicerAddress            postalAddressJSON `json:"servicer_address"`
	YTDInterestPaid            *float64          `json:"ytd_interest_paid"`
	YTDPrincipalPaid           *float64          `json:"ytd_principal_paid"`
}

// studentTerms are a student loan's terms: lent in late August six years before the Item was
// linked, six months' grace, the standard ten-year plan, unless the override says otherwise.
func (it *item) studentTerms(o liabilityOverride) loanTerms {
	t := loanTerms{origination: yearsBefore(epochDay(it.created), 6, time.August, 28), grace: 6, months: 120, principal: 115000, rate: 5.25, dueDay: 28}
	if d, err := time.Parse(time.DateOnly, o.OriginationDate); err == nil {
		t.origination = epochDay(d)
	}
	if m := o.RepaymentModel; m != nil && m.NonRepaymentMonths != nil && m.RepaymentMonths != nil && *m.RepaymentMonths >= 1 {
		t.grace, t.months = int(*m.NonRepaymentMonths), int(*m.RepaymentMonths)
	}
	if o.Principal != nil {
		t.principal = *o.Principal
	}
	if o.NominalAPR != nil {
		t.rate = *o.NominalAPR
	}
	return t
}

// studentLoan is a student loan's liability on day today.
func (it *item) studentLoan(a *account, today int) studentLoanJSON {
	var o liabilityOverride
	if a.over != nil && a.over.Liability != nil {
		o = *a.over.Liability
	}
	t, owed, number := it.studentTerms(o), *a.current, it.accountNumber(a)
	paid, due := lastOn(today, t.dueDay), nextAfter(today, t.dueDay)
	payoff := dayDate(t.payoff())
	made := min(max(monthsBetween(t.repaymentStart(), today), 0), 120)
	pay, monthlyInterest := t.payment(), owed*t.rate/100/12
	ytd := float64(paidThisYear(today, t.dueDay))
	j := studentLoanJSON{AccountID: nullable(a.id), AccountNumber: nullable(number), DisbursementDates: []string{dayDate(t.origination)},
		ExpectedPayoffDate: nullable(firstNonEmpty(o.ExpectedPayoffDate, payoff)), Guarantor: nullable(firstNonEmpty(o.Guarantor, "DEPT OF ED")),
		InterestRatePercentage: t.rate, IsOverdue: boolOr(o.IsOverdue, false), LastPaymentAmount: money(pay), LastPaymentDate: nullable(dayDate(paid)),
		LastStatementBalance: money(owed), LastStatementIssueDate: nullable(dayDate(lastOn(today, 7))),
		LoanName: nullable(firstNonEmpty(o.LoanName, "Direct Unsubsidized Loan")), LoanStatus: loanStatusJSON{EndDate: nullable(payoff), Type: "repayment"},
		MinimumPaymentAmount: floatOr(o.MinimumPaymentAmount, pay), NextPaymentDueDate: nullable(dayDate(due)),
		OriginationDate: nullable(dayDate(t.origination)), OriginationPrincipalAmount: money(t.principal),
		OutstandingInterestAmount: money(roundTo(owed*t.rate/100/365*float64(today-paid), 2)),
		PaymentReferenceNumber:    nullable(firstNonEmpty(o.PaymentReference, number)),
		PSLFStatus: pslfStatusJSON{EstimatedEligibilityDate: nullable(dayDate(addMonths(t.repaymentStart(), 120))),
			PaymentsMade: &made, PaymentsRemaining: ptrInt(120 - made)},
		RepaymentPlan:  repaymentPlanJSON{Description: nullable(firstNonEmpty(o.RepaymentPlanDesc, "Standard Repayment")), Type: nullable(firstNonEmpty(o.RepaymentPlanType, "standard"))},
		SequenceNumber: nullable(firstNonEmpty(o.SequenceNumber, "1")), ServicerAddress: postalAddress("500 Platypus Way", "Madison", "WI", "53703"),
		YTDInterestPaid: money(roundTo(ytd*monthlyInterest, 2)), YTDPrincipalPaid: money(roundTo(ytd*max(pay-monthlyInterest, 0), 2))}
	if s := o.LoanStatus; s != nil {
		j.LoanStatus = *s
	}
	if s := o.PSLFStatus; s != nil {
		j.PSLFStatus = *s
	}
	if s := o.ServicerAddress; s != nil {
		d := s.Data
		j.ServicerAddress = postalAddressJSON{Street: nullable(d.Street), City: nullable(d.City), Region: nullable(d.Region), PostalCode: nullable(d.PostalCode), Country: nullable(d.Country)}
	}
	return j
}

// monthsBetween is how many whole months run from day a to day b.
func monthsBetween(a, b int) int {
	ta, tb := time.Unix(int64(a)*86400, 0).UTC(), time.Unix(int64(b)*86400, 0).UTC()
	n := (tb.Year()-ta.Year())*12 + int(tb.Month()) - int(ta.Month())
	if tb.Day() < ta.Day() {
		n--
	}
	return n
}

func ptrInt(v int) *int { return &v }

type mortgageRateJSON struct {
	Percentage *float64 `json:"percentage"`
	Type       *string  `json:"type"`
}

type mortgageLiabilityJSON struct {
	AccountID                  string            `json:"account_id"`
	AccountNumber              *string           `json:"account_number"`
	CurrentLateFee             *float64          `json:"current_late_fee"`
	EscrowBalance              *float64          `json:"escrow_balance"`
	HasPMI                     *bool             `json:"has_pmi"`
	HasPrepaymentPenalty       *bool             `json:"has_prepayment_penalty"`
	InterestRate               mortgageRateJSON  `json:"interest_rate"`
	LastPaymentAmount          *float64          `json:"last_payment_amount"`
	LastPaymentDate            *string           `json:"last_payment_date"`
	LoanTypeDescription        *string           `json:"loan_type_description"`
	LoanTerm                   *string           `json:"loan_term"`
	MaturityDate               *string           `json:"maturity_date"`
	NextMonthlyPayment         *float64          `json:"next_monthly_payment"`
	NextPaymentDueDate         *string           `json:"next_payment_due_date"`
	OriginationDate            *string           `json:"origination_date"`
	OriginationPrincipalAmount *float64          `json:"origination_principal_amount"`
	PastDueAmount              *float64          `json:"past_due_amount"`
	PropertyAddress            postalAddressJSON `json:"property_address"`
	YTDInterestPaid            *float64          `json:"ytd_interest_paid"`
	YTDPrincipalPaid           *float64          `json:"ytd_principal_paid"`
}

// mortgageEscrow is what each monthly payment puts in escrow for taxes and insurance.
const mortgageEscrow = 385.2

// mortgage is a mortgage's liability on day today: a 15-year fixed loan lent in July eleven
// years before the Item was linked (custom users cannot configure mortgages; theirs get this too).
func (it *item) mortgage(a *account, today int) mortgageLiabilityJSON {
	t := loanTerms{origination: yearsBefore(epochDay(it.created), 11, time.July, 1), months: 180, principal: 200000, rate: 3.5, dueDay: 1}
	owed, pay := *a.current, t.payment()
	monthlyInterest := owed * t.rate / 100 / 12
	ytd := float64(paidThisYear(today, t.dueDay))
	return mortgageLiabilityJSON{AccountID: a.id, AccountNumber: nullable(it.accountNumber(a)), CurrentLateFee: money(0),
		EscrowBalance: money(roundTo(mortgageEscrow*(2+ytd), 2)), // a two-month cushion and this year's payments in
		HasPMI:        boolOr(nil, false), HasPrepaymentPenalty: boolOr(nil, false),
		InterestRate:      mortgageRateJSON{Percentage: money(t.rate), Type: nullable("fixed")},
		LastPaymentAmount: money(roundTo(pay+mortgageEscrow, 2)), LastPaymentDate: nullable(dayDate(lastOn(today, t.dueDay))),
		LoanTypeDescription: nullable("conventional"), LoanTerm: nullable(strconv.Itoa(t.months/12) + " year"),
		MaturityDate: nullable(dayDate(t.payoff())), NextMonthlyPayment: money(roundTo(pay+mortgageEscrow, 2)),
		NextPaymentDueDate: nullable(dayDate(nextAfter(today, t.dueDay))), OriginationDate: nullable(dayDate(t.origination)),
		OriginationPrincipalAmount: money(t.principal), PastDueAmount: money(0),
		PropertyAddress: postalAddress("214 Gingham Lane", "Madison", "WI", "53704"),
		YTDInterestPaid: money(roundTo(ytd*monthlyInterest, 2)), YTDPrincipalPaid: money(roundTo(ytd*(pay-monthlyInterest), 2))}
}
