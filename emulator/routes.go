package emulator

// endpoints are the API paths the emulator serves; anything else is Plaid's 404 NOT_FOUND.
var endpoints = map[string]endpoint{
	"/link/token/create":                          {linkTokenCreateFields, (*Emulator).linkTokenCreate},
	"/link/token/get":                             {linkTokenGetFields, (*Emulator).linkTokenGet},
	"/sandbox/public_token/create":                {sandboxPublicTokenCreateFields, (*Emulator).sandboxPublicTokenCreate},
	"/item/public_token/exchange":                 {[]field{{name: "public_token", kind: kString, required: true}}, (*Emulator).itemPublicTokenExchange},
	"/item/get":                                   {accessTokenFields, (*Emulator).itemGet},
	"/item/remove":                                {itemRemoveFields, (*Emulator).itemRemove},
	"/sandbox/item/reset_login":                   {accessTokenFields, (*Emulator).sandboxItemResetLogin},
	"/accounts/get":                               {accountsGetFields, (*Emulator).accountsGet},
	"/accounts/balance/get":                       {balanceGetFields, (*Emulator).accountsGet},
	"/auth/get":                                   {accountsGetFields, (*Emulator).authGet},
	"/identity/get":                               {accountsGetFields, (*Emulator).identityGet},
	"/institutions/get_by_id":                     {institutionsGetByIDFields, (*Emulator).institutionsGetByID},
	"/institutions/get":                           {institutionsGetFields, (*Emulator).institutionsGet},
	"/institutions/search":                        {institutionsSearchFields, (*Emulator).institutionsSearch},
	"/processor/token/create":                     {processorTokenCreateFields, (*Emulator).processorTokenCreate},
	"/processor/stripe/bank_account_token/create": {stripeTokenCreateFields, (*Emulator).stripeTokenCreate},
	"/asset_report/create":                        {assetReportCreateFields, (*Emulator).assetReportCreate},
	"/asset_report/get":                           {assetReportGetFields, (*Emulator).assetReportGet},
	"/credit/relay/create":                        {creditRelayCreateFields, (*Emulator).creditRelayCreate},
	"/webhook_verification_key/get":               {webhookKeyGetFields, (*Emulator).webhookVerificationKeyGet},
	"/sandbox/item/fire_webhook":                  {fireWebhookFields, (*Emulator).sandboxItemFireWebhook},
	"/item/webhook/update":                        {itemWebhookUpdateFields, (*Emulator).itemWebhookUpdate},
	"/item/access_token/invalidate":               {accessTokenFields, (*Emulator).itemAccessTokenInvalidate},
	"/item/public_token/create":                   {accessTokenFields, (*Emulator).itemPublicTokenCreate},
	"/item/import":                                {itemImportFields, (*Emulator).itemImport},
	"/processor/apex/processor_token/create":      {apexProcessorTokenCreateFields, (*Emulator).apexProcessorTokenCreate},
	"/processor/account/get":                      {processorTokenFields, (*Emulator).processorAccountGet},
	"/processor/auth/get":                         {processorTokenFields, (*Emulator).processorAuthGet},
	"/processor/balance/get":                      {processorBalanceGetFields, (*Emulator).processorBalanceGet},
	"/processor/identity/get":                     {processorTokenFields, (*Emulator).processorIdentityGet},
	"/processor/identity/match":                   {processorIdentityMatchFields, (*Emulator).processorIdentityMatch},
	"/processor/token/permissions/set":            {processorPermissionsSetFields, (*Emulator).processorPermissionsSet},
	"/processor/token/permissions/get":            {processorTokenFields, (*Emulator).processorPermissionsGet},
	"/processor/token/webhook/update":             {processorWebhookUpdateFields, (*Emulator).processorWebhookUpdate},
	"/sandbox/processor_token/create":             {sandboxProcessorTokenCreateFields, (*Emulator).sandboxProcessorTokenCreate},
}

// ownEndpoints are plaidwalk's additions, not Plaid's: served like the API (POST, the test
// keys) under the /plaidwalk/ prefix, which no Plaid path uses.
var ownEndpoints = map[string]endpoint{
	DeliveriesPath: {nil, (*Emulator).webhookDeliveriesList},
}

var itemRemoveFields = []field{
	{name: "access_token", kind: kString, required: true},
	{name: "reason_code", kind: kString}, {name: "reason_note", kind: kString},
}
