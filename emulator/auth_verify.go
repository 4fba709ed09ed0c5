package emulator

import "net/http"

// Auth's verification flows in the Sandbox (PLAID-FACTS.md §7). Automated Micro-deposits:
// user_good with the password microdeposits_good at Houndstooth Bank makes an Item of one
// account, Plaid Checking 0000, whose verification_status is pending_automatic_verification.
// Plaid would verify it by itself about a day later; in the Sandbox,
// /sandbox/item/set_verification_status moves it at once to automatically_verified or
// verification_expired and sends the matching AUTH webhook. An Item verified by a login keeps
// no status (null on the wire).

const (
	microdepositsPassword = "microdeposits_good"
	authFlowsBank         = "ins_109512" // Houndstooth Bank, the bank Plaid's test page names
	// authFlowsRouting is the routing number Plaid's test page gives Houndstooth's accounts in
	// the Auth flows (Instant Match, Automated Micro-deposits); the bank's own metadata keeps
	// another, as 021000021 is a real bank's (Chase's).
	authFlowsRouting        = "021000021"
	pendingAutomatic        = "pending_automatic_verification"
	automaticallyVerified   = "automatically_verified"
	verificationExpired     = "verification_expired"
	microdepositsCheckingIx = 0 // Plaid Checking 0000 in userGoodAccounts
)

// startAutomatedMicrodeposits makes a new Item the flow's: the checking account alone, pending.
func (it *item) startAutomatedMicrodeposits() {
	it.shared = []uint16{microdepositsCheckingIx}
	it.verification = pendingAutomatic
}

// microdepositsElsewhere is the answer to microdeposits_good at a bank other than Houndstooth:
// the emulator keeps to the one bank Plaid documents for the flow rather than guess.
func microdepositsElsewhere() *apiError {
	e := sandboxError("INVALID_CREDENTIALS")
	e.Message = "the password microdeposits_good starts Automated Micro-deposits only at Houndstooth Bank (ins_109512); " +
		"pick that bank, or log in with pass_good"
	return e
}

// authNotReady says why /auth/get (or the partner's /processor/auth/get) cannot give numbers
// for an account yet, nil when it can. Pending: PRODUCT_NOT_READY, as Plaid answers. Expired:
// Plaid's docs do not say; the emulator answers NO_AUTH_ACCOUNTS naming the cause and the fix.
func authNotReady(status string) *apiError {
	switch status {
	case pendingManual, verificationFailed:
		return manualNotReady(status)
	case pendingAutomatic:
		return &apiError{Status: http.StatusBadRequest, Type: "ITEM_ERROR", Code: "PRODUCT_NOT_READY",
			Message: "the account's micro-deposits are not verified yet (verification_status pending_automatic_verification); " +
				"wait for the AUTH AUTOMATICALLY_VERIFIED webhook, or in the Sandbox call /sandbox/item/set_verification_status"}
	case verificationExpired:
		return itemError("NO_AUTH_ACCOUNTS",
			"the account's micro-deposit verification expired (verification_status verification_expired), so it has no usable numbers; "+
				"remove the Item and link the account again", "This account could not be verified. Please connect it again.")
	}
	return nil
}

type setVerificationRequest struct {
	AccessToken string `json:"access_token"`
	AccountID   string `json:"account_id"`
	Status      string `json:"verification_status"`
}

type setVerificationResponse struct {
	RequestID string `json:"request_id"`
}

// sandboxItemSetVerificationStatus ends an account's automated micro-deposit verification the
// way the request asks and sends the AUTH webhook saying so. The spec's schema has already
// limited verification_status to automatically_verified and verification_expired.
func (e *Emulator) sandboxItemSetVerificationStatus(q *apiRequest) (any, *apiError) {
	var req setVerificationRequest
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if perr := checkAccountIDs("account_id", []string{req.AccountID}); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	it, perr := e.itemByAccessToken(req.AccessToken)
	if perr != nil {
		return nil, perr
	}
	if _, ok := it.account(req.AccountID); !ok {
		return nil, invalidAccountID()
	}
	if it.verification != pendingAutomatic {
		return nil, invalidRequest("INVALID_FIELD", "account "+req.AccountID+" is not waiting for automatic verification (its verification_status is "+
			statusName(it.verification)+"); only an account linked by Automated Micro-deposits (Houndstooth Bank, user_good / microdeposits_good) can be moved")
	}
	it.verification = req.Status
	e.saveItemLocked(it)
	e.webhookVerification(it, req.AccountID)
	return setVerificationResponse{RequestID: q.requestID}, nil
}

func statusName(s string) string {
	if s == "" {
		return "null"
	}
	return s
}

// webhookVerification is AUTH AUTOMATICALLY_VERIFIED or VERIFICATION_EXPIRED for the account,
// after the Item's status changed. Callers hold e.mu.
func (e *Emulator) webhookVerification(it *item, accountID string) {
	code := "AUTOMATICALLY_VERIFIED"
	if it.verification == verificationExpired {
		code = "VERIFICATION_EXPIRED"
	}
	body := e.itemWebhook(it, "AUTH", code)
	body["account_id"] = accountID
	e.sendItemWebhook(it, body)
}
