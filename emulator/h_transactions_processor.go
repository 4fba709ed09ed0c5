package emulator

// A transactions partner (Boom, Cardlytics, Esusu, ...) reads the transactions of the one
// account its processor token names, with the same data and cursors as the Item's owner.

type processorSyncResponse struct {
	Status    string            `json:"transactions_update_status"`
	Account   accountJSON       `json:"account"`
	Added     []transactionJSON `json:"added"`
	Modified  []transactionJSON `json:"modified"`
	Removed   []removedJSON     `json:"removed"`
	NextCur   string            `json:"next_cursor"`
	HasMore   bool              `json:"has_more"`
	RequestID string            `json:"request_id"`
}

type processorTransactionsGetResponse struct {
	Account      accountJSON       `json:"account"`
	Transactions []transactionJSON `json:"transactions"`
	Total        int               `json:"total_transactions"`
	RequestID    string            `json:"request_id"`
}

// partnerTransactions is partnerRead for the transactions product. Callers hold e.mu.
func (e *Emulator) partnerTransactions(q *apiRequest) (*item, account, *apiError) {
	it, a, perr := e.partnerRead(q, "transactions")
	if perr != nil {
		return nil, account{}, perr
	}
	return it, a, e.transactionsItem(it)
}

func (e *Emulator) processorTransactionsSync(q *apiRequest) (any, *apiError) {
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
	it, a, perr := e.partnerTransactions(q)
	if perr != nil {
		return nil, perr
	}
	req.Options.AccountID = ""
	page, perr := e.syncOf(it, []account{a}, req, count)
	if perr != nil {
		return nil, perr
	}
	var full transactionsSyncResponse
	full.fill(page, e.transactionsReady(it))
	return processorSyncResponse{Status: full.Status, Account: a.json(), Added: full.Added, Modified: full.Modified,
		Removed: full.Removed, NextCur: full.NextCur, HasMore: full.HasMore, RequestID: q.requestID}, nil
}

func (e *Emulator) processorTransactionsGet(q *apiRequest) (any, *apiError) {
	_, w, perr := decodeWindowRequest(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerTransactions(q)
	if perr != nil {
		return nil, perr
	}
	if !e.transactionsReady(it) {
		return nil, productNotReady()
	}
	page, total := it.listWindow([]account{a}, w, epochDay(e.now()))
	return processorTransactionsGetResponse{Account: a.json(), Transactions: page, Total: total, RequestID: q.requestID}, nil
}

func (e *Emulator) processorTransactionsRefresh(q *apiRequest) (any, *apiError) {
	e.mu.Lock()
	defer e.mu.Unlock()
	it, _, perr := e.partnerTransactions(q)
	if perr != nil {
		return nil, perr
	}
	e.refreshTransactions(it) // a partner's refresh pulls the whole Item, as the owner's does
	return requestIDResponse{RequestID: q.requestID}, nil
}
