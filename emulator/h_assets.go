package emulator

import (
	"net/http"
	"time"
)

// assetReport is an Asset Report: not ready until readyAt on the emulator's clock.
type assetReport struct {
	id, token      string
	items          []assetItem // the Items as they were when the report was asked for
	daysRequested  int
	clientReportID string
	user           map[string]any
	created        time.Time
	readyAt        time.Time
	webhook        string    // options.webhook: PRODUCT_READY or ERROR goes there (webhook_events.go)
	settled        bool      // whether the report was made or failed has been decided
	failure        *apiError // why it failed, once settled
}

type assetReportCreateResponse struct {
	AssetReportToken string `json:"asset_report_token"`
	AssetReportID    string `json:"asset_report_id"`
	RequestID        string `json:"request_id"`
}

func (e *Emulator) assetReportCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessTokens  []string `json:"access_tokens"`
		DaysRequested int      `json:"days_requested"`
		Options       struct {
			ClientReportID string         `json:"client_report_id"`
			Webhook        string         `json:"webhook"`
			User           map[string]any `json:"user"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	switch {
	case req.AccessTokens == nil:
		// v43's spec makes access_tokens optional (a Plaid Check user_token can stand in);
		// the emulator models Items only, so the list is required as it was.
		return nil, invalidRequest("MISSING_FIELDS", "the following required fields are missing: access_tokens")
	case len(req.AccessTokens) == 0 || len(req.AccessTokens) > 99:
		return nil, invalidRequest("INVALID_FIELD", "access_tokens must list between 1 and 99 access tokens")
	case req.DaysRequested < 0 || req.DaysRequested > 731:
		return nil, invalidRequest("INVALID_FIELD", "days_requested must be between 0 and 731")
	}
	id, token := newAssetReportID(), e.newAssetReportToken() // before the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	rep := &assetReport{id: id, token: token, daysRequested: req.DaysRequested,
		clientReportID: req.Options.ClientReportID, user: req.Options.User, created: e.now(), webhook: req.Options.Webhook}
	rep.readyAt = rep.created.Add(e.assetDelay)
	for _, tok := range req.AccessTokens {
		it, perr := e.usableItem(tok)
		if perr != nil {
			return nil, perr
		}
		if !contains(it.products, "assets") {
			return nil, itemError("PRODUCTS_NOT_SUPPORTED",
				"this item was not initialized with the assets product; create it through Link (or /sandbox/public_token/create) with assets among its products", "")
		}
		rep.items = append(rep.items, assetItem{id: it.id, institution: *it.institution,
			accounts: it.accounts(), custom: it.custom})
	}
	e.reports[rep.token] = rep
	e.saveReportLocked(rep)
	e.scheduleAssetReportWebhook(rep)
	return assetReportCreateResponse{AssetReportToken: rep.token, AssetReportID: rep.id, RequestID: q.requestID}, nil
}

func invalidAssetReportToken() *apiError {
	return invalidInput("INVALID_ASSET_REPORT_TOKEN", "could not find an asset report for the asset_report_token provided")
}

// assetReportGet answers PRODUCT_NOT_READY until the report is done, then the report.
func (e *Emulator) assetReportGet(q *apiRequest) (any, *apiError) {
	var req struct {
		AssetReportToken string `json:"asset_report_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	rep, ok := e.reports[req.AssetReportToken]
	if !ok {
		return nil, invalidAssetReportToken()
	}
	if e.now().Before(rep.readyAt) {
		return nil, &apiError{Status: http.StatusBadRequest, Type: "ASSET_REPORT_ERROR", Code: "PRODUCT_NOT_READY",
			Message: "the asset report is still being generated; try again shortly or wait for the webhook"}
	}
	if perr := e.settleAssetReportLocked(rep); perr != nil {
		return nil, perr
	}
	return e.assetReportJSON(rep, q.requestID), nil
}

type relayResponse struct {
	RelayToken string `json:"relay_token"`
	RequestID  string `json:"request_id"`
}

// creditRelayCreate shares asset reports with a third party (Alloy, for credit decisions)
// through a relay token.
func (e *Emulator) creditRelayCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		ReportTokens      []string `json:"report_tokens"`
		SecondaryClientID string   `json:"secondary_client_id"`
		Webhook           string   `json:"webhook"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	switch {
	case len(req.ReportTokens) == 0:
		return nil, invalidRequest("INVALID_FIELD", "report_tokens must list at least one asset report token")
	case req.SecondaryClientID == "":
		return nil, invalidRequest("INVALID_FIELD", "secondary_client_id must be the client_id of the party receiving the report")
	}
	if perr := checkWebhookURL("webhook", req.Webhook); perr != nil {
		return nil, perr
	}
	tok := e.newRelayToken() // before the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	for _, rt := range req.ReportTokens {
		if _, ok := e.reports[rt]; !ok {
			return nil, invalidAssetReportToken()
		}
	}
	e.relayTokens[tok] = relayGrant{reportTokens: append([]string(nil), req.ReportTokens...), secondaryClientID: req.SecondaryClientID}
	e.saveRelayLocked(tok, e.relayTokens[tok])
	return relayResponse{RelayToken: tok, RequestID: q.requestID}, nil
}
