// Package plaidflow is plaidwalk's Plaid integration without any UI: configuration, the
// partner catalog, each API step of a partner flow, account eligibility and the API log.
// Every plaid-go call lives here, so a later plaid-go upgrade touches this package only.
package plaidflow
