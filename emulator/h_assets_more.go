package emulator

import "slices"

// An Asset Report is immutable: /asset_report/refresh and /asset_report/filter make new reports
// from an old one (a new token and id, a new PRODUCT_READY), and /asset_report/remove ends a
// report's token and its audit copies. Reports are kept until removed, as Plaid keeps them.

// assetReportRefresh makes a new report of the same Items and accounts (a filter carries over)
// with data as of now; days_requested and each option default to the old report's, and an
// empty string clears an option, as Plaid documents.
func (e *Emulator) assetReportRefresh(q *apiRequest) (any, *apiError) {
	var req struct {
		AssetReportToken string `json:"asset_report_token"`
		DaysRequested    *int   `json:"days_requested"`
		Options          struct {
			ClientReportID *string        `json:"client_report_id"`
			Webhook        *string        `json:"webhook"`
			User           map[string]any `json:"user"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if w := req.Options.Webhook; w != nil {
		if perr := checkWebhookURL("options.webhook", *w); perr != nil {
			return nil, perr
		}
	}
	id, token := newAssetReportID(), e.newAssetReportToken() // before the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	src, ok := e.reports[req.AssetReportToken]
	if !ok {
		return nil, invalidAssetReportToken()
	}
	rep := &assetReport{id: id, token: token, items: src.items, daysRequested: src.daysRequested,
		clientReportID: src.clientReportID, user: src.user, webhook: src.webhook, investments: src.investments}
	if req.DaysRequested != nil {
		rep.daysRequested = *req.DaysRequested
	}
	if v := req.Options.ClientReportID; v != nil {
		rep.clientReportID = *v
	}
	if v := req.Options.Webhook; v != nil {
		rep.webhook = *v
	}
	if req.Options.User != nil {
		rep.user = req.Options.User
	}
	e.addReportLocked(rep, e.now())
	return assetReportCreateResponse{AssetReportToken: rep.token, AssetReportID: rep.id, RequestID: q.requestID}, nil
}

// assetReportFilter makes a new report of a finished one without the accounts listed: the
// same data (its moment is the old report's), no new pull. An Item left with no account is
// left out; a list that would leave no account at all, or names an account the report does
// not hold, is refused.
func (e *Emulator) assetReportFilter(q *apiRequest) (any, *apiError) {
	var req struct {
		AssetReportToken    string   `json:"asset_report_token"`
		AccountIDsToExclude []string `json:"account_ids_to_exclude"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if len(req.AccountIDsToExclude) > 0 {
		if perr := checkAccountIDs("account_ids_to_exclude", req.AccountIDsToExclude); perr != nil {
			return nil, perr
		}
	}
	id, token := newAssetReportID(), e.newAssetReportToken() // before the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	src, perr := e.readyReportLocked(req.AssetReportToken)
	if perr != nil {
		return nil, perr
	}
	items, perr := filteredItems(src.items, req.AccountIDsToExclude)
	if perr != nil {
		return nil, perr
	}
	// The source's data is already made, so the new report cannot fail: it is settled now.
	rep := &assetReport{id: id, token: token, items: items, daysRequested: src.daysRequested, clientReportID: src.clientReportID,
		user: src.user, webhook: src.webhook, asOf: src.asOf, settled: true, investments: src.investments}
	e.addReportLocked(rep, e.now())
	return assetReportCreateResponse{AssetReportToken: rep.token, AssetReportID: rep.id, RequestID: q.requestID}, nil
}

// filteredItems are items without the accounts of ids, refusing an id none of them holds and
// a list that leaves nothing.
func filteredItems(items []assetItem, ids []string) ([]assetItem, *apiError) {
	found := make([]bool, len(ids))
	var out []assetItem
	for _, ai := range items {
		kept := ai
		kept.accounts = nil
		for i, a := range ai.accountList() {
			if at := slices.Index(ids, a.id); at >= 0 {
				found[at] = true
				continue
			}
			kept.accounts = append(kept.accounts, ai.accounts[i])
		}
		if len(kept.accounts) > 0 {
			out = append(out, kept)
		}
	}
	for i, ok := range found {
		if !ok {
			return nil, invalidInput("INVALID_ACCOUNT_ID",
				"account_ids_to_exclude names "+quoteShort(ids[i])+", which is not an account of this asset report; take the ids from its items' accounts")
		}
	}
	if len(out) == 0 {
		return nil, invalidRequest("INVALID_FIELD",
			"account_ids_to_exclude lists every account of the asset report, which would leave an empty report; exclude fewer accounts")
	}
	return out, nil
}

type removedResponse struct {
	Removed   bool   `json:"removed"`
	RequestID string `json:"request_id"`
}

// assetReportRemove ends a report: its token and its audit copies' tokens stop working. The
// Items, and reports made from it by refresh or filter, are not touched.
func (e *Emulator) assetReportRemove(q *apiRequest) (any, *apiError) {
	var req struct {
		AssetReportToken string `json:"asset_report_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, ok := e.reports[req.AssetReportToken]; !ok {
		return nil, invalidAssetReportToken()
	}
	delete(e.reports, req.AssetReportToken)
	e.dropReportLocked(req.AssetReportToken)
	return removedResponse{Removed: true, RequestID: q.requestID}, nil
}
