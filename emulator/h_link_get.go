package emulator

import "time"

type linkTokenGetResponse struct {
	LinkToken    string            `json:"link_token"`
	CreatedAt    string            `json:"created_at"`
	Expiration   string            `json:"expiration"`
	LinkSessions []linkSessionJSON `json:"link_sessions"`
	Metadata     linkTokenMetadata `json:"metadata"`
	RequestID    string            `json:"request_id"`
}

type linkTokenMetadata struct {
	InitialProducts []string            `json:"initial_products"`
	Webhook         *string             `json:"webhook"`
	CountryCodes    []string            `json:"country_codes"`
	Language        string              `json:"language"`
	AccountFilters  map[string]subtypes `json:"account_filters,omitempty"`
	RedirectURI     *string             `json:"redirect_uri"`
	ClientName      string              `json:"client_name"`
}

type subtypes struct {
	AccountSubtypes []string `json:"account_subtypes"`
}

// linkSessionJSON carries a session both ways v43's spec still defines it: on_success / on_exit
// (deprecated, kept for older integrations) and results / exit (what Hosted Link integrations
// read today: results.item_add_results[].public_token).
type linkSessionJSON struct {
	LinkSessionID string          `json:"link_session_id"`
	StartedAt     string          `json:"started_at"`
	FinishedAt    string          `json:"finished_at"`
	OnSuccess     *sessionSuccess `json:"on_success,omitempty"`
	OnExit        *sessionExit    `json:"on_exit,omitempty"`
	Results       *sessionResults `json:"results,omitempty"`
	Exit          *sessionExit    `json:"exit,omitempty"`
}

type sessionSuccess struct {
	PublicToken string          `json:"public_token"`
	Metadata    successMetadata `json:"metadata"`
}

type successMetadata struct {
	Institution   *institutionRef      `json:"institution"`
	Accounts      []sessionAccountJSON `json:"accounts"`
	LinkSessionID string               `json:"link_session_id"`
}

type sessionExit struct {
	Error    *errorBody   `json:"error"`
	Metadata exitMetadata `json:"metadata"`
}

type exitMetadata struct {
	Institution   *institutionRef `json:"institution"`
	Status        string          `json:"status,omitempty"`
	LinkSessionID string          `json:"link_session_id"`
	RequestID     string          `json:"request_id"`
}

// sessionResults lists what the session produced. The spec requires every list, even of
// products the emulator does not model (they stay empty) and the document uploads (null).
type sessionResults struct {
	ItemAddResults        []itemAddResult `json:"item_add_results"`
	CraItemAddResults     []any           `json:"cra_item_add_results"`
	CraUpdateResults      []any           `json:"cra_update_results"`
	BankIncomeResults     []any           `json:"bank_income_results"`
	PayrollIncomeResults  []any           `json:"payroll_income_results"`
	DocumentIncomeResults *struct{}       `json:"document_income_results"`
}

func itemAdded(r itemAddResult) *sessionResults {
	return &sessionResults{ItemAddResults: []itemAddResult{r}, CraItemAddResults: []any{},
		CraUpdateResults: []any{}, BankIncomeResults: []any{}, PayrollIncomeResults: []any{}}
}

type itemAddResult struct {
	PublicToken string               `json:"public_token"`
	Accounts    []sessionAccountJSON `json:"accounts"`
	Institution *institutionRef      `json:"institution"`
}

type institutionRef struct {
	Name          string `json:"name"`
	InstitutionID string `json:"institution_id"`
}

type sessionAccountJSON struct {
	ID                 string  `json:"id"`
	Name               string  `json:"name"`
	Mask               string  `json:"mask"`
	Type               string  `json:"type"`
	Subtype            string  `json:"subtype"`
	VerificationStatus *string `json:"verification_status"`
	ClassType          *string `json:"class_type"`
}

func (e *Emulator) linkTokenGet(q *apiRequest) (any, *apiError) {
	var req struct {
		LinkToken string `json:"link_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	lt, ok := e.linkTokens[req.LinkToken]
	if !ok {
		return nil, invalidLinkToken()
	}
	resp := linkTokenGetResponse{
		LinkToken:    lt.view.Token,
		CreatedAt:    rfc3339(lt.created),
		Expiration:   rfc3339(lt.expires),
		LinkSessions: []linkSessionJSON{},
		Metadata: linkTokenMetadata{
			InitialProducts: lt.view.Products, Webhook: nullable(lt.webhook),
			CountryCodes: lt.view.CountryCodes, Language: lt.view.Language,
			RedirectURI: nullable(lt.view.RedirectURI), ClientName: lt.view.ClientName,
		},
		RequestID: q.requestID,
	}
	if len(lt.view.AccountFilters) > 0 {
		resp.Metadata.AccountFilters = map[string]subtypes{}
		for typ, subs := range lt.view.AccountFilters {
			resp.Metadata.AccountFilters[typ] = subtypes{AccountSubtypes: subs}
		}
	}
	for _, res := range lt.results {
		resp.LinkSessions = append(resp.LinkSessions, res.json(q.requestID))
	}
	return resp, nil
}

func (res recordedResult) json(requestID string) linkSessionJSON {
	at := rfc3339(res.finished)
	s := linkSessionJSON{LinkSessionID: res.LinkSessionID, StartedAt: at, FinishedAt: at}
	var inst *institutionRef
	if res.Institution != nil {
		inst = &institutionRef{Name: res.Institution.Name, InstitutionID: res.Institution.ID}
	}
	accounts := make([]sessionAccountJSON, 0, len(res.Accounts))
	for _, a := range res.Accounts {
		accounts = append(accounts, sessionAccountJSON{ID: a.ID, Name: a.Name, Mask: a.Mask, Type: a.Type, Subtype: a.Subtype,
			VerificationStatus: nullable(a.Verification)})
	}
	if res.PublicToken != "" {
		s.OnSuccess = &sessionSuccess{PublicToken: res.PublicToken, Metadata: successMetadata{
			Institution: inst, Accounts: accounts, LinkSessionID: res.LinkSessionID}}
		s.Results = itemAdded(itemAddResult{PublicToken: res.PublicToken, Accounts: accounts, Institution: inst})
		return s
	}
	exit := &sessionExit{Metadata: exitMetadata{Institution: inst, Status: res.ExitStatus,
		LinkSessionID: res.LinkSessionID, RequestID: requestID}}
	if res.ExitError != nil {
		b := res.ExitError.body(requestID)
		exit.Error = &b
	}
	s.OnExit, s.Exit = exit, exit
	return s
}

func rfc3339(t time.Time) string { return t.UTC().Format(time.RFC3339) }

// nullable turns "" into JSON null, as Plaid sends unset optional strings.
func nullable(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
