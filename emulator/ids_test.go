package emulator

import (
	"regexp"
	"strings"
	"testing"
)

// TestRandomAlphanumericsShapeAndSpread: ids have the asked length, only Plaid's 62
// characters, and every character about equally often (the skipped bytes keep it unbiased).
func TestRandomAlphanumericsShapeAndSpread(t *testing.T) {
	for _, n := range []int{15, 24, 37, 200} { // 200 needs more than one read
		id := randomAlphanumerics(n)
		if !regexp.MustCompile(`^[A-Za-z0-9]+$`).MatchString(id) || len(id) != n {
			t.Fatalf("randomAlphanumerics(%d) = %q", n, id)
		}
	}
	var all strings.Builder
	for range 62 * 1000 / 37 {
		all.WriteString(randomAlphanumerics(37))
	}
	counts := map[rune]int{}
	for _, c := range all.String() {
		counts[c]++
	}
	// Each character is expected ~1000 times with a standard deviation of ~31; a biased
	// mapping (byte % 62) gives the first eight characters ~25 % more.
	for _, c := range alphanumerics {
		if n := counts[c]; n < 800 || n > 1200 {
			t.Errorf("%q appeared %d times in %d characters, want about 1000", c, n, all.Len())
		}
	}
	if a, b := newItemID(), newItemID(); a == b {
		t.Fatalf("two item ids are equal: %s", a)
	}
}

// TestRequestIDShapeAndSpread: request ids, made from math/rand/v2, have Plaid's 15
// characters, each about equally often, and do not repeat.
func TestRequestIDShapeAndSpread(t *testing.T) {
	seen := map[string]bool{}
	counts := map[rune]int{}
	for range 62 * 1000 / requestIDLen {
		id := newRequestID()
		if !regexp.MustCompile(`^[A-Za-z0-9]{15}$`).MatchString(id) || seen[id] {
			t.Fatalf("request id %q: wrong shape or repeated", id)
		}
		seen[id] = true
		for _, c := range id {
			counts[c]++
		}
	}
	for _, c := range alphanumerics {
		if n := counts[c]; n < 800 || n > 1200 {
			t.Errorf("%q appeared %d times, want about 1000", c, n)
		}
	}
}

func BenchmarkNewItemID(b *testing.B) {
	for b.Loop() {
		_ = newItemID()
	}
}

// tokenShape and isAccountIDShape accept exactly what the patterns Plaid's forms are written
// as accept (they replaced these regexps on the request path).
func TestTokenAndAccountIDShapesMatchTheirPatterns(t *testing.T) {
	tokenPattern := regexp.MustCompile(`^access-(sandbox|production|development)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	accountPattern := regexp.MustCompile(`^[A-Za-z0-9]{37}$`)
	good := "access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"
	tokens := []string{good, strings.Replace(good, "sandbox", "production", 1), strings.Replace(good, "sandbox", "development", 1),
		strings.Replace(good, "sandbox", "staging", 1), strings.Replace(good, "access", "public", 1), strings.ToUpper(good),
		good + "0", good[:len(good)-1], good + "\n", "x" + good, strings.ReplaceAll(good, "-", ""), strings.Replace(good, "7f0b", "7g0b", 1),
		strings.Replace(good, "-3d4a", "3-d4a", 1), "access-sandbox-", "access-", "access", "", "access--" + good[15:],
		"access-sandbox" + good[14:] + "-", strings.Replace(good, "sandbox-", "sandbox--", 1)}
	for _, tok := range tokens {
		if got, want := tokenShape("access", tok), tokenPattern.MatchString(tok); got != want {
			t.Errorf("tokenShape(access, %q) = %v, the pattern says %v", tok, got, want)
		}
	}
	id := newItemID()
	for _, s := range []string{id, id[1:], id + "A", id[:36] + "-", id[:36] + "é", id[:36] + "\n", "", strings.Repeat("9", 37), strings.Repeat("_", 37)} {
		if got, want := isAccountIDShape(s), accountPattern.MatchString(s); got != want {
			t.Errorf("isAccountIDShape(%q) = %v, the pattern says %v", s, got, want)
		}
	}
}
