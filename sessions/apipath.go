package sessions

import (
	"fmt"
	"regexp"
	"strconv"
)

// apiPathRE is the shape of every Plaid API path: a slash, then lowercase words, digits and
// underscores, separated by single slashes. A session's paths are written into shell scripts
// ("$BASE_URL$path"), Markdown and terminals; anything else could point the script's
// PLAID-SECRET header at another host (@evil.example/x, .evil.example/x) or carry escape
// sequences, so it is refused rather than cleaned.
var apiPathRE = regexp.MustCompile(`^(/[a-z0-9_]+)+$`)

// IsAPIPath reports whether p has the shape of a Plaid API path.
func IsAPIPath(p string) bool { return apiPathRE.MatchString(p) }

// checkCalls refuses a session whose calls are not all to Plaid API paths, naming the first
// call that is not.
func checkCalls(calls []Call) error {
	for i, c := range calls {
		if !IsAPIPath(c.Path) {
			return fmt.Errorf("call %d (%s at %s) has the path %s, which is not a Plaid API path (a / then lowercase letters, digits, _ and /)",
				i+1, quoteShort(c.Method), c.Time.UTC().Format("15:04:05.000"), quoteShort(c.Path))
		}
	}
	return nil
}

// quoteShort shows untrusted text in a message: quoted with every control and invisible
// character escaped, and cut to a length a message can carry.
func quoteShort(s string) string {
	const limit = 80
	if r := []rune(s); len(r) > limit {
		return strconv.QuoteToASCII(string(r[:limit])) + "…"
	}
	return strconv.QuoteToASCII(s)
}
