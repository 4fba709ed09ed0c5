package emulator

import (
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// stateSizes counts what pruning may drop: link tokens, public tokens, Link sessions and OAuth trips.
func (h *harness) stateSizes() (linkTokens, publicTokens, sessions, oauth int) {
	h.emu.mu.Lock()
	linkTokens, publicTokens = len(h.emu.linkTokens), len(h.emu.publicTokens)
	h.emu.mu.Unlock()
	f := h.emu.links()
	f.mu.Lock()
	defer f.mu.Unlock()
	return linkTokens, publicTokens, len(f.sessions), len(f.oauth)
}

func (h *harness) linkTokenGet(token string) result[plaid.LinkTokenGetResponse] {
	return ok(h.client.LinkTokenGet(h.ctx).LinkTokenGetRequest(*plaid.NewLinkTokenGetRequest(token)).Execute())
}

// A long-running emulator forgets spent and expired tokens, and a link_token a day after it
// expired along with its Link sessions, while clients see the same answers as before and
// Items keep working.
func TestExpiredStateIsPrunedWithoutChangingAnswers(t *testing.T) {
	h := newHarness(t)
	first := h.linkToken(plaid.PRODUCTS_AUTH).LinkToken
	sess := h.emu.links().newSession(linkTokenView{Token: first})
	h.emu.links().newOAuth(sess.ID)
	spent := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	access := h.exchange(spent).AccessToken
	unused := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)

	h.clock.Advance(2 * time.Minute)
	h.linkToken(plaid.PRODUCTS_AUTH)
	if lt, pt, s, o := h.stateSizes(); lt != 2 || pt != 1 || s != 1 || o != 1 {
		t.Fatalf("after 2 minutes: %d link tokens, %d public tokens, %d sessions, %d oauth; want 2, 1, 1, 1", lt, pt, s, o)
	}
	h.exchangeResult(spent).fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")

	h.clock.Advance(5 * time.Hour) // expired, still readable by /link/token/get
	h.linkToken(plaid.PRODUCTS_AUTH)
	if got := h.linkTokenGet(first).get(t); got.GetLinkToken() != first {
		t.Fatalf("an expired link_token within a day: /link/token/get answered %q", got.GetLinkToken())
	}

	h.clock.Advance(24 * time.Hour)
	h.linkToken(plaid.PRODUCTS_AUTH)
	if lt, pt, s, o := h.stateSizes(); lt != 2 || pt != 0 || s != 0 || o != 0 {
		t.Fatalf("a day after expiry: %d link tokens, %d public tokens, %d sessions, %d oauth; want 2, 0, 0, 0", lt, pt, s, o)
	}
	h.linkTokenGet(first).fails(t, 400, "INVALID_INPUT", "INVALID_LINK_TOKEN")
	h.exchangeResult(unused).fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
	if n := len(h.accounts(access)); n != 12 {
		t.Fatalf("the Item after pruning: %d accounts, want 12", n)
	}
}

// Pruning runs at most once a minute of the emulator's clock, so a burst of calls does not
// walk the maps on every request.
func TestPruneRunsAtMostOncePerInterval(t *testing.T) {
	h := newHarness(t)
	spent := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	h.exchange(spent)
	h.linkToken(plaid.PRODUCTS_AUTH)
	if _, pt, _, _ := h.stateSizes(); pt != 1 {
		t.Fatalf("within the first minute: %d public tokens, want the spent one still held", pt)
	}
	h.clock.Advance(pruneInterval)
	h.linkToken(plaid.PRODUCTS_AUTH)
	if _, pt, _, _ := h.stateSizes(); pt != 0 {
		t.Fatalf("after a minute: %d public tokens, want 0", pt)
	}
}
