package emulator

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// What a custom user's override_accounts make of an Item's accounts, and the checks on them.

// customSubtypes are the subtypes the sandbox takes for each override type (Plaid's account
// type/subtype table); a subtype outside its type's list makes the login fail, as Plaid's does.
var customSubtypes = map[string][]string{
	"depository": {"cash management", "cd", "checking", "ebt", "hsa", "money market", "paypal", "prepaid", "savings"},
	"credit":     {"credit card", "paypal"},
	"loan": {"auto", "business", "commercial", "construction", "consumer", "home equity", "line of credit", "loan",
		"mortgage", "other", "overdraft", "student"},
	"investment": {"401a", "401k", "403B", "457b", "529", "brokerage", "cash isa", "crypto exchange",
		"education savings account", "fhsa", "fixed annuity", "gic", "health reimbursement arrangement", "hsa", "ira",
		"isa", "keogh", "lif", "life insurance", "lira", "lrif", "lrsp", "mutual fund", "non-custodial wallet",
		"non-taxable brokerage account", "other", "other annuity", "other insurance", "pension", "prif",
		"profit sharing plan", "qshr", "rdsp", "resp", "retirement", "rlif", "roth", "roth 401k", "rrif", "rrsp",
		"sarsep", "sep ira", "simple ira", "sipp", "stock plan", "tfsa", "thrift savings plan", "trust", "ugma",
		"utma", "variable annuity"},
	"other": {"other"},
}

var (
	customMaskPattern     = regexp.MustCompile(`^$|^[A-Za-z0-9]{2,4}$`)
	customCurrencyPattern = regexp.MustCompile(`^[A-Z]{3}$`)
	customPhoneTypes      = []string{"home", "work", "office", "mobile", "mobile1", "other"}
	customEmailTypes      = []string{"primary", "secondary", "other"}
)

// problem is the first thing wrong with one override account, "" when it is usable.
func (o *overrideAccount) problem() string {
	subs, ok := customSubtypes[o.Type]
	switch {
	case o.Type == "":
		return "type is missing; give one of depository, credit, loan, investment, other"
	case !ok:
		return fmt.Sprintf("type %q is not one the sandbox takes (depository, credit, loan, investment, other)", o.Type)
	case o.Subtype == "":
		return "subtype is missing; for " + o.Type + " give one of: " + strings.Join(subs, ", ")
	case !contains(subs, o.Subtype):
		return fmt.Sprintf("subtype %q is not a %s subtype; give one of: %s", o.Subtype, o.Type, strings.Join(subs, ", "))
	case o.ForceAvailableBalance != nil && o.HasNullAvailableBalance:
		return "force_available_balance and has_null_available_balance cannot both be set"
	case o.Currency != "" && !customCurrencyPattern.MatchString(o.Currency):
		return fmt.Sprintf("currency %q is not an ISO 4217 code such as USD", o.Currency)
	case o.Meta.Mask != nil && !customMaskPattern.MatchString(*o.Meta.Mask):
		return fmt.Sprintf("meta.mask %q must be empty or 2 to 4 letters and digits", *o.Meta.Mask)
	}
	return o.detailProblem()
}

// detailProblem checks the numbers, owners and transactions.
func (o *overrideAccount) detailProblem() string {
	n := o.Numbers
	switch {
	case (n.EFTInstitution == "") != (n.EFTBranch == ""):
		return "numbers.eft_institution and numbers.eft_branch go together: give both or neither"
	case (n.InternationalIBAN == "") != (n.InternationalBIC == ""):
		return "numbers.international_iban and numbers.international_bic go together: give both or neither"
	case n.ACHRouting != "" && !routingPattern.MatchString(n.ACHRouting):
		return fmt.Sprintf("numbers.ach_routing %q is not a 9-digit routing number", n.ACHRouting)
	case n.ACHWireRouting != "" && !routingPattern.MatchString(n.ACHWireRouting):
		return fmt.Sprintf("numbers.ach_wire_routing %q is not a 9-digit routing number", n.ACHWireRouting)
	}
	if id := o.Identity; id != nil {
		for i, p := range id.PhoneNumbers {
			if !contains(customPhoneTypes, p.Type) {
				return fmt.Sprintf("identity.phone_numbers[%d].type %q is not one of: %s", i, p.Type, strings.Join(customPhoneTypes, ", "))
			}
		}
		for i, e := range id.Emails {
			if !contains(customEmailTypes, e.Type) {
				return fmt.Sprintf("identity.emails[%d].type %q is not one of: %s", i, e.Type, strings.Join(customEmailTypes, ", "))
			}
		}
	}
	for i, t := range o.Transactions {
		for _, d := range []struct{ name, v string }{{"date_transacted", t.DateTransacted}, {"date_posted", t.DatePosted}} {
			if _, err := time.Parse(time.DateOnly, d.v); err != nil {
				return fmt.Sprintf("transactions[%d].%s %q is not a date (YYYY-MM-DD)", i, d.name, d.v)
			}
		}
		if t.Amount == nil {
			return fmt.Sprintf("transactions[%d].amount is missing", i)
		}
	}
	if msg := o.investmentsProblem(); msg != "" {
		return msg
	}
	return o.liabilityProblem()
}

var routingPattern = regexp.MustCompile(`^[0-9]{9}$`)

// problem checks the mfa block; questions need their counts, as Plaid's reference says.
func (m *customMFA) problem() string {
	switch m.Type {
	case "device", "selections":
	case "questions":
		if m.QuestionRounds == nil || m.QuestionsPerRound == nil {
			return "mfa of type questions needs question_rounds and questions_per_round"
		}
	default:
		return fmt.Sprintf("mfa.type %q is not device, selections or questions", m.Type)
	}
	for _, c := range []struct {
		name string
		v    *float64
		min  float64
	}{{"question_rounds", m.QuestionRounds, 1}, {"questions_per_round", m.QuestionsPerRound, 1},
		{"selection_rounds", m.SelectionRounds, 1}, {"selections_per_question", m.SelectionsPerQuestion, 2}} {
		if c.v != nil && (*c.v != float64(int(*c.v)) || *c.v < c.min || *c.v > 9) {
			return fmt.Sprintf("mfa.%s must be a whole number from %v to 9", c.name, c.min)
		}
	}
	return ""
}

// challenge is the security check the configuration asks Link for, nil for none. Selections
// default to 1 round of 2 questions with 2 answers each (Plaid's defaults).
func (cu *customUser) challenge() *linkMFAChallenge {
	m := cu.MFA
	if m == nil {
		return nil
	}
	count := func(v *float64, def int) int {
		if v == nil {
			return def
		}
		return int(*v)
	}
	switch m.Type {
	case "device":
		return &linkMFAChallenge{Type: "device", Rounds: 1, PerRnd: 1, Round: 1}
	case "selections":
		return &linkMFAChallenge{Type: "selections", Rounds: count(m.SelectionRounds, 1), PerRnd: count(m.QuestionsPerRound, 2),
			Choices: count(m.SelectionsPerQuestion, 2), Round: 1, FirstIndex: 0}
	}
	return &linkMFAChallenge{Type: "questions", Rounds: count(m.QuestionRounds, 1), PerRnd: count(m.QuestionsPerRound, 1),
		Round: 1, FirstIndex: 0}
}

// customDefaultAccounts are what a configuration without override_accounts gets: a checking
// and a savings account (Plaid's would have random balances; these are user_good's).
var customDefaultAccounts = []overrideAccount{
	{Type: "depository", Subtype: "checking"},
	{Type: "depository", Subtype: "savings"},
}

// template is the account as user_good's template shape: the Item's account keeps it and a
// pointer to the override for what is derived later (numbers, owners, currency).
func (o *overrideAccount) template(i int) accountTemplate {
	t := accountTemplate{name: o.Meta.Name, officialName: o.Meta.OfficialName, typ: o.Type, subtype: o.Subtype}
	if t.name == "" {
		t.name = "Plaid " + titleWords(o.Subtype)
	}
	t.mask = fmt.Sprintf("%d%d%d%d", i%10, i%10, i%10, i%10)
	if o.Meta.Mask != nil {
		t.mask = *o.Meta.Mask
	}
	current := 100.0 * float64(i+1)
	if o.StartingBalance != nil {
		current = *o.StartingBalance
	}
	t.current, t.limit = money(current), copyMoney(o.Meta.Limit)
	switch {
	case o.HasNullAvailableBalance:
	case o.ForceAvailableBalance != nil:
		t.available = money(*o.ForceAvailableBalance)
	case o.Type == "depository":
		t.available = money(current)
	case o.Type == "credit" && t.limit != nil:
		t.available = money(*t.limit - current)
	}
	return t
}

func titleWords(s string) string {
	words := strings.Fields(s)
	for i, w := range words {
		words[i] = strings.ToUpper(w[:1]) + w[1:]
	}
	return strings.Join(words, " ")
}
