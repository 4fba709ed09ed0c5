package plaidflow

import (
	"regexp"
	"strings"
)

// escapeSequence matches ANSI/VT escape sequences (CSI, OSC and two-byte escapes).
var escapeSequence = regexp.MustCompile(`\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)|[@-Z\\-_])`)

// CleanText makes text from Plaid or Link safe to print on a terminal: escape sequences and
// other control characters are removed (newlines and tabs become spaces).
func CleanText(s string) string {
	s = escapeSequence.ReplaceAllString(s, "")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t' || r == '\r':
			return ' '
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		}
		return r
	}, s)
}
