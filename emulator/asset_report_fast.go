package emulator

import "time"

// The Fast Assets add-on (/asset_report/create with options.add_ons ["fast_assets"]): Plaid
// makes two versions of the report, a Fast one holding only each account's current balance and
// owners, then the Full one. Each gets its own PRODUCT_READY webhook, report_type FAST then
// FULL, and /asset_report/get with fast_report true reads the Fast one. The emulator has the
// Fast version ready half way through the report's delay. A Fast version is not made when an
// Item of the report fails by then; the Full one's ERROR webhook then says why.

// fastReadyAt is when the report's Fast version is ready.
func (rep *assetReport) fastReadyAt() time.Time {
	return rep.created.Add(rep.readyAt.Sub(rep.created) / 2)
}

// fastReportAnswer is /asset_report/get with fast_report true. Callers hold e.mu.
func (e *Emulator) fastReportAnswer(token, requestID string) (any, *apiError) {
	rep, ok := e.reports[token]
	switch {
	case !ok:
		return nil, invalidAssetReportToken()
	case !rep.fast:
		return nil, invalidRequest("INVALID_FIELD", "fast_report is true but this report was created without the fast_assets add-on; "+
			`create it with options.add_ons ["fast_assets"], or leave fast_report out to read the full report`)
	case e.now().Before(rep.fastReadyAt()):
		return nil, reportNotReady("the fast version of the asset report is still being generated; try again shortly or wait for its webhook (report_type FAST)")
	}
	if perr := rep.failure; perr != nil {
		return nil, perr
	}
	if perr := e.brokenReportItem(rep); perr != nil {
		return nil, perr
	}
	return e.assetReportJSON(rep, requestID, reportView{fast: true}), nil
}

// scheduleFastReportWebhook sends PRODUCT_READY with report_type FAST when the Fast version is
// ready, unless an Item of the report failed by then. Callers hold e.mu.
func (e *Emulator) scheduleFastReportWebhook(rep *assetReport) {
	if !rep.fast || rep.webhook == "" {
		return
	}
	time.AfterFunc(e.assetDelay/2, func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.reports[rep.token] != rep || e.brokenReportItem(rep) != nil {
			return
		}
		e.sendWebhook(rep.webhook, "assets:"+rep.id, "", productReadyBody(rep, "FAST", e.env()))
	})
}

// productReadyBody is ASSETS PRODUCT_READY for one version of a report.
func productReadyBody(rep *assetReport, reportType, env string) webhookBody {
	return webhookBody{"webhook_type": "ASSETS", "webhook_code": "PRODUCT_READY", "asset_report_id": rep.id,
		"report_type": reportType, "environment": env}
}

// fastAssetAccount is an account as the Fast version shows it, and where the Full version's
// starts: balances and owners, no transactions or balance history.
func fastAssetAccount(a account) assetAccountJSON {
	acct := a.json()
	return assetAccountJSON{accountJSON: acct, Balances: assetBalanceJSON{balanceJSON: acct.Balances}, Transactions: []assetTransaction{},
		Owners: []ownerJSON{a.owner()}, HistoricalBalances: []historicalBalance{}}
}
