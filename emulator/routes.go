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
}

var itemRemoveFields = []field{
	{name: "access_token", kind: kString, required: true},
	{name: "reason_code", kind: kString}, {name: "reason_note", kind: kString},
}
