package emulator

// endpoints are the API paths the emulator serves, one line each. Their request bodies are
// checked against the spec's schema of the path (spec_requests.go) before the handler runs; a
// path the spec has that is not here answers ENDPOINT_NOT_SUPPORTED (served.go), any other
// path Plaid's 404 NOT_FOUND.
var endpoints = map[string]handler{
	"/link/token/create":                          (*Emulator).linkTokenCreate,
	"/link/token/get":                             (*Emulator).linkTokenGet,
	"/sandbox/public_token/create":                (*Emulator).sandboxPublicTokenCreate,
	"/item/public_token/exchange":                 (*Emulator).itemPublicTokenExchange,
	"/item/get":                                   (*Emulator).itemGet,
	"/item/remove":                                (*Emulator).itemRemove,
	"/sandbox/item/reset_login":                   (*Emulator).sandboxItemResetLogin,
	"/sandbox/item/set_verification_status":       (*Emulator).sandboxItemSetVerificationStatus,
	"/accounts/get":                               (*Emulator).accountsGet,
	"/accounts/balance/get":                       (*Emulator).accountsGet,
	"/auth/get":                                   (*Emulator).authGet,
	"/identity/get":                               (*Emulator).identityGet,
	"/institutions/get_by_id":                     (*Emulator).institutionsGetByID,
	"/institutions/get":                           (*Emulator).institutionsGet,
	"/institutions/search":                        (*Emulator).institutionsSearch,
	"/processor/token/create":                     (*Emulator).processorTokenCreate,
	"/processor/stripe/bank_account_token/create": (*Emulator).stripeTokenCreate,
	"/asset_report/create":                        (*Emulator).assetReportCreate,
	"/asset_report/get":                           (*Emulator).assetReportGet,
	"/credit/relay/create":                        (*Emulator).creditRelayCreate,
	"/credit/relay/get":                           (*Emulator).creditRelayGet,
	"/webhook_verification_key/get":               (*Emulator).webhookVerificationKeyGet,
	"/sandbox/item/fire_webhook":                  (*Emulator).sandboxItemFireWebhook,
	"/item/webhook/update":                        (*Emulator).itemWebhookUpdate,
	"/item/access_token/invalidate":               (*Emulator).itemAccessTokenInvalidate,
	"/item/public_token/create":                   (*Emulator).itemPublicTokenCreate,
	"/item/import":                                (*Emulator).itemImport,
	"/processor/apex/processor_token/create":      (*Emulator).apexProcessorTokenCreate,
	"/processor/account/get":                      (*Emulator).processorAccountGet,
	"/processor/auth/get":                         (*Emulator).processorAuthGet,
	"/processor/balance/get":                      (*Emulator).processorBalanceGet,
	"/processor/identity/get":                     (*Emulator).processorIdentityGet,
	"/processor/identity/match":                   (*Emulator).processorIdentityMatch,
	"/processor/token/permissions/set":            (*Emulator).processorPermissionsSet,
	"/processor/token/permissions/get":            (*Emulator).processorPermissionsGet,
	"/processor/token/webhook/update":             (*Emulator).processorWebhookUpdate,
	"/sandbox/processor_token/create":             (*Emulator).sandboxProcessorTokenCreate,
	"/transactions/sync":                          (*Emulator).transactionsSync,
	"/transactions/get":                           (*Emulator).transactionsGet,
	"/transactions/refresh":                       (*Emulator).transactionsRefresh,
	"/processor/transactions/sync":                (*Emulator).processorTransactionsSync,
	"/processor/transactions/get":                 (*Emulator).processorTransactionsGet,
	"/processor/transactions/refresh":             (*Emulator).processorTransactionsRefresh,
	"/categories/get":                             (*Emulator).categoriesGet,
	"/transactions/recurring/get":                 (*Emulator).transactionsRecurringGet,
	"/investments/holdings/get":                   (*Emulator).investmentsHoldingsGet,
	"/investments/transactions/get":               (*Emulator).investmentsTransactionsGet,
	"/investments/refresh":                        (*Emulator).investmentsRefresh,
	"/processor/investments/holdings/get":         (*Emulator).processorInvestmentsHoldingsGet,
	"/processor/investments/transactions/get":     (*Emulator).processorInvestmentsTransactionsGet,
	"/liabilities/get":                            (*Emulator).liabilitiesGet,
	"/processor/liabilities/get":                  (*Emulator).processorLiabilitiesGet,
}

// ownEndpoints are plaidwalk's additions, not Plaid's: served like the API (POST, the test
// keys) under the /plaidwalk/ prefix, which no Plaid path uses.
var ownEndpoints = map[string]handler{
	DeliveriesPath: (*Emulator).webhookDeliveriesList,
}
