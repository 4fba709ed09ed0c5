package plaidflow

import "plaidwalk/internal/termtext"

// CleanText makes text from Plaid or Link safe to print on a terminal: escape sequences,
// control characters, bidi controls and zero-width characters are removed; newlines, tabs and
// carriage returns become spaces. internal/termtext owns the rules; this name stays for the
// many callers that clean text where it enters plaidflow.
func CleanText(s string) string { return termtext.SingleLine(s) }
