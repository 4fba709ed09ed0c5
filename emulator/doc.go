// Package emulator is Plaid, offline: a stateful, in-memory emulator of the Plaid API (the
// endpoints plaidwalk's flows use, in Plaid's exact wire format) and of Plaid Link (a drop-in
// link-initialize.js and its screens). It never imports plaidflow: it is Plaid, not our client.
package emulator
