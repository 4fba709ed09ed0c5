package emulator

import (
	"strconv"
	"time"
)

// Statements (issue 17): an Item linked with the statements product has one monthly statement
// per depository account for each month of its statements window, the dates given to
// /link/token/create (statements.start_date, end_date) or /sandbox/public_token/create
// (options.statements), widened by /statements/refresh. The window is all an Item keeps (8
// bytes); the statements, their ids and their PDFs are derived from the Item's id on each call.
// A statement covers a calendar month and is posted on its last day, and it is listed when that
// day lies in the window and has come.

// stmtWindow is a statements window in days since 1970-01-01, both ends included; the zero
// value is no window (an Item linked without statements).
type stmtWindow struct{ from, to int32 }

// maxStatementsDays is the longest window Plaid takes: it extracts up to two years.
const maxStatementsDays = 731

// statementsWindowOf checks a window's dates as Plaid does wherever it takes one (prefix is
// where they sit in the request, such as "statements."): both dates, start on or before end, at
// most two years apart.
func statementsWindowOf(prefix, start, end string) (stmtWindow, *apiError) {
	s, err1 := time.Parse(time.DateOnly, start)
	e, err2 := time.Parse(time.DateOnly, end)
	switch {
	case err1 != nil || err2 != nil:
		return stmtWindow{}, invalidRequest("INVALID_FIELD", prefix+"start_date and "+prefix+"end_date must be dates in the form YYYY-MM-DD")
	case e.Before(s):
		return stmtWindow{}, invalidRequest("INVALID_FIELD", prefix+"start_date must be on or before "+prefix+"end_date")
	case epochDay(e)-epochDay(s) >= maxStatementsDays:
		return stmtWindow{}, invalidRequest("INVALID_FIELD", "from "+prefix+"start_date to "+prefix+"end_date is more than two years, the most Plaid extracts; ask for a shorter window")
	}
	return stmtWindow{int32(epochDay(s)), int32(epochDay(e))}, nil
}

// defaultStatementsWindow is the window of an Item made by /sandbox/public_token/create with
// statements but without options.statements: the two years before the day it was linked, the
// most Plaid extracts (a guess: Plaid does not say what Sandbox uses).
func defaultStatementsWindow(linked time.Time) stmtWindow {
	d := int32(epochDay(linked))
	return stmtWindow{d - maxStatementsDays + 1, d}
}

// union is the smallest window holding both, as a refresh adds its dates to what was extracted.
func (w stmtWindow) union(o stmtWindow) stmtWindow {
	if w == (stmtWindow{}) {
		return o
	}
	return stmtWindow{min(w.from, o.from), max(w.to, o.to)}
}

// statement is one monthly statement of an account.
type statement struct {
	account     account
	year, month int
	first, last int // the month's first and last day (the posting day)
	id          string
}

// monthOf is the calendar month holding day d, as its year, month, first and last day.
func monthOf(d int) (year, month, first, last int) {
	t := time.Unix(int64(d)*86400, 0).UTC()
	start := time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC)
	return t.Year(), int(t.Month()), epochDay(start), epochDay(start.AddDate(0, 1, -1))
}

// statementAccounts are the Item's shared depository accounts: statements are bank statements.
func (it *item) statementAccounts() []account {
	var out []account
	for _, a := range it.accounts() {
		if a.typ == "depository" {
			out = append(out, a)
		}
	}
	return out
}

// statementsOf lists account a's statements posted in the Item's window by day today, oldest
// first.
func (it *item) statementsOf(a account, today int) []statement {
	w := it.statementsWindow
	end := min(int(w.to), today)
	var out []statement
	for d := int(w.from); d <= end; {
		year, month, first, last := monthOf(d)
		if last >= int(w.from) && last <= end {
			out = append(out, statement{account: a, year: year, month: month, first: first, last: last,
				id: statementID(it.id, a.index, year, month)})
		}
		d = last + 1
	}
	return out
}

// statementID derives a statement's id (37 letters and digits, as Plaid's ids) from the Item's
// id, the account and the month, with the generator of account ids.
func statementID(itemID string, account uint16, year, month int) string {
	return accountIDs("statement\x00"+itemID+"\x00"+strconv.Itoa(int(account))+"\x00"+strconv.Itoa(year*100+month), 1)[0]
}

// findStatement finds a listed statement by id: a few hundred derivations at most (accounts
// times months of a two-year window), cheaper than keeping an index per Item.
func (it *item) findStatement(id string, today int) (statement, bool) {
	for _, a := range it.statementAccounts() {
		for _, s := range it.statementsOf(a, today) {
			if s.id == id {
				return s, true
			}
		}
	}
	return statement{}, false
}

// statementsDates are a statements window as requests give it.
type statementsDates struct {
	StartDate string `json:"start_date"`
	EndDate   string `json:"end_date"`
}

// statementsWindowFor is the window an Item made with products gets from dates (nil when the
// request gave none; prefix names where they sit). Link requires the dates with the statements
// product, as the spec says; the Sandbox shortcut makes them optional and then uses the default.
func statementsWindowFor(prefix string, products []string, dates *statementsDates, linked time.Time, required bool) (stmtWindow, *apiError) {
	var w stmtWindow
	if dates != nil {
		var perr *apiError
		if w, perr = statementsWindowOf(prefix, dates.StartDate, dates.EndDate); perr != nil {
			return stmtWindow{}, perr
		}
	}
	switch {
	case !contains(products, "statements"):
		return stmtWindow{}, nil
	case dates == nil && required:
		return stmtWindow{}, invalidRequest("MISSING_FIELDS", "the following required fields are missing: statements "+
			"(with the statements product, give statements.start_date and statements.end_date: the months to extract, up to two years)")
	case dates == nil:
		return defaultStatementsWindow(linked), nil
	}
	return w, nil
}
