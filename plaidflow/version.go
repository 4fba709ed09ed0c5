package plaidflow

// PlaidVersion is the Plaid API version plaidwalk speaks, sent in the Plaid-Version header
// of every call (plaid-go's default, set explicitly so it has one owner). The curl the UI
// shows repeats the header each call was sent with, and the script `sessions export --format
// curl` writes sends this one, so a command copied from either asks Plaid for the answers the
// walk got.
const PlaidVersion = "2020-09-14"

// PlaidVersionHeader is the header that carries PlaidVersion.
const PlaidVersionHeader = "Plaid-Version"
