package emulator

// accountTemplate is one of user_good's Sandbox accounts; every Item gets fresh IDs for them.
type accountTemplate struct {
	name, officialName, mask, typ, subtype string
	available, current, limit              *float64
}

func money(v float64) *float64 { return &v }

// userGoodAccounts are the twelve accounts Plaid's Sandbox gives user_good, with its balances.
var userGoodAccounts = []accountTemplate{
	{"Plaid Checking", "Plaid Gold Standard 0% Interest Checking", "0000", "depository", "checking", money(100), money(110), nil},
	{"Plaid Saving", "Plaid Silver Standard 0.1% Interest Saving", "1111", "depository", "savings", money(200), money(210), nil},
	{"Plaid CD", "Plaid Bronze Standard 0.2% Interest CD", "2222", "depository", "cd", nil, money(1000), nil},
	{"Plaid Credit Card", "Plaid Diamond 12.5% APR Interest Credit Card", "3333", "credit", "credit card", nil, money(410), money(2000)},
	{"Plaid Money Market", "Plaid Platinum Standard 1.85% Interest Money Market", "4444", "depository", "money market", money(43200), money(43200), nil},
	{"Plaid IRA", "", "5555", "investment", "ira", nil, money(320.76), nil},
	{"Plaid 401k", "", "6666", "investment", "401k", nil, money(23631.9805), nil},
	{"Plaid Student Loan", "", "7777", "loan", "student", nil, money(65262), nil},
	{"Plaid Mortgage", "", "8888", "loan", "mortgage", nil, money(56302.06), nil},
	{"Plaid HSA", "Plaid Cares Health Savings Account", "9001", "depository", "hsa", money(6009), money(6009), nil},
	{"Plaid Cash Management", "Plaid Growth Cash Management", "9002", "depository", "cash management", money(12060), money(12060), nil},
	{"Plaid Business Credit Card", "Plaid Platinum Small Business Credit Card", "9999", "credit", "credit card", nil, money(5020), money(10000)},
}

// account is one account of an Item. A custom user's account points at its override (shared
// with the Item's other accounts' configuration) for what is derived from it on each read.
type account struct {
	id           string
	index        uint16 // its place in the login's accounts, which its id is derived from
	verification string // the Item's verification_status (auth_verify.go); "": null
	accountTemplate
	over *overrideAccount
}

// view copies the balances so that Link can never write through to the shared template.
func (a account) view() accountView {
	return accountView{ID: a.id, Name: a.name, Mask: a.mask, Type: a.typ, Subtype: a.subtype, Verification: a.verification,
		Available: copyMoney(a.available), Current: copyMoney(a.current)}
}

func copyMoney(v *float64) *float64 {
	if v == nil {
		return nil
	}
	return money(*v)
}

// debitable says whether money can be pulled from the account over ACH: Plaid's money-movement
// partners need a depository account; credit, loans and investments are refused.
func (a account) debitable() bool { return a.typ == "depository" }

// hasACHNumbers says whether /auth/get returns account and routing numbers for the account.
// A custom account with configured ACH numbers has them whatever its subtype.
func (a account) hasACHNumbers() bool {
	if a.over != nil && (a.over.Numbers.Account != "" || a.over.Numbers.ACHRouting != "") {
		return true
	}
	return a.typ == "depository" && (a.subtype == "checking" || a.subtype == "savings" || a.subtype == "cash management")
}

// currency is the account's ISO currency: USD unless a custom user's configuration says.
func (a account) currency() string {
	if a.over != nil && a.over.Currency != "" {
		return a.over.Currency
	}
	return "USD"
}

// accountJSON is AccountBase on the wire.
type accountJSON struct {
	AccountID    string      `json:"account_id"`
	Balances     balanceJSON `json:"balances"`
	Mask         string      `json:"mask"`
	Name         string      `json:"name"`
	OfficialName *string     `json:"official_name"`
	Type         string      `json:"type"`
	Subtype      string      `json:"subtype"`
	// VerificationStatus is set only for accounts of a micro-deposit flow, as Plaid does.
	VerificationStatus string `json:"verification_status,omitempty"`
}

type balanceJSON struct {
	Available              *float64 `json:"available"`
	Current                *float64 `json:"current"`
	Limit                  *float64 `json:"limit"`
	IsoCurrencyCode        string   `json:"iso_currency_code"`
	UnofficialCurrencyCode *string  `json:"unofficial_currency_code"`
}

func (a account) json() accountJSON {
	j := accountJSON{
		AccountID: a.id, Mask: a.mask, Name: a.name, Type: a.typ, Subtype: a.subtype, VerificationStatus: a.verification,
		Balances: balanceJSON{Available: a.available, Current: a.current, Limit: a.limit, IsoCurrencyCode: a.currency()},
	}
	if a.officialName != "" {
		n := a.officialName
		j.OfficialName = &n
	}
	return j
}
