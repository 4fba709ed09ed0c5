package emulator

import (
	"fmt"
	"net/http"
	"strings"
	"time"
)

// fireRule is what /sandbox/item/fire_webhook allows for one webhook_code: the webhook types
// it may be sent as (the first is the default when the request names none), and per type the
// product the Item must have ("" for none).
type fireRule struct {
	types    []string
	products map[string]string
}

// fireRules follow Plaid's Sandbox reference. DEFAULT_UPDATE defaults to TRANSACTIONS, as
// plaid-node's test relies on. The reference also names IDENTITY for it, but the spec's
// WebhookType enum (which request checks follow) lacks it, so it is refused there, and its
// body is not built here. AUTHORIZATION_GRANTED is in the spec's enum with no payload or product the
// emulator has, so it is answered as a product the Item lacks.
var fireRules = map[string]fireRule{
	"DEFAULT_UPDATE": {[]string{"TRANSACTIONS", "AUTH", "INVESTMENTS_TRANSACTIONS", "HOLDINGS", "LIABILITIES"},
		map[string]string{"TRANSACTIONS": "transactions", "AUTH": "auth",
			"INVESTMENTS_TRANSACTIONS": "investments", "HOLDINGS": "investments", "LIABILITIES": "liabilities"}},
	"NEW_ACCOUNTS_AVAILABLE":         {[]string{"ITEM"}, nil},
	"SMS_MICRODEPOSITS_VERIFICATION": {[]string{"AUTH"}, map[string]string{"AUTH": "auth"}},
	"AUTHORIZATION_GRANTED":          {[]string{"ITEM"}, map[string]string{"ITEM": "payment_initiation"}},
	"USER_PERMISSION_REVOKED":        {[]string{"ITEM"}, nil},
	"USER_ACCOUNT_REVOKED":           {[]string{"ITEM"}, nil},
	"PENDING_DISCONNECT":             {[]string{"ITEM"}, nil},
	"LOGIN_REPAIRED":                 {[]string{"ITEM"}, nil},
	"RECURRING_TRANSACTIONS_UPDATE":  {[]string{"TRANSACTIONS"}, map[string]string{"TRANSACTIONS": "transactions"}},
	"SYNC_UPDATES_AVAILABLE":         {[]string{"TRANSACTIONS"}, map[string]string{"TRANSACTIONS": "transactions"}},
	"PRODUCT_READY":                  {[]string{"ASSETS"}, map[string]string{"ASSETS": "assets"}},
	"ERROR":                          {[]string{"ASSETS"}, map[string]string{"ASSETS": "assets"}},
}

// fireCodes lists the codes in the order Plaid's reference gives them, for error messages.
var fireCodes = []string{"DEFAULT_UPDATE", "NEW_ACCOUNTS_AVAILABLE", "SMS_MICRODEPOSITS_VERIFICATION", "AUTHORIZATION_GRANTED",
	"USER_PERMISSION_REVOKED", "USER_ACCOUNT_REVOKED", "PENDING_DISCONNECT", "RECURRING_TRANSACTIONS_UPDATE", "LOGIN_REPAIRED",
	"SYNC_UPDATES_AVAILABLE", "PRODUCT_READY", "ERROR"}

type fireWebhookResponse struct {
	WebhookFired bool   `json:"webhook_fired"`
	RequestID    string `json:"request_id"`
}

// sandboxItemFireWebhook sends the Item the webhook named by code (and type), as if the
// event had happened: only to an Item that has a webhook and the product the webhook is about.
func (e *Emulator) sandboxItemFireWebhook(q *apiRequest) (any, *apiError) {
	var req struct {
		AccessToken string `json:"access_token"`
		Type        string `json:"webhook_type"`
		Code        string `json:"webhook_code"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	typ, perr := fireType(req.Code, req.Type)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.itemByAccessToken(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	if p := fireRules[req.Code].products[typ]; p != "" && !contains(it.products, p) {
		return nil, sandboxErr("SANDBOX_PRODUCT_NOT_ENABLED", "the "+p+" product is not enabled on this item, so "+typ+" "+req.Code+
			" cannot be fired for it; create the item with "+p+" among its products")
	}
	if it.webhook == "" {
		return nil, sandboxErr("SANDBOX_WEBHOOK_INVALID", "this item has no webhook URL to send to; set one with /item/webhook/update "+
			"(or pass webhook to /link/token/create, or options.webhook to /sandbox/public_token/create)")
	}
	e.fire(it, typ, req.Code)
	return fireWebhookResponse{WebhookFired: true, RequestID: q.requestID}, nil
}

// fireType checks code and picks the webhook type: the one asked for, if it fits the code.
func fireType(code, typ string) (string, *apiError) {
	rule, ok := fireRules[code]
	if !ok {
		return "", invalidRequest("INVALID_FIELD", fmt.Sprintf("webhook_code must be one of %s; %.40q is not one", strings.Join(fireCodes, ", "), code))
	}
	if typ == "" {
		return rule.types[0], nil
	}
	for _, t := range rule.types {
		if t == typ {
			return typ, nil
		}
	}
	return "", invalidRequest("INVALID_FIELD", fmt.Sprintf("webhook_type %.40q cannot be fired with webhook_code %s; use %s, or leave webhook_type out",
		typ, code, strings.Join(rule.types, " or ")))
}

func sandboxErr(code, msg string) *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "SANDBOX_ERROR", Code: code, Message: msg}
}

// fire builds and queues the webhook of typ and code for the Item. Callers hold e.mu.
func (e *Emulator) fire(it *item, typ, code string) {
	body := e.itemWebhook(it, typ, code)
	for k, v := range e.fireFields(it, typ, code) {
		body[k] = v
	}
	if typ == "ASSETS" {
		delete(body, "item_id") // Assets webhooks name the report, not the Item
	}
	e.sendItemWebhook(it, body)
}

// fireFields are the fields of each webhook's schema beyond type, code, item_id and
// environment, filled as a quiet update would fill them (nothing new, nothing changed).
func (e *Emulator) fireFields(it *item, typ, code string) webhookBody {
	first := ""
	accounts := it.accounts()
	if len(accounts) > 0 {
		first = accounts[0].id
	}
	switch typ + " " + code {
	case "TRANSACTIONS DEFAULT_UPDATE":
		return webhookBody{"new_transactions": 0, "error": nil}
	case "AUTH DEFAULT_UPDATE":
		return webhookBody{"account_ids_with_new_auth": []string{}, "account_ids_with_updated_auth": map[string]any{}, "error": nil}
	case "INVESTMENTS_TRANSACTIONS DEFAULT_UPDATE":
		return webhookBody{"new_investments_transactions": 0, "cancelled_investments_transactions": 0, "error": nil}
	case "HOLDINGS DEFAULT_UPDATE":
		return webhookBody{"new_holdings": 0, "updated_holdings": 0, "error": nil}
	case "LIABILITIES DEFAULT_UPDATE":
		return webhookBody{"account_ids_with_new_liabilities": []string{}, "account_ids_with_updated_liabilities": map[string]any{}, "error": nil}
	case "ITEM NEW_ACCOUNTS_AVAILABLE", "ITEM USER_PERMISSION_REVOKED":
		return webhookBody{"error": nil}
	case "ITEM USER_ACCOUNT_REVOKED":
		return webhookBody{"account_id": first}
	case "AUTH SMS_MICRODEPOSITS_VERIFICATION":
		return webhookBody{"account_id": first, "status": "MANUALLY_VERIFIED"}
	case "ITEM PENDING_DISCONNECT":
		// Plaid warns 7 days ahead of a disconnection.
		return webhookBody{"reason": "INSTITUTION_TOKEN_EXPIRATION", "disconnect_time": e.now().Add(7 * 24 * time.Hour).UTC().Format(time.RFC3339)}
	case "TRANSACTIONS RECURRING_TRANSACTIONS_UPDATE":
		ids := []string{}
		for _, a := range accounts {
			ids = append(ids, a.id)
		}
		return webhookBody{"account_ids": ids}
	case "TRANSACTIONS SYNC_UPDATES_AVAILABLE":
		return webhookBody{"initial_update_complete": true, "historical_update_complete": true}
	case "ASSETS PRODUCT_READY":
		return webhookBody{"asset_report_id": e.latestReportID(it), "report_type": "FULL"}
	case "ASSETS ERROR":
		return webhookBody{"asset_report_id": e.latestReportID(it), "error": webhookError(&apiError{Type: "ASSET_REPORT_ERROR",
			Code: "ASSET_REPORT_GENERATION_FAILED", Message: "the asset report could not be made (fired from /sandbox/item/fire_webhook)"})}
	}
	return webhookBody{} // LOGIN_REPAIRED: nothing beyond the common fields
}

// latestReportID is the id of the Item's newest asset report, or a fresh id when it has none
// (the webhook then names a report that was never asked for, as a fired one may). Callers
// hold e.mu.
func (e *Emulator) latestReportID(it *item) string {
	var latest *assetReport
	for _, rep := range e.reports {
		for _, ai := range rep.items {
			if ai.id == it.id && (latest == nil || rep.created.After(latest.created)) {
				latest = rep
			}
		}
	}
	if latest == nil {
		return newAssetReportID()
	}
	return latest.id
}
