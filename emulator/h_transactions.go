package emulator

import (
	"sort"
	"time"
)

// The Transactions product: /transactions/sync, /get and /refresh, and the partner's
// /processor/transactions/sync and /get, which read the one account of a processor token. The
// data is derived from the Item (transactions_data.go); nothing is stored per call.

type txnOptions struct {
	AccountIDs          []string `json:"account_ids"`
	AccountID           string   `json:"account_id"`
	Count               *int     `json:"count"`
	Offset              *int     `json:"offset"`
	OriginalDescription *bool    `json:"include_original_description"`
}

type transactionsRequest struct {
	AccessToken    string     `json:"access_token"`
	ProcessorToken string     `json:"processor_token"`
	StartDate      string     `json:"start_date"`
	EndDate        string     `json:"end_date"`
	Cursor         string     `json:"cursor"`
	Count          *int       `json:"count"`
	Options        txnOptions `json:"options"`
}

// countOf is a count the caller gave, or the default, refused outside 1..500.
func countOf(field string, v *int) (int, *apiError) {
	if v == nil {
		return 100, nil
	}
	if *v < 1 || *v > 500 {
		return 0, invalidRequest("INVALID_FIELD", field+" must be between 1 and 500")
	}
	return *v, nil
}

// transactionsItem checks the Item may read transactions now. Callers hold e.mu.
func (e *Emulator) transactionsItem(it *item) *apiError {
	if !contains(it.products, "transactions") {
		return notInitializedWith("transactions", "create it through Link (or /sandbox/public_token/create) with transactions among its products")
	}
	return nil
}

// transactionsReady says whether the Item's first pull is done.
func (e *Emulator) transactionsReady(it *item) bool {
	return !e.now().Before(it.created.Add(e.txnDelay))
}

func productNotReady() *apiError {
	return itemError("PRODUCT_NOT_READY",
		"the item's transactions are still being pulled; try again in a few seconds, or wait for the TRANSACTIONS webhook", "")
}

// itemForTransactions reads the access_token's Item and the accounts asked for.
func (e *Emulator) itemForTransactions(req transactionsRequest) (*item, []account, *apiError) {
	it, perr := e.usableItem(req.AccessToken)
	if perr != nil {
		return nil, nil, perr
	}
	if perr := e.transactionsItem(it); perr != nil {
		return nil, nil, perr
	}
	ids := req.Options.AccountIDs
	if req.Options.AccountID != "" {
		ids = []string{req.Options.AccountID}
	}
	accounts, perr := it.selectAccounts(ids)
	return it, accounts, perr
}

func decodeTransactionsRequest(q *apiRequest) (transactionsRequest, *apiError) {
	var req transactionsRequest
	if perr := q.decode(&req); perr != nil {
		return req, perr
	}
	if perr := checkAccountIDs("options.account_ids", req.Options.AccountIDs); perr != nil {
		return req, perr
	}
	if req.Options.AccountID != "" {
		if perr := checkAccountID("options.account_id", req.Options.AccountID); perr != nil {
			return req, perr
		}
	}
	return req, nil
}

type transactionsSyncResponse struct {
	Status    string            `json:"transactions_update_status"`
	Accounts  []accountJSON     `json:"accounts"`
	Added     []transactionJSON `json:"added"`
	Modified  []transactionJSON `json:"modified"`
	Removed   []removedJSON     `json:"removed"`
	NextCur   string            `json:"next_cursor"`
	HasMore   bool              `json:"has_more"`
	RequestID string            `json:"request_id"`
}

func (e *Emulator) transactionsSync(q *apiRequest) (any, *apiError) {
	req, perr := decodeTransactionsRequest(q)
	if perr != nil {
		return nil, perr
	}
	count, perr := countOf("count", req.Count)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.itemForTransactions(req)
	if perr != nil {
		return nil, perr
	}
	resp := transactionsSyncResponse{Accounts: accountsJSON(accounts), RequestID: q.requestID}
	page, perr := e.syncOf(it, accounts, req, count)
	if perr != nil {
		return nil, perr
	}
	if !it.synced { // from now on readiness and refreshes also send SYNC_UPDATES_AVAILABLE
		it.synced = true
		e.saveItemLocked(it)
	}
	resp.fill(page, e.transactionsReady(it))
	return resp, nil
}

// syncOf reads the page the request asks for; before the first pull it is empty with an empty
// next_cursor, as Plaid answers a sync that comes too early.
func (e *Emulator) syncOf(it *item, accounts []account, req transactionsRequest, count int) (syncPage, *apiError) {
	c, perr := decodeCursor(it, req.Cursor)
	if perr != nil && req.Cursor != "now" {
		return syncPage{}, perr
	}
	if !e.transactionsReady(it) {
		return syncPage{added: []transactionJSON{}, modified: []transactionJSON{}, removed: []removedJSON{}}, nil
	}
	today := epochDay(e.now())
	if req.Cursor == "now" { // Plaid's value for moving an Item from /get to /sync: no history
		now := syncCursor{from: today, to: today, dynamic: c.dynamic}
		if c.dynamic {
			now.fromVersion, now.toVersion = it.dyn.now(), it.dyn.now()
		}
		return syncPage{added: []transactionJSON{}, modified: []transactionJSON{}, removed: []removedJSON{}, next: now.encode(it.id)}, nil
	}
	orig := req.Options.OriginalDescription != nil && *req.Options.OriginalDescription
	return it.syncPageOf(accounts, c, today, count, orig), nil
}

func (r *transactionsSyncResponse) fill(p syncPage, ready bool) {
	r.Added, r.Modified, r.Removed, r.NextCur, r.HasMore = p.added, p.modified, p.removed, p.next, p.hasMore
	r.Status = "NOT_READY"
	if ready {
		r.Status = "HISTORICAL_UPDATE_COMPLETE"
	}
}

func accountsJSON(accounts []account) []accountJSON {
	out := make([]accountJSON, 0, len(accounts))
	for _, a := range accounts {
		out = append(out, a.json())
	}
	return out
}

type transactionsGetResponse struct {
	Accounts     []accountJSON     `json:"accounts"`
	Transactions []transactionJSON `json:"transactions"`
	Total        int               `json:"total_transactions"`
	Item         itemJSON          `json:"item"`
	RequestID    string            `json:"request_id"`
}

// window is a /transactions/get request's checked dates, count and offset.
type window struct {
	start, end, count, offset int
	orig                      bool
}

func windowOf(req transactionsRequest) (window, *apiError) {
	start, err1 := time.Parse(time.DateOnly, req.StartDate)
	end, err2 := time.Parse(time.DateOnly, req.EndDate)
	if err1 != nil || err2 != nil {
		return window{}, invalidRequest("INVALID_FIELD", "start_date and end_date must be dates in the form YYYY-MM-DD")
	}
	if end.Before(start) {
		return window{}, invalidRequest("INVALID_FIELD", "start_date must be on or before end_date")
	}
	count, perr := countOf("options.count", req.Options.Count)
	if perr != nil {
		return window{}, perr
	}
	w := window{start: epochDay(start), end: epochDay(end), count: count}
	if o := req.Options.Offset; o != nil {
		if *o < 0 {
			return window{}, invalidRequest("INVALID_FIELD", "options.offset must be 0 or more")
		}
		w.offset = *o
	}
	w.orig = req.Options.OriginalDescription != nil && *req.Options.OriginalDescription
	return w, nil
}

// decodeWindowRequest reads a /get request of transactions or investment transactions with its
// checked dates, count and offset.
func decodeWindowRequest(q *apiRequest) (transactionsRequest, window, *apiError) {
	req, perr := decodeTransactionsRequest(q)
	if perr != nil {
		return req, window{}, perr
	}
	w, perr := windowOf(req)
	return req, w, perr
}

// listWindow is the page of the accounts' transactions dated within w on day today, newest
// first, with how many there are in all.
func (it *item) listWindow(accounts []account, w window, today int) ([]transactionJSON, int) {
	linked := epochDay(it.created)
	var all []transactionJSON
	it.eachTransaction(accounts, w.start-2, min(w.end, today), func(t genTxn) {
		j := t.json(today, linked, w.orig)
		if d := j.Date; d >= dayDate(w.start) && d <= dayDate(w.end) {
			all = append(all, j)
		}
	})
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Date != all[j].Date {
			return all[i].Date > all[j].Date
		}
		return all[i].TransactionID < all[j].TransactionID
	})
	page := []transactionJSON{}
	if w.offset < len(all) {
		page = all[w.offset:min(w.offset+w.count, len(all))]
	}
	return page, len(all)
}

func (e *Emulator) transactionsGet(q *apiRequest) (any, *apiError) {
	req, w, perr := decodeWindowRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, accounts, perr := e.itemForTransactions(req)
	if perr != nil {
		return nil, perr
	}
	if !e.transactionsReady(it) {
		return nil, productNotReady()
	}
	page, total := it.listWindow(accounts, w, epochDay(e.now()))
	return transactionsGetResponse{Accounts: accountsJSON(accounts), Transactions: page, Total: total,
		Item: it.json(q.requestID), RequestID: q.requestID}, nil
}

type requestIDResponse struct {
	RequestID string `json:"request_id"`
}

// transactionsRefresh asks for a fresh pull: user_good's data changes only with the day, so
// the answer is all there is to it; a dynamic Item moves on (webhook_transactions_changes.go).
func (e *Emulator) transactionsRefresh(q *apiRequest) (any, *apiError) {
	req, perr := decodeTransactionsRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, _, perr := e.itemForTransactions(req)
	if perr != nil {
		return nil, perr
	}
	e.refreshTransactions(it)
	return requestIDResponse{RequestID: q.requestID}, nil
}
