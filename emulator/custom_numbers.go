package emulator

// A custom user's numbers and owners, derived on each read from the account's override.

type eftNumbers struct {
	AccountID   string `json:"account_id"`
	Account     string `json:"account"`
	Institution string `json:"institution"`
	Branch      string `json:"branch"`
}

type internationalNumbers struct {
	AccountID string `json:"account_id"`
	IBAN      string `json:"iban"`
	BIC       string `json:"bic"`
}

type bacsNumbers struct {
	AccountID string `json:"account_id"`
	Account   string `json:"account"`
	SortCode  string `json:"sort_code"`
}

// withACHOverride replaces the derived ACH numbers with those the configuration gives.
func (a account) withACHOverride(n achNumbers) achNumbers {
	if a.over == nil {
		return n
	}
	c := a.over.Numbers
	if c.Account != "" {
		n.Account = c.Account
	}
	if c.ACHRouting != "" {
		n.Routing = c.ACHRouting
	}
	if c.ACHWireRouting != "" {
		n.WireRouting = nullable(c.ACHWireRouting)
	}
	return n
}

// accountNumber is the number the other schemes report: the configured account number, or the
// IBAN when only that was given (as Plaid's reference says), or one derived from the mask.
func (a account) accountNumber() string {
	switch {
	case a.over != nil && a.over.Numbers.Account != "":
		return a.over.Numbers.Account
	case a.over != nil && a.over.Numbers.InternationalIBAN != "":
		return a.over.Numbers.InternationalIBAN
	}
	return "111122223333" + a.mask
}

// otherNumbers are the EFT, international and BACS numbers a custom account was configured
// with; user_good's accounts have none.
func (a account) otherNumbers() (eft []eftNumbers, intl []internationalNumbers, bacs []bacsNumbers) {
	if a.over == nil {
		return nil, nil, nil
	}
	c := a.over.Numbers
	if c.EFTInstitution != "" {
		eft = append(eft, eftNumbers{AccountID: a.id, Account: a.accountNumber(), Institution: c.EFTInstitution, Branch: c.EFTBranch})
	}
	if c.InternationalIBAN != "" {
		intl = append(intl, internationalNumbers{AccountID: a.id, IBAN: c.InternationalIBAN, BIC: c.InternationalBIC})
	}
	if c.BACSSortCode != "" {
		bacs = append(bacs, bacsNumbers{AccountID: a.id, Account: a.accountNumber(), SortCode: c.BACSSortCode})
	}
	return eft, intl, bacs
}

// hasOtherNumbers says whether /auth/get lists the account for its EFT, international or BACS
// numbers even without ACH ones.
func (a account) hasOtherNumbers() bool {
	if a.over == nil {
		return false
	}
	c := a.over.Numbers
	return c.EFTInstitution != "" || c.InternationalIBAN != "" || c.BACSSortCode != ""
}

// owner is the account holder /identity/get reports: user_good's, with the fields a custom
// account's identity gives replacing the defaults; names are the Item's (see shareNames).
func (a account) owner() ownerJSON {
	o := sandboxOwner()
	if a.over == nil {
		return o
	}
	if a.over.names != nil {
		o.Names = append([]string{}, a.over.names...)
	}
	id := a.over.Identity
	if id == nil {
		return o
	}
	if id.PhoneNumbers != nil {
		o.PhoneNumbers = append([]contactJSON{}, id.PhoneNumbers...)
	}
	if id.Emails != nil {
		o.Emails = append([]contactJSON{}, id.Emails...)
	}
	if id.Addresses != nil {
		o.Addresses = append([]addressJSON{}, id.Addresses...)
	}
	return o
}
