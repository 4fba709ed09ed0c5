package emulator

import (
	"net/http"
	"time"
)

// The moments Plaid sends webhooks, as hooks the handlers call. Each builds the body of its
// ...Webhook schema in Plaid's spec and queues it; none blocks on delivery.

// webhookLoginRequired is ITEM ERROR with ITEM_LOGIN_REQUIRED, sent when
// /sandbox/item/reset_login puts the Item into that state. Callers hold e.mu.
func (e *Emulator) webhookLoginRequired(it *item) {
	body := e.itemWebhook(it, "ITEM", "ERROR")
	body["error"] = webhookError(itemLoginRequired())
	e.sendItemWebhook(it, body)
}

// webhookUpdateAcknowledged is ITEM WEBHOOK_UPDATE_ACKNOWLEDGED, sent to the new URL after
// /item/webhook/update (nothing when the webhook was removed). Callers hold e.mu.
func (e *Emulator) webhookUpdateAcknowledged(it *item) {
	body := e.itemWebhook(it, "ITEM", "WEBHOOK_UPDATE_ACKNOWLEDGED")
	body["new_webhook_url"] = it.webhook
	body["error"] = nil
	e.sendItemWebhook(it, body)
}

// webhookProcessorUpdateAcknowledged is PROCESSOR_TOKEN WEBHOOK_UPDATE_ACKNOWLEDGED, sent to
// the partner's new URL after /processor/token/webhook/update; processor webhooks name the
// account, not the Item. Callers hold e.mu.
func (e *Emulator) webhookProcessorUpdateAcknowledged(processorToken, url string) {
	g, ok := e.processorGrant(processorToken)
	if !ok {
		return
	}
	body := webhookBody{"webhook_type": "PROCESSOR_TOKEN", "webhook_code": "WEBHOOK_UPDATE_ACKNOWLEDGED",
		"account_id": g.accountID(), "new_webhook_url": url, "error": nil, "environment": e.env()}
	e.sendWebhook(url, "processor:"+processorToken, g.itemID, body)
}

// scheduleAssetReportWebhook sends ASSETS PRODUCT_READY (or ERROR) when the report is done:
// a timer on the real clock, since the webhook is what tells the app to call
// /asset_report/get. Callers hold e.mu.
func (e *Emulator) scheduleAssetReportWebhook(rep *assetReport) {
	if rep.webhook == "" {
		return
	}
	time.AfterFunc(e.assetDelay, func() {
		e.mu.Lock()
		defer e.mu.Unlock()
		if e.reports[rep.token] != rep {
			return // removed before it was done: nobody is waiting for it
		}
		e.sendAssetReportWebhook(rep, e.settleAssetReportLocked(rep))
	})
}

// sendAssetReportWebhook is PRODUCT_READY for a report that was made, ERROR with the reason
// for one that failed. Callers hold e.mu.
func (e *Emulator) sendAssetReportWebhook(rep *assetReport, failure *apiError) {
	body := productReadyBody(rep, "FULL", e.env())
	if failure != nil {
		body = webhookBody{"webhook_type": "ASSETS", "webhook_code": "ERROR", "asset_report_id": rep.id,
			"error": webhookError(failure), "environment": e.env()}
	}
	e.sendWebhook(rep.webhook, "assets:"+rep.id, "", body)
}

// settleAssetReportLocked decides, once, whether a report that is due was made: it fails when
// one of its Items was removed or needs a new login before the report was done. Callers
// hold e.mu.
func (e *Emulator) settleAssetReportLocked(rep *assetReport) *apiError {
	if rep.settled {
		return rep.failure
	}
	rep.settled = true
	rep.failure = e.brokenReportItem(rep)
	e.saveReportLocked(rep)
	return rep.failure
}

// brokenReportItem is the failure of a report one of whose Items was removed or needs a new
// login, nil when they all work. Callers hold e.mu.
func (e *Emulator) brokenReportItem(rep *assetReport) *apiError {
	for _, ai := range rep.items {
		if it, ok := e.items[ai.id]; !ok || it.loginRequired {
			return &apiError{Status: http.StatusBadRequest, Type: "ASSET_REPORT_ERROR", Code: "ASSET_REPORT_GENERATION_FAILED",
				Message: "the asset report could not be made: item " + ai.id + " was removed or needs its user to log in again; create a new report once the item works"}
		}
	}
	return nil
}

// webhookLinkFinished runs when a Link session hands out a public_token: an Item the session
// made takes the link_token's webhook (if it has none) and statements window, and a Hosted Link
// session also sends LINK ITEM_ADD_RESULT, SESSION_FINISHED and, when the page reported any,
// EVENTS (Plaid sends EVENTS after the session). Callers hold the Link lock, not e.mu.
func (e *Emulator) webhookLinkFinished(linkToken, sessionID, itemID, publicToken string, events []linkEventIn) {
	e.mu.Lock()
	defer e.mu.Unlock()
	lt, ok := e.linkTokens[linkToken]
	if !ok {
		return
	}
	if it, ok := e.items[itemID]; ok && !it.created.Before(lt.created) {
		if it.webhook == "" {
			it.webhook = lt.webhook
		}
		it.statementsWindow = lt.view.statementsWindow()
		e.saveItemLocked(it)
	}
	if lt.webhook == "" || !lt.view.Hosted {
		return
	}
	add := e.linkWebhook(lt, sessionID, "ITEM_ADD_RESULT")
	add["public_token"] = publicToken
	e.sendWebhook(lt.webhook, "link:"+linkToken, itemID, add)
	done := e.linkWebhook(lt, sessionID, "SESSION_FINISHED")
	done["status"], done["public_tokens"], done["public_token"] = "SUCCESS", []string{publicToken}, publicToken
	e.sendWebhook(lt.webhook, "link:"+linkToken, itemID, done)
	if body := e.linkEventsBody(lt, sessionID, events); body != nil {
		e.sendWebhook(lt.webhook, "link:"+linkToken, itemID, body)
	}
}

// webhookLinkExited is SESSION_FINISHED with status EXITED for a Hosted Link session the user
// left, then EVENTS when the page reported any. Callers hold the Link lock, not e.mu.
func (e *Emulator) webhookLinkExited(linkToken, sessionID string, events []linkEventIn) {
	e.mu.Lock()
	defer e.mu.Unlock()
	lt, ok := e.linkTokens[linkToken]
	if !ok || lt.webhook == "" || !lt.view.Hosted {
		return
	}
	done := e.linkWebhook(lt, sessionID, "SESSION_FINISHED")
	done["status"], done["public_tokens"] = "EXITED", []string{}
	e.sendWebhook(lt.webhook, "link:"+linkToken, "", done)
	if body := e.linkEventsBody(lt, sessionID, events); body != nil {
		e.sendWebhook(lt.webhook, "link:"+linkToken, "", body)
	}
}

func (e *Emulator) linkWebhook(lt *linkTokenState, sessionID, code string) webhookBody {
	return webhookBody{"webhook_type": "LINK", "webhook_code": code, "link_session_id": sessionID,
		"link_token": lt.view.Token, "environment": e.env()}
}
