package emulator

// /credit/relay/get is the receiving side of a relay token: the third party the report was
// shared with (Alloy, for credit decisions) fetches the Asset Report with it. Plaid checks
// that the caller is the secondary client; the emulator has one set of keys, so it plays
// that party too and answers whoever holds the token.

// invalidRelayToken: Plaid does not document its code for an unknown relay token; this one is
// a guess in the style of INVALID_PROCESSOR_TOKEN.
func invalidRelayToken() *apiError {
	return invalidInput("INVALID_RELAY_TOKEN",
		"no relay token matches; pass the relay_token /credit/relay/create returned (a removed relay token no longer works)")
}

// creditRelayGet answers the shared report as /asset_report/get would: PRODUCT_NOT_READY
// until it is built, then the report. Only asset reports are relayed here.
func (e *Emulator) creditRelayGet(q *apiRequest) (any, *apiError) {
	var req struct {
		RelayToken string `json:"relay_token"`
		ReportType string `json:"report_type"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if req.ReportType != "asset" {
		return nil, invalidRequest("INVALID_FIELD", "report_type must be asset: the emulator relays Asset Reports only")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	g, ok := e.relayTokens[req.RelayToken]
	if !ok || len(g.reportTokens) == 0 {
		return nil, invalidRelayToken()
	}
	rep, perr := e.readyReportLocked(g.reportTokens[0])
	if perr != nil {
		return nil, perr
	}
	return e.assetReportJSON(rep, q.requestID, fullView), nil
}
