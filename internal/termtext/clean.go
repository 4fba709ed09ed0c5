package termtext

import (
	"strings"
	"unicode"
)

// Multiline cleans text that may span lines (an error message, a block in a detail pane):
// escape sequences, control characters, bidi controls and zero-width characters are removed;
// newlines and tabs stay; U+2028 and U+2029 become newlines; carriage returns are dropped, as
// a lone CR would let later text overwrite the start of the line.
func Multiline(s string) string { return clean(s, false) }

// SingleLine cleans text printed on one line (a table cell, a log line, a status): as
// Multiline, but every newline, tab, carriage return, U+2028 and U+2029 becomes one space.
// Spaces are not squeezed, so the text keeps its length apart from what was removed.
func SingleLine(s string) string { return clean(s, true) }

// Compact is SingleLine with runs of white space squeezed to one space and the ends trimmed:
// for a feed line or a cell where the original spacing carries no meaning.
func Compact(s string) string { return strings.Join(strings.Fields(clean(s, true)), " ") }

// clean is the one pass behind every exported function.
func clean(s string, oneLine bool) string {
	if plainASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	rs := []rune(s) // invalid UTF-8 bytes become U+FFFD here, so none reach the terminal raw
	for i := 0; i < len(rs); i++ {
		if end, ok := sequenceEnd(rs, i); ok {
			i = end
			continue
		}
		if r, keep := visible(rs[i], oneLine); keep {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// plainASCII is the fast path: printable ASCII needs no cleaning, and most text is that.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x20 || s[i] > 0x7e {
			return false
		}
	}
	return true
}

// visible says what r becomes outside an escape sequence, and whether it is kept at all.
func visible(r rune, oneLine bool) (rune, bool) {
	switch r {
	case '\n', '\t', '\u2028', '\u2029':
		if oneLine {
			return ' ', true
		}
		if r == '\t' {
			return r, true
		}
		return '\n', true
	case '\r':
		return ' ', oneLine
	}
	if unicode.IsControl(r) || invisible(r) {
		return 0, false
	}
	return r, true
}

// invisible reports characters that change how text around them is shown without showing
// themselves: a bank named "Good\u202eknaB" would display reversed, and zero-width characters
// can make two different names look the same.
func invisible(r rune) bool {
	switch {
	case unicode.Is(unicode.Bidi_Control, r):
		// U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069.
		return true
	case r >= 0x200b && r <= 0x200d, // zero width space, non-joiner, joiner
		r >= 0x2060 && r <= 0x2064,   // word joiner and the invisible math operators
		r >= 0x206a && r <= 0x206f,   // deprecated shaping and digit controls
		r == 0xfeff,                  // zero width no-break space (BOM)
		r == 0x180e,                  // Mongolian vowel separator, once a zero-width space
		r >= 0xe0000 && r <= 0xe007f: // tag characters, which can smuggle hidden text
		return true
	}
	return false
}
