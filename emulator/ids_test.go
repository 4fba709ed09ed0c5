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
