package emulator

import (
	"fmt"
	"strconv"
)

// The Statements endpoints: /statements/list, /statements/download (a PDF built by writePDF)
// and /statements/refresh (which widens the Item's window and sends STATEMENTS_REFRESH_COMPLETE).

type statementsRequest struct {
	AccessToken string `json:"access_token"`
	StatementID string `json:"statement_id"`
	StartDate   string `json:"start_date"`
	EndDate     string `json:"end_date"`
}

type statementsListResponse struct {
	Accounts        []statementsAccountJSON `json:"accounts"`
	InstitutionID   string                  `json:"institution_id"`
	InstitutionName string                  `json:"institution_name"`
	ItemID          string                  `json:"item_id"`
	RequestID       string                  `json:"request_id"`
}

type statementsAccountJSON struct {
	AccountID    string          `json:"account_id"`
	Mask         string          `json:"account_mask"`
	Name         string          `json:"account_name"`
	OfficialName string          `json:"account_official_name"`
	Subtype      string          `json:"account_subtype"`
	Type         string          `json:"account_type"`
	Statements   []statementJSON `json:"statements"`
}

type statementJSON struct {
	StatementID string  `json:"statement_id"`
	DatePosted  *string `json:"date_posted"`
	Month       int     `json:"month"`
	Year        int     `json:"year"`
}

// statementsCall reads the request and its Item, which must have been linked with statements
// (Plaid extracts them during Link, for the window the link_token gave), and runs f on them
// under e.mu.
func (e *Emulator) statementsCall(q *apiRequest, f func(*item, statementsRequest) (any, *apiError)) (any, *apiError) {
	var req statementsRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.usableItem(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	if !contains(it.products, "statements") {
		return nil, notInitializedWith("statements",
			"link it again with statements among its products and a statements window (statements.start_date and end_date in /link/token/create)")
	}
	return f(it, req)
}

func (e *Emulator) statementsList(q *apiRequest) (any, *apiError) {
	return e.statementsCall(q, func(it *item, _ statementsRequest) (any, *apiError) {
		today := epochDay(e.now())
		resp := statementsListResponse{Accounts: []statementsAccountJSON{}, InstitutionID: it.institution.ID,
			InstitutionName: it.institution.Name, ItemID: it.id, RequestID: q.requestID}
		for _, a := range it.statementAccounts() {
			resp.Accounts = append(resp.Accounts, it.statementsAccount(a, today))
		}
		return resp, nil
	})
}

// statementsAccount is an account as /statements/list shows it, with its statements.
func (it *item) statementsAccount(a account, today int) statementsAccountJSON {
	j := statementsAccountJSON{AccountID: a.id, Mask: a.mask, Name: a.name, OfficialName: a.officialName,
		Subtype: a.subtype, Type: a.typ, Statements: []statementJSON{}}
	if j.OfficialName == "" {
		j.OfficialName = a.name
	}
	for _, s := range it.statementsOf(a, today) {
		j.Statements = append(j.Statements, statementJSON{StatementID: s.id, DatePosted: nullable(dayDate(s.last)), Month: s.month, Year: s.year})
	}
	return j
}

func (e *Emulator) statementsDownload(q *apiRequest) (any, *apiError) {
	return e.statementsCall(q, func(it *item, req statementsRequest) (any, *apiError) {
		s, ok := it.findStatement(req.StatementID, epochDay(e.now()))
		if !ok {
			return nil, invalidRequest("INVALID_FIELD", "statement_id "+strconv.Quote(req.StatementID)+
				" names no statement of this item; take a statement_id from /statements/list for the same access_token")
		}
		pdf := writePDF(it.institution.Name+" - account statement", it.statementLines(s))
		return pdfResponse{data: pdf, contentHash: true, requestID: q.requestID}, nil
	})
}

// statementLines are a statement's text: the account, the period, and the account's
// transactions posted in the month with their totals.
func (it *item) statementLines(s statement) []string {
	a := s.account
	title := a.name
	if a.officialName != "" {
		title += " (" + a.officialName + ")"
	}
	lines := []string{
		title,
		"Account ending in " + a.mask,
		"Statement period: " + dayDate(s.first) + " to " + dayDate(s.last),
		"",
		fmt.Sprintf("%-10s  %-44s %12s", "Posted", "Description", "Amount"),
	}
	var in, out float64
	var n int
	for _, t := range it.transactionsAsOf(&a, s.first-2, s.last) {
		if t.postDay < s.first || t.postDay > s.last {
			continue
		}
		n++
		// A statement shows money in as positive; Plaid's amounts are positive for money out.
		amount := -t.amount
		if amount >= 0 {
			in += amount
		} else {
			out -= amount
		}
		lines = append(lines, fmt.Sprintf("%-10s  %-44.44s %12.2f", dayDate(t.postDay), t.description(), amount))
	}
	if n == 0 {
		lines = append(lines, "No transactions posted in this period.")
	}
	return append(lines, "",
		fmt.Sprintf("Money in: %.2f    Money out: %.2f    Transactions: %d", in, out, n),
		"",
		"Made offline by the plaidwalk emulator from the Item's test data; not a real bank statement.")
}

// statementsRefresh extracts the statements of the dates asked for: the Item's window grows to
// hold them, and STATEMENTS_REFRESH_COMPLETE (SUCCESS) goes to the Item's webhook.
func (e *Emulator) statementsRefresh(q *apiRequest) (any, *apiError) {
	return e.statementsCall(q, func(it *item, req statementsRequest) (any, *apiError) {
		w, perr := statementsWindowOf("", req.StartDate, req.EndDate)
		if perr != nil {
			return nil, perr
		}
		it.statementsWindow = it.statementsWindow.union(w)
		e.saveItemLocked(it)
		body := e.itemWebhook(it, "STATEMENTS", "STATEMENTS_REFRESH_COMPLETE")
		body["result"] = "SUCCESS"
		e.sendItemWebhook(it, body)
		return requestIDResponse{RequestID: q.requestID}, nil
	})
}
