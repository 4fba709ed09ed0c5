package emulator

import (
	"slices"
	"strings"
	"unicode"
)

// /identity/match and /processor/identity/match score what the app or partner knows about the user against the account
// holder the bank reports (sandboxOwner). Plaid does not publish its scoring; the rules here
// are the emulator's own, chosen to land in the bands Plaid documents (100 exact, 85-99 strong,
// 70-84 partial, below 70 a mismatch) for the cases a test would try: an exact copy scores
// 100, a dropped middle name is strong, a shared surname alone is a mismatch with the family
// flag set, anything else 0. A field the request leaves out is scored null.

type identityMatchUser struct {
	LegalName    string       `json:"legal_name"`
	PhoneNumber  string       `json:"phone_number"`
	EmailAddress string       `json:"email_address"`
	Address      *addressData `json:"address"`
}

type nameMatchJSON struct {
	Score                      int  `json:"score"`
	IsFirstNameOrLastNameMatch bool `json:"is_first_name_or_last_name_match"`
	IsNicknameMatch            bool `json:"is_nickname_match"`
	IsBusinessNameDetected     bool `json:"is_business_name_detected"`
}

type scoreJSON struct {
	Score int `json:"score"`
}

type addressMatchJSON struct {
	Score             int  `json:"score"`
	IsPostalCodeMatch bool `json:"is_postal_code_match"`
}

// nullBalances: identity match never reports balances; every field is null.
type nullBalances struct {
	Available              *float64 `json:"available"`
	Current                *float64 `json:"current"`
	Limit                  *float64 `json:"limit"`
	IsoCurrencyCode        *string  `json:"iso_currency_code"`
	UnofficialCurrencyCode *string  `json:"unofficial_currency_code"`
}

// identityMatchAccountJSON is AccountIdentityMatchScore; its Balances hides accountJSON's.
type identityMatchAccountJSON struct {
	accountJSON
	Balances     nullBalances      `json:"balances"`
	LegalName    *nameMatchJSON    `json:"legal_name"`
	PhoneNumber  *scoreJSON        `json:"phone_number"`
	EmailAddress *scoreJSON        `json:"email_address"`
	Address      *addressMatchJSON `json:"address"`
}

type processorIdentityMatchResponse struct {
	Account   identityMatchAccountJSON `json:"account"`
	RequestID string                   `json:"request_id"`
}

func (e *Emulator) processorIdentityMatch(q *apiRequest) (any, *apiError) {
	var req struct {
		User identityMatchUser `json:"user"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	_, a, perr := e.partnerRead(q, "identity_match")
	if perr != nil {
		return nil, perr
	}
	return processorIdentityMatchResponse{Account: matchIdentity(a.json(), req.User, a.owner()), RequestID: q.requestID}, nil
}

// matchIdentity scores each field the user sent against the owner's.
func matchIdentity(acct accountJSON, u identityMatchUser, owner ownerJSON) identityMatchAccountJSON {
	out := identityMatchAccountJSON{accountJSON: acct}
	if u.LegalName != "" {
		out.LegalName = matchName(u.LegalName, owner.Names)
	}
	if u.PhoneNumber != "" {
		out.PhoneNumber = &scoreJSON{}
		for _, p := range owner.PhoneNumbers {
			if phoneDigits(p.Data) == phoneDigits(u.PhoneNumber) {
				out.PhoneNumber.Score = 100
			}
		}
	}
	if u.EmailAddress != "" {
		out.EmailAddress = &scoreJSON{}
		for _, m := range owner.Emails {
			if strings.EqualFold(strings.TrimSpace(m.Data), strings.TrimSpace(u.EmailAddress)) {
				out.EmailAddress.Score = 100
			}
		}
	}
	if u.Address != nil && *u.Address != (addressData{}) {
		out.Address = &addressMatchJSON{}
		for _, ad := range owner.Addresses {
			if m := matchAddress(*u.Address, ad.Data); m.Score >= out.Address.Score {
				out.Address = &m
			}
		}
	}
	return out
}

func matchName(given string, names []string) *nameMatchJSON {
	g := words(given)
	best := &nameMatchJSON{IsBusinessNameDetected: hasBusinessWord(g)}
	g = slices.DeleteFunc(g, isBusinessWord) // "Charleson LLC" is compared as "Charleson"
	for _, n := range names {
		o := words(n)
		if len(g) == 0 || len(o) == 0 {
			continue
		}
		firstOK, lastOK := g[0] == o[0], g[len(g)-1] == o[len(o)-1]
		score := 0
		switch {
		case strings.Join(g, " ") == strings.Join(o, " "):
			score = 100
		case firstOK && lastOK:
			score = 90 // a middle name added, dropped or changed
		case firstOK || lastOK:
			score = 40
		}
		if score >= best.Score {
			best.Score, best.IsFirstNameOrLastNameMatch = score, score < 90 && (firstOK || lastOK)
		}
	}
	return best
}

func matchAddress(given, owner addressData) addressMatchJSON {
	postal := given.PostalCode != "" && zip5(given.PostalCode) == zip5(owner.PostalCode)
	street := given.Street != "" && strings.Join(words(given.Street), " ") == strings.Join(words(owner.Street), " ")
	city := strings.EqualFold(strings.TrimSpace(given.City), owner.City)
	region := strings.EqualFold(strings.TrimSpace(given.Region), owner.Region)
	m := addressMatchJSON{IsPostalCodeMatch: postal}
	switch {
	case street && postal && city && region:
		m.Score = 100
	case street && (postal || city):
		m.Score = 90
	case postal:
		m.Score = 50
	}
	return m
}

// words lower-cases s and splits it into runs of letters and digits.
func words(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
}

func hasBusinessWord(ws []string) bool { return slices.ContainsFunc(ws, isBusinessWord) }

func isBusinessWord(w string) bool {
	switch w {
	case "llc", "inc", "corp", "ltd", "co", "company", "corporation":
		return true
	}
	return false
}

// phoneDigits keeps a US number's ten digits, dropping the country code.
func phoneDigits(s string) string {
	d := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	if len(d) == 11 && d[0] == '1' {
		d = d[1:]
	}
	return d
}

func zip5(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 5 {
		s = s[:5]
	}
	return s
}

type identityMatchResponse struct {
	Accounts  []identityMatchAccountJSON `json:"accounts"`
	Item      itemJSON                   `json:"item"`
	RequestID string                     `json:"request_id"`
}

// identityMatch is /identity/match: each account the request names (every shared one by
// default) scored as /processor/identity/match scores the partner's one.
func (e *Emulator) identityMatch(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string            `json:"access_token"`
		User        identityMatchUser `json:"user"`
		Options     struct {
			AccountIDs []string `json:"account_ids"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := checkAccountIDs("options.account_ids", req.Options.AccountIDs); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.readAccounts(accountsRequest{AccessToken: req.AccessToken, Options: req.Options})
	if perr != nil {
		return nil, perr
	}
	resp := identityMatchResponse{Accounts: []identityMatchAccountJSON{}, Item: it.json(q.requestID), RequestID: q.requestID}
	for _, a := range accounts {
		resp.Accounts = append(resp.Accounts, matchIdentity(a.json(), req.User, a.owner()))
	}
	return resp, nil
}
