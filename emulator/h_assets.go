package emulator

import (
	"net/http"
	"time"
)

// assetReport is an Asset Report: not ready until readyAt on the emulator's clock. Its data is
// derived again on each read (asset_report_json.go), as it was at asOf.
type assetReport struct {
	id, token      string
	items          []assetItem // the Items as they were when the report was asked for
	daysRequested  int
	clientReportID string
	user           map[string]any
	created        time.Time
	readyAt        time.Time
	asOf           time.Time // the moment its data is from: readyAt, or a filtered report's source's
	webhook        string    // options.webhook: PRODUCT_READY or ERROR goes there (webhook_events.go)
	settled        bool      // whether the report was made or failed has been decided
	failure        *apiError // why it failed, once settled
	auditCopies    []auditCopy
	fast           bool // the fast_assets add-on: a Fast Asset Report comes first (asset_report_fast.go)
	investments    bool // the investments add-on (asset_report_investments.go)
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
			AddOns         []string       `json:"add_ons"`
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
	rep := &assetReport{id: id, token: token, daysRequested: req.DaysRequested, clientReportID: req.Options.ClientReportID,
		user: req.Options.User, webhook: req.Options.Webhook, fast: contains(req.Options.AddOns, "fast_assets"),
		investments: contains(req.Options.AddOns, "investments")}
	for _, tok := range req.AccessTokens {
		it, perr := e.usableItem(tok)
		if perr != nil {
			return nil, perr
		}
		if !contains(it.products, "assets") {
			return nil, notInitializedWith("assets", "create it through Link (or /sandbox/public_token/create) with assets among its products")
		}
		rep.items = append(rep.items, snapshotItem(it))
	}
	e.addReportLocked(rep, e.now())
	return assetReportCreateResponse{AssetReportToken: rep.token, AssetReportID: rep.id, RequestID: q.requestID}, nil
}

// addReportLocked keeps a new report, made at now and ready after the emulator's delay, with
// its data from that moment unless it already has some (a filtered report's), and schedules
// its webhook. Callers hold e.mu.
func (e *Emulator) addReportLocked(rep *assetReport, now time.Time) {
	rep.created, rep.readyAt = now, now.Add(e.assetDelay)
	if rep.asOf.IsZero() {
		rep.asOf = rep.readyAt
	}
	e.reports[rep.token] = rep
	e.saveReportLocked(rep)
	e.scheduleFastReportWebhook(rep)
	e.scheduleAssetReportWebhook(rep)
}

func invalidAssetReportToken() *apiError {
	return invalidInput("INVALID_ASSET_REPORT_TOKEN",
		"could not find an asset report for the asset_report_token provided; pass a token /asset_report/create, /refresh or /filter returned (a removed report's token no longer works)")
}

// reportOptions is the options object of /asset_report/get and the PDF endpoints.
type reportOptions struct {
	DaysToInclude *int `json:"days_to_include"`
}

func (o reportOptions) view(insights bool) reportView {
	v := reportView{insights: insights, days: -1}
	if o.DaysToInclude != nil {
		v.days = *o.DaysToInclude
	}
	return v
}

// assetReportGet answers PRODUCT_NOT_READY until the report is done, then the report, with
// Plaid's enrichment of its transactions when include_insights is true.
func (e *Emulator) assetReportGet(q *apiRequest) (any, *apiError) { return e.answerReport(q, false) }

// answerReport reads the report a token names, once it is done, as JSON or as a PDF (whose
// request has no include_insights: the spec's checks refuse it there).
func (e *Emulator) answerReport(q *apiRequest, asPDF bool) (any, *apiError) {
	var req struct {
		AssetReportToken string        `json:"asset_report_token"`
		IncludeInsights  bool          `json:"include_insights"`
		FastReport       bool          `json:"fast_report"`
		Options          reportOptions `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if req.FastReport {
		return e.fastReportAnswer(req.AssetReportToken, q.requestID)
	}
	rep, perr := e.readyReportLocked(req.AssetReportToken)
	if perr != nil {
		return nil, perr
	}
	return e.reportAnswer(rep, q.requestID, req.Options.view(req.IncludeInsights), asPDF), nil
}

// reportAnswer is the report as JSON or as a PDF. Callers hold e.mu.
func (e *Emulator) reportAnswer(rep *assetReport, requestID string, v reportView, asPDF bool) any {
	if asPDF {
		return e.assetReportPDF(rep, requestID, v)
	}
	return e.assetReportJSON(rep, requestID, v)
}

// readyReportLocked finds a report that is done: an unknown or removed token is
// INVALID_ASSET_REPORT_TOKEN, a report still being made PRODUCT_NOT_READY, one that could not
// be made its failure. Callers hold e.mu.
func (e *Emulator) readyReportLocked(token string) (*assetReport, *apiError) {
	rep, ok := e.reports[token]
	if !ok {
		return nil, invalidAssetReportToken()
	}
	return rep, e.reportReadyLocked(rep)
}

func (e *Emulator) reportReadyLocked(rep *assetReport) *apiError {
	if e.now().Before(rep.readyAt) {
		return reportNotReady("the asset report is still being generated; try again shortly or wait for the webhook")
	}
	return e.settleAssetReportLocked(rep)
}

// reportNotReady is Assets' PRODUCT_NOT_READY, for a report (or its Fast version) still being made.
func reportNotReady(msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "ASSET_REPORT_ERROR", Code: "PRODUCT_NOT_READY", Message: msg}
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
