package termtext

import (
	"fmt"
	"unicode/utf8"
)

// JSON makes a JSON document safe to print as it is: every character the cleaners would
// drop or change (C1 controls, bidi and zero-width characters, U+2028, U+2029) is written as
// a \u escape instead. Such characters can only stand inside JSON strings, where the escape
// means the same character, so a program reading the output gets exactly the original
// values while a terminal showing it gets nothing it would act on. Characters below U+0020
// are already escaped in valid JSON; invalid UTF-8 bytes become \ufffd.
func JSON(doc []byte) []byte {
	safe := true
	for i := 0; i < len(doc); i++ {
		if doc[i] >= 0x7f {
			safe = false
			break
		}
	}
	if safe {
		return doc
	}
	out := make([]byte, 0, len(doc)+16)
	for len(doc) > 0 {
		r, size := utf8.DecodeRune(doc)
		switch {
		case r == utf8.RuneError && size <= 1:
			out = append(out, `\ufffd`...)
		case r == 0x7f || r == '\u2028' || r == '\u2029' || !keptAsIs(r):
			out = appendEscape(out, r)
		default:
			out = append(out, doc[:size]...)
		}
		doc = doc[size:]
	}
	return out
}

// keptAsIs says whether SingleLine keeps r unchanged.
func keptAsIs(r rune) bool {
	got, keep := visible(r, true)
	return keep && got == r
}

// appendEscape writes r as JSON's \uXXXX, as a surrogate pair beyond the BMP.
func appendEscape(out []byte, r rune) []byte {
	if r > 0xffff {
		r -= 0x10000
		return fmt.Appendf(out, `\u%04x\u%04x`, 0xd800+(r>>10), 0xdc00+(r&0x3ff))
	}
	return fmt.Appendf(out, `\u%04x`, r)
}
