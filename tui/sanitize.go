package tui

import (
	"strings"
	"unicode"
)

// sanitize removes terminal escape sequences and control characters from text that came from
// Link or the API, so a crafted institution name or error message cannot move the cursor,
// retitle the terminal or write to the clipboard. Newlines and tabs survive.
func sanitize(s string) string {
	var b strings.Builder
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == 0x1b:
			i = skipEscape(rs, i)
		case r == 0x9b: // C1 CSI
			i = skipUntilFinal(rs, i+1)
		case r == 0x9d || r == 0x90 || r == 0x98 || r == 0x9e || r == 0x9f: // C1 OSC, DCS, SOS, PM, APC
			i = skipString(rs, i+1)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case unicode.IsControl(r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// oneLine is sanitize for a table cell or a feed line: newlines and tabs become spaces.
func oneLine(s string) string {
	return strings.Join(strings.Fields(sanitize(s)), " ")
}

// skipEscape returns the index of the last rune of the escape sequence that starts at i.
func skipEscape(rs []rune, i int) int {
	if i+1 >= len(rs) {
		return i
	}
	switch rs[i+1] {
	case '[':
		return skipUntilFinal(rs, i+2)
	case ']', 'P', 'X', '^', '_':
		return skipString(rs, i+2)
	default:
		return i + 1
	}
}

// skipUntilFinal skips a CSI's parameters up to its final byte (0x40..0x7e).
func skipUntilFinal(rs []rune, i int) int {
	for ; i < len(rs); i++ {
		if rs[i] >= 0x40 && rs[i] <= 0x7e {
			return i
		}
	}
	return len(rs) - 1
}

// skipString skips an OSC/DCS-style string up to BEL or ST (ESC \ or 0x9c).
func skipString(rs []rune, i int) int {
	for ; i < len(rs); i++ {
		switch {
		case rs[i] == 0x07 || rs[i] == 0x9c:
			return i
		case rs[i] == 0x1b && i+1 < len(rs) && rs[i+1] == '\\':
			return i + 1
		}
	}
	return len(rs) - 1
}
