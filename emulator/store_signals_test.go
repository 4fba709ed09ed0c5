package emulator

import (
	"strconv"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// TestSignalEvaluationsSurviveRestart: with --state, a debit evaluated before a restart can be
// reported on after it, its id still refuses another debit, and the same debit scores the same.
func TestSignalEvaluationsSurviveRestart(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	access := h.connect(plaid.PRODUCTS_AUTH)
	acct := h.accounts(access)[0].AccountId
	before := h.signalEvaluate(access, acct, "pay-1", 25).get(t).Scores.Get()
	stop()

	h, _ = restoredHarness(t, dir, clock)
	h.signalDecision("pay-1").get(t)
	h.signalReturn("pay-1", "R01").get(t)
	h.signalEvaluate(access, acct, "pay-1", 26).fails(t, 400, "SIGNAL_ERROR", "CLIENT_TRANSACTION_ID_ALREADY_IN_USE")
	after := h.signalEvaluate(access, acct, "pay-1", 25).get(t).Scores.Get()
	if after.GetBankInitiatedReturnRisk().Score != before.GetBankInitiatedReturnRisk().Score {
		t.Errorf("the same debit scored %d before the restart and %d after", before.GetBankInitiatedReturnRisk().Score, after.GetBankInitiatedReturnRisk().Score)
	}
	h.signalDecision("never-evaluated").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
}

// TestSignalEvictionIsKeptInTheState: the oldest evaluation leaves the state file when the log
// is full (five here), so a restart keeps the same latest ones in the same order.
func TestSignalEvictionIsKeptInTheState(t *testing.T) {
	dir, clock := t.TempDir(), newTestClock()
	h, stop := restoredHarness(t, dir, clock)
	access := h.connect(plaid.PRODUCTS_AUTH)
	acct := h.accounts(access)[0].AccountId
	h.emu.mu.Lock()
	h.emu.signals.limit = 5
	h.emu.mu.Unlock()
	for i := range 7 {
		h.signalEvaluate(access, acct, "id-"+strconv.Itoa(i), float64(100+i)).get(t)
	}
	stop()

	h, _ = restoredHarness(t, dir, clock)
	log := h.emu.signals
	if got := strings.Join(log.order, " "); got != "id-2 id-3 id-4 id-5 id-6" || len(log.byID) != 5 {
		t.Fatalf("after the restart the log holds %q (%d)", got, len(log.byID))
	}
	h.signalDecision("id-1").fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	h.signalDecision("id-2").get(t)
}
