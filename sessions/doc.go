// Package sessions records plaidwalk walks so they can be kept, shown, replayed and shared.
//
// A Session is one walk: its inputs (partner, environment, Link configuration and mode,
// institution, test user, account choice, partner inputs), what Link reported, the redacted
// API log and the outcome. It is saved as versioned JSON (see FORMAT.md) in the user's state
// directory, 0600 files in a directory plaidwalk makes 0700 (or the user's own), written
// atomically. Every value written passes a final scrub for client secrets and whole tokens,
// on top of plaidflow's own redaction: a saved session is meant to be attached to a support
// ticket. Every value read is untrusted: paths must be Plaid's, and text is cleaned before
// it is printed. limits.go holds the sizes that keep what is written readable.
//
// The package renders sessions (a list, a timeline, a curl script, a Markdown write-up) and
// compares a replay with the saved walk step by step. It imports plaidflow for the types of a
// walk and no UI package.
package sessions
