package codegen

import (
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
)

// Each language's string literal of s. A session's text is hostile: none of these lets a value
// end its literal, start an interpolation or a line of code.

// jsString: JSON's escaping is JavaScript's, and encoding/json also escapes U+2028 and U+2029.
// Python reads the same escapes.
func jsString(s string) string {
	b, _ := json.Marshal(strings.ToValidUTF8(s, "\uFFFD"))
	return string(b)
}

func pyString(s string) string { return jsString(s) }

func goString(s string) string { return strconv.Quote(s) }

// rubyString is single-quoted: Ruby interpolates #{...} in double quotes.
func rubyString(s string) string {
	return "'" + strings.NewReplacer(`\`, `\\`, `'`, `\'`).Replace(s) + "'"
}

// javaString escapes line ends and control characters with octal escapes, never \u: javac
// turns \u000a into a line end before it reads the literal. Other non-ASCII text is \u-escaped
// (javac reads it back as that character inside the literal).
func javaString(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range strings.ToValidUTF8(s, "\uFFFD") {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\%03o`, r)
		case r < 0x7f:
			b.WriteRune(r)
		default:
			for _, u := range utf16.Encode([]rune{r}) {
				fmt.Fprintf(&b, `\u%04x`, u)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}
