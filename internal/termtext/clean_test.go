package termtext

import (
	"strings"
	"testing"
)

type cleanCase struct{ name, in, multi, single string }

func runCases(t *testing.T, cases []cleanCase) {
	t.Helper()
	for _, c := range cases {
		if got := Multiline(c.in); got != c.multi {
			t.Errorf("%s: Multiline(%q) = %q, want %q", c.name, c.in, got, c.multi)
		}
		if got := SingleLine(c.in); got != c.single {
			t.Errorf("%s: SingleLine(%q) = %q, want %q", c.name, c.in, got, c.single)
		}
	}
}

func TestEscapeSequences(t *testing.T) {
	runCases(t, []cleanCase{
		{"CSI colour", "\x1b[31mred\x1b[0m", "red", "red"},
		{"CSI clear", "a\x1b[2Jb", "ab", "ab"},
		{"CSI private", "a\x1b[?1049hb", "ab", "ab"},
		{"CSI cut by a newline", "a\x1b[3\nb", "a\nb", "a b"},
		{"OSC title BEL", "x\x1b]0;title\x07y", "xy", "xy"},
		{"OSC title ST", "x\x1b]0;title\x1b\\y", "xy", "xy"},
		{"OSC 52 clipboard", "a\x1b]52;c;aGk=\x07b", "ab", "ab"},
		{"OSC 8 link", "see \x1b]8;;http://evil\x1b\\here\x1b]8;;\x1b\\", "see here", "see here"},
		{"OSC cut by ESC", "a\x1b]0;t\x1b[1mb", "ab", "ab"},
		{"DCS", "a\x1bP1$r0m\x1b\\b", "ab", "ab"},
		{"SOS PM APC", "a\x1bXs\x1b\\b\x1b^p\x1b\\c\x1b_a\x1b\\d", "abcd", "abcd"},
		{"charset", "a\x1b(Bb", "ab", "ab"},
		{"save cursor", "a\x1b7b\x1b8c", "abc", "abc"},
		{"reset", "a\x1bcb", "ab", "ab"},
		{"lone ESC at the end", "ab\x1b", "ab", "ab"},
		{"unterminated OSC", "ab\x1b]0;never ends", "ab", "ab"},
		{"C1 CSI", "c1\u009b31mcsi", "c1csi", "c1csi"},
		{"C1 OSC", "a\u009d0;t\u009cb", "ab", "ab"},
		{"C1 DCS", "a\u0090q\u009cb", "ab", "ab"},
		{"C1 APC PM SOS", "a\u009fx\u009cb\u009ey\u009cc\u0098z\u009cd", "abcd", "abcd"},
	})
}

func TestControlCharacters(t *testing.T) {
	runCases(t, []cleanCase{
		{"BEL backspace CR", "bell\x07 back\bspace\r", "bell backspace", "bell backspace "},
		{"NUL DEL", "a\x00b\x7fc", "abc", "abc"},
		{"other C1", "a\u0085b\u0080c", "abc", "abc"},
		{"newline and tab", "keep\nnewline\ttab", "keep\nnewline\ttab", "keep newline tab"},
		{"CRLF", "one\r\ntwo", "one\ntwo", "one  two"},
	})
}

func TestBidiControls(t *testing.T) {
	for _, r := range []rune{0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069, 0x200e, 0x200f, 0x061c} {
		in := "Good " + string(r) + "Bank"
		runCases(t, []cleanCase{{name: "bidi " + string(r), in: in, multi: "Good Bank", single: "Good Bank"}})
	}
	runCases(t, []cleanCase{{"override spoof", "Platypus \u202eknaB\u202c", "Platypus knaB", "Platypus knaB"}})
}

func TestZeroWidthCharacters(t *testing.T) {
	for _, r := range []rune{0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x2063, 0x180e, 0xe0041} {
		in := "Pl" + string(r) + "aid"
		runCases(t, []cleanCase{{name: "zero width " + string(r), in: in, multi: "Plaid", single: "Plaid"}})
	}
}

func TestLineAndParagraphSeparators(t *testing.T) {
	runCases(t, []cleanCase{
		{"line separator", "one\u2028two", "one\ntwo", "one two"},
		{"paragraph separator", "one\u2029two", "one\ntwo", "one two"},
	})
}

func TestTextThatStays(t *testing.T) {
	runCases(t, []cleanCase{
		{"plain", "First Platypus Bank", "First Platypus Bank", "First Platypus Bank"},
		{"accents and emoji", "Évry bank 🙂", "Évry bank 🙂", "Évry bank 🙂"},
		{"right-to-left script", "بنك مصر", "بنك مصر", "بنك مصر"},
		{"CJK", "銀行", "銀行", "銀行"},
		{"empty", "", "", ""},
		{"invalid UTF-8", "a\xffb\x9bc", "a\ufffdb\ufffdc", "a\ufffdb\ufffdc"},
	})
}

func TestCompact(t *testing.T) {
	cases := map[string]string{
		"  a \n\t b\u2028c  ":      "a b c",
		"x\x1b[31m  y\u202e z\r\n": "x y z",
		"":                         "",
	}
	for in, want := range cases {
		if got := Compact(in); got != want {
			t.Errorf("Compact(%q) = %q, want %q", in, got, want)
		}
	}
}

// No output of the cleaners holds a rune a terminal would act on or hide, whatever the input.
func TestNothingDangerousSurvives(t *testing.T) {
	var in strings.Builder
	for r := rune(0); r < 0x3000; r++ {
		in.WriteRune(r)
	}
	for _, r := range []rune{0xfeff, 0xe0001, 0xe0020, 0xe007f} {
		in.WriteRune(r)
	}
	for _, out := range []string{Multiline(in.String()), SingleLine(in.String()), Compact(in.String())} {
		for _, r := range out {
			if r == '\n' || r == '\t' {
				continue
			}
			if r < 0x20 || (r >= 0x7f && r < 0xa0) || invisible(r) || r == 0x2028 || r == 0x2029 {
				t.Errorf("%U survived", r)
			}
		}
	}
}

func BenchmarkSingleLine(b *testing.B) {
	plain := "Plaid Checking 0000 at First Platypus Bank"
	dirty := "Plaid\x1b[31m Checking\u202e 0000\x1b]0;t\x07 Évry"
	for b.Loop() {
		SingleLine(plain)
		SingleLine(dirty)
	}
}
