package emulator

// The processor variants of Signal: a partner holding a processor token scores a debit from
// the token's account, reports on it and opts the Item in, as an app does with an access token
// and an account id. A token limited by /processor/token/permissions/set needs signal among its
// products. Evaluations share one log with the app's (h_signal.go).

func (e *Emulator) processorSignalEvaluate(q *apiRequest) (any, *apiError) {
	req, perr := decodeSignalEvaluate(q)
	if perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, a, perr := e.partnerSignalAccount(req.ProcessorToken)
	if perr != nil {
		return nil, perr
	}
	return e.evaluateDebit(it, a, req, q.requestID)
}

func (e *Emulator) processorSignalPrepare(q *apiRequest) (any, *apiError) {
	var req signalRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	if _, _, perr := e.partnerSignalAccount(req.ProcessorToken); perr != nil {
		return nil, perr
	}
	return requestIDResponse{RequestID: q.requestID}, nil
}

// partnerSignalAccount is the processor token's Item and account, with signal added to the
// Item's products. Callers hold e.mu.
func (e *Emulator) partnerSignalAccount(tok string) (*item, account, *apiError) {
	it, a, perr := e.partnerTokenAccount(tok, "signal", false)
	if perr == nil {
		perr = e.enableSignal(it)
	}
	return it, a, perr
}
