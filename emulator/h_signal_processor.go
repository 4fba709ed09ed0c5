package emulator

// The processor variants of Signal (/processor/signal/evaluate, /decision/report,
// /return/report and /prepare) share the app's handlers in h_signal.go: a partner holding a
// processor token scores a debit from the token's account, reports on it and opts the Item
// in, as an app does with an access token and an account id. A token limited by
// /processor/token/permissions/set needs signal among its products. Evaluations share one log
// with the app's.

// partnerSignalAccount is the processor token's Item and account, with signal added to the
// Item's products. Callers hold e.mu.
func (e *Emulator) partnerSignalAccount(tok string) (*item, account, *apiError) {
	it, a, perr := e.partnerTokenAccount(tok, "signal", false)
	if perr == nil {
		perr = e.enableSignal(it)
	}
	return it, a, perr
}
