package emulator

// ownerJSON is Plaid's Owner object.
type ownerJSON struct {
	Names        []string      `json:"names"`
	PhoneNumbers []contactJSON `json:"phone_numbers"`
	Emails       []contactJSON `json:"emails"`
	Addresses    []addressJSON `json:"addresses"`
}

type contactJSON struct {
	Data    string `json:"data"`
	Primary bool   `json:"primary"`
	Type    string `json:"type"`
}

type addressJSON struct {
	Data    addressData `json:"data"`
	Primary bool        `json:"primary"`
}

type addressData struct {
	City       string `json:"city"`
	Region     string `json:"region"`
	Street     string `json:"street"`
	PostalCode string `json:"postal_code"`
	Country    string `json:"country"`
}

// sandboxOwner is the account holder the Sandbox reports for user_good's accounts.
func sandboxOwner() ownerJSON {
	return ownerJSON{
		Names: []string{"Alberta Bobbeth Charleson"},
		PhoneNumbers: []contactJSON{
			{Data: "1112223333", Primary: false, Type: "home"},
			{Data: "1112224444", Primary: false, Type: "work"},
			{Data: "1112225555", Primary: false, Type: "mobile"},
		},
		Emails: []contactJSON{
			{Data: "accountholder0@example.com", Primary: true, Type: "primary"},
			{Data: "accountholder1@example.com", Primary: false, Type: "secondary"},
			{Data: "extraordinarily.long.email.username.123456@reallylonghostname.com", Primary: false, Type: "other"},
		},
		Addresses: []addressJSON{
			{Data: addressData{City: "Malakoff", Region: "NY", Street: "2992 Cameron Road", PostalCode: "14236", Country: "US"}, Primary: true},
			{Data: addressData{City: "San Matias", Region: "CA", Street: "2493 Leisure Lane", PostalCode: "93405-2255", Country: "US"}, Primary: false},
		},
	}
}

type identityAccountJSON struct {
	accountJSON
	Owners []ownerJSON `json:"owners"`
}

type identityResponse struct {
	Accounts  []identityAccountJSON `json:"accounts"`
	Item      itemJSON              `json:"item"`
	RequestID string                `json:"request_id"`
}

func (e *Emulator) identityGet(q *apiRequest) (any, *apiError) {
	req, perr := decodeAccountsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.readAccounts(req)
	if perr != nil {
		return nil, perr
	}
	if it.institution.Manual {
		return nil, typedInProduct("identity")
	}
	resp := identityResponse{Accounts: []identityAccountJSON{}, Item: it.json(q.requestID), RequestID: q.requestID}
	for _, a := range accounts {
		resp.Accounts = append(resp.Accounts, identityAccountJSON{accountJSON: a.json(), Owners: []ownerJSON{a.owner()}})
	}
	return resp, nil
}
