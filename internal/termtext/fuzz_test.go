package termtext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// FuzzClean checks the promises every caller relies on, for any input: nothing a terminal
// would act on or hide survives, and cleaning is idempotent, so text cleaned where it enters
// and again where it is printed reads the same. The seeds run in plain `go test`.
func FuzzClean(f *testing.F) {
	for _, seed := range []string{
		"", "First Platypus Bank", "\x1b[31mred\x1b[0m", "a\x1b]52;c;aGk=\x07b",
		"x\x1b]0;title\x1b\\y", "see \x1b]8;;http://evil\x1b\\here\x1b]8;;\x1b\\", "a\x1bP1$r0m\x1b\\b",
		"c1\u009b31mcsi", "a\u009d0;t\u009cb", "\x1b\x1b[\x1b]", "ab\x1b", "a\x1b[3\nb",
		"Platypus \u202eknaB\u202c", "Pl\u200baid\ufeff\U000e0041", "one\u2028two\u2029three",
		"bell\x07 back\bspace\r\n\t", "a\xffb\x9bc", "\xc2\x9b31m", "\x1b[\u202e31m", "  a \n\t b  ",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, in string) {
		forms := []struct {
			name    string
			fn      func(string) string
			newline bool
		}{{"Multiline", Multiline, true}, {"SingleLine", SingleLine, false}, {"Compact", Compact, false}}
		for _, form := range forms {
			out := form.fn(in)
			if bad, ok := unsafeRune(out, form.newline); ok {
				t.Fatalf("%s(%q) = %q keeps %U", form.name, in, out, bad)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("%s(%q) = %q is not valid UTF-8", form.name, in, out)
			}
			if again := form.fn(out); again != out {
				t.Fatalf("%s is not idempotent: %q -> %q -> %q", form.name, in, out, again)
			}
		}
		if c := Compact(in); c != strings.TrimSpace(c) || strings.Contains(c, "  ") {
			t.Fatalf("Compact(%q) = %q is not squeezed", in, c)
		}
	})
}

// unsafeRune returns the first rune of s that no cleaned text may hold: ESC, any C0 or C1
// control (newline and tab only in the block form), DEL, the line and paragraph separators,
// and the bidi and zero-width characters, listed here rather than through invisible so the
// test does not trust the code it checks.
func unsafeRune(s string, block bool) (rune, bool) {
	for _, r := range s {
		switch {
		case block && (r == '\n' || r == '\t'):
		case r < 0x20, r >= 0x7f && r < 0xa0, r == 0x2028, r == 0x2029,
			unicode.Is(unicode.Bidi_Control, r), r >= 0x200b && r <= 0x200d, r == 0x2060, r == 0xfeff,
			r >= 0xe0000 && r <= 0xe007f:
			return r, true
		}
	}
	return 0, false
}
