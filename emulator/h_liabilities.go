package emulator

// The Liabilities product: /liabilities/get for the Item's credit cards, student loans and
// mortgages, and the partner's /processor/liabilities/get for the one account of a processor
// token. The data is derived from the Item and the day (liabilities_data.go); nothing is
// stored. An Item without the product answers as productItem says (h_investments.go).

// liabilitiesJSON is LiabilitiesObject. A kind the accounts have none of is an empty list: the
// spec allows null too, but Plaid's quickstart reads credit without a null check, and Link's
// Account Select may leave an Item without a card.
type liabilitiesJSON struct {
	Credit   []creditLiabilityJSON   `json:"credit"`
	Mortgage []mortgageLiabilityJSON `json:"mortgage"`
	Student  []studentLoanJSON       `json:"student"`
}

// liabilityKind says which list of liabilities an account of this type and subtype is in, ""
// for none: Plaid's Liabilities reads credit cards (and PayPal credit), student loans and
// mortgages.
func liabilityKind(typ, subtype string) string {
	switch {
	case typ == "credit" && (subtype == "credit card" || subtype == "paypal"):
		return "credit"
	case typ == "loan" && subtype == "student":
		return "student"
	case typ == "loan" && subtype == "mortgage":
		return "mortgage"
	}
	return ""
}

func noLiabilities() liabilitiesJSON {
	return liabilitiesJSON{Credit: []creditLiabilityJSON{}, Mortgage: []mortgageLiabilityJSON{}, Student: []studentLoanJSON{}}
}

// add puts account a's liability in its list; false when a has none.
func (l *liabilitiesJSON) add(it *item, a *account, today int) bool {
	switch liabilityKind(a.typ, a.subtype) {
	case "credit":
		l.Credit = append(l.Credit, it.creditLiability(a, today))
	case "student":
		l.Student = append(l.Student, it.studentLoan(a, today))
	case "mortgage":
		l.Mortgage = append(l.Mortgage, it.mortgage(a, today))
	default:
		return false
	}
	return true
}

func noLiabilityAccounts() *apiError {
	return itemError("NO_LIABILITY_ACCOUNTS", "none of the accounts asked for is a credit card, student loan or mortgage, so there are no liabilities to return",
		"No credit cards or loans were found for this connection.")
}

type liabilitiesResponse struct {
	Accounts    []accountJSON   `json:"accounts"`
	Item        itemJSON        `json:"item"`
	Liabilities liabilitiesJSON `json:"liabilities"`
	RequestID   string          `json:"request_id"`
}

// liabilitiesGet lists the accounts asked for (all of them by default, as Plaid does) and the
// liabilities of those that have one.
func (e *Emulator) liabilitiesGet(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.usableItem(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	if perr := productItem(it, "liabilities"); perr != nil {
		return nil, perr
	}
	accounts, perr := it.selectAccounts(req.Options.AccountIDs)
	if perr != nil {
		return nil, perr
	}
	resp := liabilitiesResponse{Accounts: accountsJSON(accounts), Item: it.json(q.requestID), Liabilities: noLiabilities(), RequestID: q.requestID}
	today, found := epochDay(e.now()), false
	for i := range accounts {
		found = resp.Liabilities.add(it, &accounts[i], today) || found
	}
	if !found {
		return nil, noLiabilityAccounts()
	}
	return resp, nil
}

type processorLiabilitiesResponse struct {
	Account     accountJSON     `json:"account"`
	Liabilities liabilitiesJSON `json:"liabilities"`
	RequestID   string          `json:"request_id"`
}

func (e *Emulator) processorLiabilitiesGet(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerRead(q, "liabilities")
	if perr != nil {
		return nil, perr
	}
	if perr := productItem(it, "liabilities"); perr != nil {
		return nil, perr
	}
	resp := processorLiabilitiesResponse{Account: a.json(), Liabilities: noLiabilities(), RequestID: q.requestID}
	if !resp.Liabilities.add(it, &a, epochDay(e.now())) {
		return nil, noLiabilityAccounts()
	}
	return resp, nil
}
