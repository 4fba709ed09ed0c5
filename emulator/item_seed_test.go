package emulator

import (
	"regexp"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

var plaidIDShape = regexp.MustCompile(`^[A-Za-z0-9]{37}$`)

// TestAccountIDsDerivedFromItemID: an Item's account ids have Plaid's shape, differ from each
// other and from another Item's, and are the same on every derivation (a shorter derivation is
// a prefix of a longer one, so a processor token's account is found by its index alone).
func TestAccountIDsDerivedFromItemID(t *testing.T) {
	a, b := newItemID(), newItemID()
	ids := accountIDs(a, 12)
	seen := map[string]bool{}
	for i, id := range append(append([]string(nil), ids...), accountIDs(b, 12)...) {
		if !plaidIDShape.MatchString(id) || seen[id] {
			t.Fatalf("account id %d %q: wrong shape or repeated", i, id)
		}
		seen[id] = true
	}
	if again := accountIDs(a, 12); strings.Join(again, ",") != strings.Join(ids, ",") {
		t.Fatalf("second derivation differs:\n%v\n%v", again, ids)
	}
	if short := accountIDs(a, 3); strings.Join(short, ",") != strings.Join(ids[:3], ",") {
		t.Fatalf("accountIDs(a, 3) = %v, want %v", short, ids[:3])
	}
	if got := accountIDOf(a, 7); got != ids[7] {
		t.Fatalf("accountIDOf(a, 7) = %s, want %s", got, ids[7])
	}
}

// TestAccountIDsKnownAnswer pins the derivation: Items outlive the process (--state), so a
// change here would give every stored Item new account ids. ChaCha8rand and SHA-256 are fixed
// by their specifications; only an edit of accountIDs can fail this.
func TestAccountIDsKnownAnswer(t *testing.T) {
	got := accountIDs(strings.Repeat("A", 37), 2)
	want := []string{"jMJoZXI2jXLc8kGLEu36TwUPe0zjQgS6fpl2O", "sqpfZ2eO2UVoPaXHhvXnfji2RyK0RlppQgieQ"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("accountIDs changed: got %v, want %v", got, want)
	}
}

// TestParseTokenRefusesOtherSpellings: a token's key is read only from the exact spelling the
// emulator hands out, so no second string reaches the same Item.
func TestParseTokenRefusesOtherSpellings(t *testing.T) {
	e := New(Options{})
	k := newTokenKey()
	tok := e.tokenString("access", k)
	if got, ok := e.parseToken("access", tok); !ok || got != k {
		t.Fatalf("parseToken(%q) = %x, %v; want the key back", tok, got, ok)
	}
	bad := []string{
		strings.ToUpper(tok[:len("access-sandbox-")]) + tok[len("access-sandbox-"):],
		"access-sandbox-" + strings.ToUpper(tok[len("access-sandbox-"):]),
		"access-production-" + tok[len("access-sandbox-"):],
		"processor-sandbox-" + tok[len("access-sandbox-"):],
		"access-sandbox-" + strings.ReplaceAll(tok[len("access-sandbox-"):], "-", ""),
		"access-sandbox-{" + tok[len("access-sandbox-"):] + "}",
		tok + "0",
		"access-sandbox-" + strings.Replace(tok[len("access-sandbox-"):], "-", "0", 1) + "-",
	}
	for _, b := range bad {
		if _, ok := e.parseToken("access", b); ok {
			t.Errorf("parseToken accepted %q", b)
		}
	}
}

// TestDerivedAccountsStayStable: the ids an Item's accounts are read with stay the same on
// every read, after its access_token is rotated, and through a processor token made for one.
func TestDerivedAccountsStayStable(t *testing.T) {
	h := newHarness(t)
	access := h.connect(plaid.PRODUCTS_AUTH)
	first := h.accounts(access)
	if again := h.accounts(access); len(again) != len(first) || again[5].AccountId != first[5].AccountId {
		t.Fatalf("a second /accounts/get read other ids")
	}
	rotated := ok(h.client.ItemAccessTokenInvalidate(h.ctx).ItemAccessTokenInvalidateRequest(
		*plaid.NewItemAccessTokenInvalidateRequest(access)).Execute()).get(t).NewAccessToken
	after := h.accounts(rotated)
	for i := range first {
		if after[i].AccountId != first[i].AccountId || !plaidIDShape.MatchString(after[i].AccountId) {
			t.Fatalf("account %d: %s before the rotation, %s after", i, first[i].AccountId, after[i].AccountId)
		}
	}
	savings := accountByMask(t, first, "1111").AccountId
	tok := h.processorToken(rotated, savings, "dwolla").get(t).ProcessorToken
	if got := h.processorAccount(tok).get(t).Account.AccountId; got != savings {
		t.Fatalf("processor token reads account %s, want %s", got, savings)
	}
}
