package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// schemaOf names the spec's schema for a webhook fired with typ (default when "") and code.
func schemaOf(typ, code string) string {
	if typ == "" {
		typ = fireRules[code].types[0]
	}
	return map[string]string{
		"TRANSACTIONS DEFAULT_UPDATE":                "DefaultUpdateWebhook",
		"AUTH DEFAULT_UPDATE":                        "AuthDefaultUpdateWebhook",
		"INVESTMENTS_TRANSACTIONS DEFAULT_UPDATE":    "InvestmentsDefaultUpdateWebhook",
		"HOLDINGS DEFAULT_UPDATE":                    "HoldingsDefaultUpdateWebhook",
		"LIABILITIES DEFAULT_UPDATE":                 "LiabilitiesDefaultUpdateWebhook",
		"ITEM NEW_ACCOUNTS_AVAILABLE":                "NewAccountsAvailableWebhook",
		"AUTH SMS_MICRODEPOSITS_VERIFICATION":        "HostedMMDVerificationWebhook",
		"ITEM USER_PERMISSION_REVOKED":               "UserPermissionRevokedWebhook",
		"ITEM USER_ACCOUNT_REVOKED":                  "UserAccountRevokedWebhook",
		"ITEM PENDING_DISCONNECT":                    "PendingDisconnectWebhook",
		"TRANSACTIONS RECURRING_TRANSACTIONS_UPDATE": "RecurringTransactionsUpdateWebhook",
		"ITEM LOGIN_REPAIRED":                        "ItemLoginRepairedWebhook",
		"TRANSACTIONS SYNC_UPDATES_AVAILABLE":        "SyncUpdatesAvailableWebhook",
		"ASSETS PRODUCT_READY":                       "AssetsProductReadyWebhook",
		"ASSETS ERROR":                               "AssetsErrorWebhook",
	}[typ+" "+code]
}

func TestFireWebhookSendsEveryCodePlaidAllows(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	token, itemID := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_TRANSACTIONS, plaid.PRODUCTS_AUTH, plaid.PRODUCTS_IDENTITY,
		plaid.PRODUCTS_INVESTMENTS, plaid.PRODUCTS_LIABILITIES, plaid.PRODUCTS_ASSETS)
	fired := 0
	for _, code := range fireCodes {
		for _, typ := range append([]string{""}, fireRules[code].types...) {
			if code == "AUTHORIZATION_GRANTED" {
				continue // for a product the emulator's Items never have: tested below
			}
			t.Run(code+"/"+typ, func(t *testing.T) {
				req := plaid.NewSandboxItemFireWebhookRequest(token, code)
				if typ != "" {
					req.SetWebhookType(plaid.WebhookType(typ))
				}
				resp := ok(h.client.SandboxItemFireWebhook(h.ctx).SandboxItemFireWebhookRequest(*req).Execute()).get(t)
				if !resp.WebhookFired {
					t.Fatal("webhook_fired is false")
				}
				body := mustVerify(t, h, rc.next(t), schemaOf(typ, code))
				wantType := typ
				if wantType == "" {
					wantType = fireRules[code].types[0]
				}
				if body["webhook_type"] != wantType || body["webhook_code"] != code {
					t.Fatalf("got %v %v, want %s %s", body["webhook_type"], body["webhook_code"], wantType, code)
				}
				if wantType != "ASSETS" && body["item_id"] != itemID {
					t.Errorf("item_id = %v, want %s", body["item_id"], itemID)
				}
			})
			fired++
		}
	}
	if fired < len(fireCodes) {
		t.Fatalf("only %d webhooks fired", fired)
	}
}

func TestFireWebhookErrors(t *testing.T) {
	h := newWebhookHarness(t, Options{})
	rc := newReceiver(t, 0)
	withHook, _ := h.connectWithWebhook(rc.url(), plaid.PRODUCTS_AUTH)
	noHook := h.connect(plaid.PRODUCTS_TRANSACTIONS)
	fire := func(token, typ, code string) result[plaid.SandboxItemFireWebhookResponse] {
		req := plaid.NewSandboxItemFireWebhookRequest(token, code)
		if typ != "" {
			req.SetWebhookType(plaid.WebhookType(typ))
		}
		return ok(h.client.SandboxItemFireWebhook(h.ctx).SandboxItemFireWebhookRequest(*req).Execute())
	}
	fire(noHook, "", "SYNC_UPDATES_AVAILABLE").fails(t, 400, "SANDBOX_ERROR", "SANDBOX_WEBHOOK_INVALID")
	fire(withHook, "", "SYNC_UPDATES_AVAILABLE").fails(t, 400, "SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED")
	fire(withHook, "", "DEFAULT_UPDATE").fails(t, 400, "SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED")
	fire(withHook, "ASSETS", "PRODUCT_READY").fails(t, 400, "SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED")
	fire(withHook, "", "AUTHORIZATION_GRANTED").fails(t, 400, "SANDBOX_ERROR", "SANDBOX_PRODUCT_NOT_ENABLED")
	fire(withHook, "ITEM", "DEFAULT_UPDATE").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	fire("access-sandbox-00000000-0000-0000-0000-000000000000", "", "LOGIN_REPAIRED").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	// AUTH DEFAULT_UPDATE fits the Item: it is sent.
	fire(withHook, "AUTH", "DEFAULT_UPDATE").get(t)
	mustVerify(t, h, rc.next(t), "AuthDefaultUpdateWebhook")
}
