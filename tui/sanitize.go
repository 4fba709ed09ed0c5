package tui

import "plaidwalk/internal/termtext"

// sanitize removes terminal escape sequences, control characters, bidi controls and
// zero-width characters from text that came from Link or the API, so a crafted institution
// name or error message cannot move the cursor, retitle the terminal, write to the clipboard
// or display as something it is not. Newlines and tabs survive. internal/termtext owns the
// rules.
func sanitize(s string) string { return termtext.Multiline(s) }

// oneLine is sanitize for a table cell or a feed line: line breaks and tabs become spaces and
// runs of white space are squeezed.
func oneLine(s string) string { return termtext.Compact(s) }
