// Package termtext is the one owner of making outside text safe to print on a terminal.
//
// Text from Plaid, from Link's metadata or from any API host can carry terminal escape
// sequences (CSI, OSC such as OSC 52 clipboard writes and OSC 8 links, DCS and the other
// string sequences, in their 7-bit ESC and 8-bit C1 forms), control characters, and invisible
// Unicode: bidi overrides and isolates that reorder what is shown, and zero-width characters
// that hide or split words. Any of these lets a bank name or an error message move the cursor,
// retitle the terminal, write the clipboard or display as something it is not. Every printer
// in plaidwalk cleans such text through this package, so the rules live in one place.
//
// Callers differ only in what a line break becomes: Multiline keeps newlines and tabs,
// SingleLine turns each into a space, Compact also squeezes runs of spaces.
package termtext
