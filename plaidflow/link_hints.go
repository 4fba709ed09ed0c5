package plaidflow

// linkErrorHints advise on the errors a Link session can end with that come from the bank or
// from the user rather than from the integration: the developer can do nothing in code, so
// the hint says what to try instead. In the sandbox each also comes from an error_<CODE>
// password.
var linkErrorHints = map[string]string{
	"INSTITUTION_DOWN":                "Plaid cannot reach this bank at the moment; try again later, or link another bank. (Sandbox: the bank Unhealthy Platypus Bank (down) or the password error_INSTITUTION_DOWN.)",
	"INSTITUTION_NOT_RESPONDING":      "The bank did not answer Plaid in time; try again, or link another bank.",
	"INSTITUTION_NOT_SUPPORTED":       "Plaid does not connect to this bank for the products asked for; link another bank, or ask for fewer products.",
	"INSTITUTION_NO_LONGER_SUPPORTED": "Plaid no longer connects to this bank; link another one.",
	"COUNTRY_NOT_SUPPORTED":           "The bank is outside the link_token's country codes; add its country (PLAID_COUNTRY_CODES, --country-codes, or the UI's Link options) and link again.",
	"USER_INPUT_TIMEOUT":              "The user took too long on one of the bank's steps; open Link and try again.",
	"INTERNAL_SERVER_ERROR":           "Plaid had a problem while the user was in Link; try again, and quote the request_id to Plaid support if it keeps happening.",
	"INVALID_SEND_METHOD":             "The bank could not send its security code the way the user picked; try again and choose another device.",
}
