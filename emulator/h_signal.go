package emulator

import (
	"cmp"
	"regexp"
	"strconv"
)

// The Signal endpoints: /signal/evaluate, /signal/decision/report, /signal/return/report and
// /signal/prepare. Plaid lets Signal score any Item of a bank that offers it, whether or not
// it was linked with signal (/signal/prepare only lets Plaid start collecting early), so the
// emulator does too, adding signal to an Item's products the first time it is used, as it
// would appear billed at Plaid. Evaluations are remembered by client_transaction_id (the latest
// maxSignalEvaluations, in the state file too with --state) so reports can be checked against
// them.

// maxSignalEvaluations bounds the evaluations kept: a client reports on its recent debits,
// and the emulator must not grow without end for a client that evaluates in a loop.
const maxSignalEvaluations = 10000

// signalEvaluation is what a client_transaction_id was used for.
type signalEvaluation struct {
	itemID  string
	account uint16
	cents   int64
}

// signalLog holds the evaluations, oldest first in order for eviction; next numbers the next
// one, for the state file's record of that order. limit (0: maxSignalEvaluations) is how many
// are kept.
type signalLog struct {
	byID  map[string]signalEvaluation
	order []string
	next  uint64
	limit int
}

// add keeps ev under id, evicting the oldest evaluation when the log is full; it returns the
// evicted id, "" when none was.
func (log *signalLog) add(id string, ev signalEvaluation) (evicted string) {
	if log.byID == nil {
		log.byID = map[string]signalEvaluation{}
	}
	if limit := cmp.Or(log.limit, maxSignalEvaluations); len(log.order) >= limit {
		evicted = log.order[0]
		delete(log.byID, evicted)
		log.order = log.order[1:]
	}
	log.byID[id] = ev
	log.order = append(log.order, id)
	return evicted
}

type signalRequest struct {
	AccessToken         string   `json:"access_token"`
	ProcessorToken      string   `json:"processor_token"` // the /processor/signal/* variants
	AccountID           string   `json:"account_id"`
	ClientTransactionID string   `json:"client_transaction_id"`
	Amount              *float64 `json:"amount"`
	RulesetKey          *string  `json:"ruleset_key"`
	ReturnCode          string   `json:"return_code"`
}

type signalEvaluateResponse struct {
	Scores         signalScoresJSON `json:"scores"`
	CoreAttributes map[string]any   `json:"core_attributes"`
	Ruleset        rulesetJSON      `json:"ruleset"`
	Warnings       []signalWarning  `json:"warnings"`
	RequestID      string           `json:"request_id"`
}

type signalScoresJSON struct {
	Customer riskJSON `json:"customer_initiated_return_risk"`
	Bank     riskJSON `json:"bank_initiated_return_risk"`
}

type riskJSON struct {
	Score    int `json:"score"`
	RiskTier int `json:"risk_tier"`
}

type rulesetJSON struct {
	Key     string            `json:"ruleset_key"`
	Result  string            `json:"result"`
	Details map[string]string `json:"triggered_rule_details"`
}

type signalWarning struct {
	Type    string `json:"warning_type"`
	Code    string `json:"warning_code"`
	Message string `json:"warning_message"`
}

func decodeSignalEvaluate(q *apiRequest) (signalRequest, *apiError) {
	var req signalRequest
	if perr := q.decode(&req); perr != nil {
		return req, perr
	}
	if req.Amount == nil || *req.Amount <= 0 || cents(*req.Amount) == 0 {
		return req, invalidRequest("INVALID_FIELD", "amount must be the debit's amount in dollars, more than 0 (for example 102.05)")
	}
	return req, nil
}

// signalEvaluate serves /signal/evaluate and its processor variant (h_signal_processor.go).
func (e *Emulator) signalEvaluate(q *apiRequest) (any, *apiError) {
	req, perr := decodeSignalEvaluate(q)
	if perr == nil && req.ProcessorToken == "" {
		perr = checkAccountID("account_id", req.AccountID)
	}
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.signalAccount(req)
	if perr != nil {
		return nil, perr
	}
	return e.evaluateDebit(it, a, req, q.requestID)
}

// signalAccount is the account a debit is scored from: the access token's account_id, or a
// partner's processor token's account. Callers hold e.mu.
func (e *Emulator) signalAccount(req signalRequest) (*item, account, *apiError) {
	if req.ProcessorToken != "" {
		return e.partnerSignalAccount(req.ProcessorToken)
	}
	it, perr := e.signalItem(req.AccessToken)
	if perr != nil {
		return nil, account{}, perr
	}
	a, ok := it.account(req.AccountID)
	if !ok {
		return nil, account{}, invalidAccountID()
	}
	return it, a, nil
}

// evaluateDebit scores req's debit from account a of Item it and remembers the evaluation.
// Callers hold e.mu.
func (e *Emulator) evaluateDebit(it *item, a account, req signalRequest, requestID string) (any, *apiError) {
	amount := cents(*req.Amount)
	if perr := e.recordEvaluation(req.ClientTransactionID, signalEvaluation{it.id, a.index, amount}); perr != nil {
		return nil, perr
	}
	known := !it.loginRequired
	balance := a.current
	if a.available != nil {
		balance = a.available
	}
	s := scoreDebit(it, a, amount, derefOr(balance, 0), known && balance != nil, e.now())
	resp := signalEvaluateResponse{
		Scores:         signalScoresJSON{Customer: riskJSON{s.customer, customerTier(s.customer)}, Bank: riskJSON{s.bank, bankTier(s.bank)}},
		CoreAttributes: it.coreAttributes(a, *req.Amount, known, e.now()), Warnings: []signalWarning{}, RequestID: requestID,
		Ruleset: rulesetJSON{Key: defaultRuleset, Result: s.result, Details: map[string]string{"internal_note": s.note}},
	}
	if req.RulesetKey != nil && *req.RulesetKey != "" {
		resp.Ruleset.Key = *req.RulesetKey // any key is evaluated with the emulator's default rules
	}
	if !known {
		resp.Warnings = append(resp.Warnings, signalWarning{Type: "BANK_DATA_ERROR", Code: "ITEM_LOGIN_REQUIRED",
			Message: "the bank could not be read because the item needs its user to log in again (update mode); the scores use no bank data"})
	}
	return resp, nil
}

// signalItem reads the access_token's Item for Signal, which may need a login (Signal then
// scores without bank data and warns), and adds signal to its products on first use. Callers
// hold e.mu.
func (e *Emulator) signalItem(token string) (*item, *apiError) {
	it, perr := e.itemByAccessToken(token)
	if perr != nil {
		return nil, perr
	}
	return it, e.enableSignal(it)
}

// enableSignal adds signal to the Item's products, refusing a bank that does not offer it.
// Callers hold e.mu.
func (e *Emulator) enableSignal(it *item) *apiError {
	if contains(it.products, "signal") {
		return nil
	}
	if !it.institution.offers("signal") {
		return itemError("PRODUCTS_NOT_SUPPORTED", it.institution.Name+" does not support Signal (a US product); evaluate debits from an account at a US bank", "")
	}
	it.products = append(it.products[:len(it.products):len(it.products)], internProducts(it.institution, []string{"signal"})...)
	e.saveItemLocked(it)
	return nil
}

// recordEvaluation remembers what client_transaction_id scored. The same id for the same debit
// scores it again; for another debit it is CLIENT_TRANSACTION_ID_ALREADY_IN_USE, as at Plaid.
// Callers hold e.mu.
func (e *Emulator) recordEvaluation(id string, ev signalEvaluation) *apiError {
	log := &e.signals
	if old, ok := log.byID[id]; ok {
		if old != ev {
			return &apiError{Type: "SIGNAL_ERROR", Code: "CLIENT_TRANSACTION_ID_ALREADY_IN_USE",
				Message: "client_transaction_id " + strconv.Quote(id) + " was already used to evaluate another debit; give each payment attempt its own id"}
		}
		return nil
	}
	seq := log.next
	log.next++
	e.saveEvaluationLocked(id, ev, seq, log.add(id, ev))
	return nil
}

// returnCodePattern is an ACH return code's form (R01, R10, R29, ...).
var returnCodePattern = regexp.MustCompile(`^R[0-9]{2}$`)

func (e *Emulator) signalDecisionReport(q *apiRequest) (any, *apiError) {
	return e.signalReport(q, false)
}

func (e *Emulator) signalReturnReport(q *apiRequest) (any, *apiError) {
	return e.signalReport(q, true)
}

// signalReport takes a decision or a return for an evaluated debit; the emulator has nothing
// to learn from it, so checking it is all there is to do.
func (e *Emulator) signalReport(q *apiRequest, isReturn bool) (any, *apiError) {
	var req signalRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if isReturn && !returnCodePattern.MatchString(req.ReturnCode) {
		return nil, invalidRequest("INVALID_FIELD", "return_code must be an ACH return code such as R01 (an R and two digits); "+quoteShort(req.ReturnCode)+" is not one")
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if req.ProcessorToken != "" { // the /processor/signal/* variant
		if _, _, perr := e.partnerTokenAccount(req.ProcessorToken, "signal", false); perr != nil {
			return nil, perr
		}
	}
	if _, ok := e.signals.byID[req.ClientTransactionID]; !ok {
		return nil, invalidRequest("INVALID_FIELD", "client_transaction_id "+strconv.Quote(req.ClientTransactionID)+
			" was never evaluated; report on the id you gave /signal/evaluate (this emulator keeps its latest "+strconv.Itoa(maxSignalEvaluations)+" evaluations; without --state, only until it stops)")
	}
	return requestIDResponse{RequestID: q.requestID}, nil
}

// signalPrepare opts an Item in to Signal: it gains the signal product (no change when it has it).
func (e *Emulator) signalPrepare(q *apiRequest) (any, *apiError) {
	var req signalRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	var perr *apiError
	if req.ProcessorToken != "" {
		_, _, perr = e.partnerSignalAccount(req.ProcessorToken)
	} else {
		_, perr = e.signalItem(req.AccessToken)
	}
	if perr != nil {
		return nil, perr
	}
	return requestIDResponse{RequestID: q.requestID}, nil
}

func derefOr(v *float64, or float64) float64 {
	if v == nil {
		return or
	}
	return *v
}
