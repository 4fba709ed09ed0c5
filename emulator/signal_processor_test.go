package emulator

import (
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) processorSignalEvaluate(tok, txnID string, amount float64) result[plaid.ProcessorSignalEvaluateResponse] {
	req := plaid.NewProcessorSignalEvaluateRequest(tok, txnID, amount)
	return ok(h.client.ProcessorSignalEvaluate(h.ctx).ProcessorSignalEvaluateRequest(*req).Execute())
}

// TestProcessorSignal: a partner scores a debit from its token's account as the app scores the
// same debit with the access token (same scores), reports a decision and a return on it,
// cannot reuse its id for another debit, and prepares the Item; a token limited to auth may
// not use Signal, and an unknown token is INVALID_PROCESSOR_TOKEN.
func TestProcessorSignal(t *testing.T) {
	h := newHarness(t)
	access, checking, tok := h.partnerToken("0000")
	partner := h.processorSignalEvaluate(tok, "p-1", 42.5).get(t).Scores.Get()
	app := h.signalEvaluate(access, checking, "a-1", 42.5).get(t).Scores.Get()
	if partner.GetBankInitiatedReturnRisk().Score != app.GetBankInitiatedReturnRisk().Score ||
		partner.GetCustomerInitiatedReturnRisk().Score != app.GetCustomerInitiatedReturnRisk().Score {
		t.Errorf("the partner's scores %+v differ from the app's %+v for the same debit", partner, app)
	}
	if !containsProduct(h.products(access), plaid.PRODUCTS_SIGNAL) {
		t.Error("the partner's evaluation did not add signal to the Item")
	}
	ok(h.client.ProcessorSignalDecisionReport(h.ctx).ProcessorSignalDecisionReportRequest(
		*plaid.NewProcessorSignalDecisionReportRequest(tok, "p-1", true)).Execute()).get(t)
	ok(h.client.ProcessorSignalReturnReport(h.ctx).ProcessorSignalReturnReportRequest(
		*plaid.NewProcessorSignalReturnReportRequest(tok, "p-1", "R01")).Execute()).get(t)
	h.processorSignalEvaluate(tok, "p-1", 43).fails(t, 400, "SIGNAL_ERROR", "CLIENT_TRANSACTION_ID_ALREADY_IN_USE")
	ok(h.client.ProcessorSignalPrepare(h.ctx).ProcessorSignalPrepareRequest(*plaid.NewProcessorSignalPrepareRequest(tok)).Execute()).get(t)
	ok(h.client.ProcessorSignalDecisionReport(h.ctx).ProcessorSignalDecisionReportRequest(
		*plaid.NewProcessorSignalDecisionReportRequest(unknownProcessorToken, "p-1", true)).Execute()).fails(t, 400, "INVALID_INPUT", "INVALID_PROCESSOR_TOKEN")

	_, _, limited := h.partnerToken("0000")
	h.permissionsSet(limited, plaid.PRODUCTS_AUTH).get(t)
	h.processorSignalEvaluate(limited, "p-2", 10).fails(t, 400, "INVALID_INPUT", "INVALID_PRODUCT")
}
