package emulator

import (
	"net/http"
	"strconv"
	"strings"
)

// The emulated Link's screens for Auth's typed-in flows (auth_manual.go): "Link with account
// numbers" on institution search (Same-Day Micro-deposits, when the link_token asks for it),
// Windowpane Bank's numbers screen (Instant Micro-deposits), and the deposit-code screen, in
// the same session for Instant Micro-deposits and in update mode for Same-Day.

// linkVerifyJSON tells the code screen which account it verifies.
type linkVerifyJSON struct {
	Name      string `json:"name"`
	Mask      string `json:"mask"`
	TriesLeft int    `json:"tries_left"`
}

// authOnlyToken says whether a link_token may make an Item of typed-in numbers: Plaid allows
// only Auth (and Transfer) on such Items, in the US, and not in update mode.
func authOnlyToken(v linkTokenView) bool {
	if v.UpdateItemID != "" || !contains(v.Products, "auth") {
		return false
	}
	for _, p := range v.Products {
		if p != "auth" && p != "transfer" {
			return false
		}
	}
	for _, c := range v.CountryCodes {
		if c != "US" {
			return false
		}
	}
	return true
}

// manualEntryOffered: institution search shows "Link with account numbers".
func manualEntryOffered(v linkTokenView) bool { return v.SameDayMicrodeposits && authOnlyToken(v) }

// numbersAtBank: picking Windowpane Bank asks for its numbers instead of a login.
func numbersAtBank(v linkTokenView, institutionID string) bool {
	return institutionID == instantMDBank && v.InstantMicrodeposits && authOnlyToken(v)
}

// linkNumbers takes the typed-in numbers and makes the Item: Same-Day ends the session with
// onSuccess (pending_manual_verification); Windowpane's routing number with Instant
// Micro-deposits turned on asks for the code at once. Numbers the Sandbox does not take are a
// 400 that leaves the person on the form.
func (e *Emulator) linkNumbers(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		if rerr = numbersRequestError(s, req); rerr != nil {
			return
		}
		routing := strings.TrimSpace(req.Routing)
		it := e.newManualItem(routing, req.Subtype)
		e.mu.Lock()
		e.items[it.id] = it
		e.saveItemLocked(it)
		view := it.view()
		if routing == instantMDRouting && s.Token.InstantMicrodeposits {
			e.mu.Unlock()
			s.VerifyItemID, s.Status = it.id, "requires_code"
			reply = linkCodeReply(s, view.Accounts[0], maxCodeTries)
			return
		}
		token := e.newPublicTokenLocked(it.id)
		e.mu.Unlock()
		reply = e.finishTypedIn(s, view, token, req.Events)
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

// numbersRequestError checks the numbers form against the session and the Sandbox's test
// numbers.
func numbersRequestError(s *linkSession, req linkRequest) *apiError {
	switch {
	case s.Finished || s.Item != nil || s.VerifyItemID != "":
		return unknownLinkSession()
	case req.InstitutionID == "" && !manualEntryOffered(s.Token):
		return invalidRequest("INVALID_FIELD", "this link_token does not offer Same-Day Micro-deposits: create it with products [\"auth\"], "+
			"country_codes [\"US\"] and auth.same_day_microdeposits_enabled true")
	case req.InstitutionID != "" && !numbersAtBank(s.Token, req.InstitutionID):
		return invalidRequest("INVALID_FIELD", "only Windowpane Bank (ins_135858) takes typed-in numbers, and only with a link_token made with "+
			"products [\"auth\"] and auth.instant_microdeposits_enabled true")
	case req.Subtype != "checking" && req.Subtype != "savings":
		return invalidRequest("INVALID_FIELD", "the account type must be checking or savings")
	case strings.TrimSpace(req.HolderName) == "":
		return invalidRequest("INVALID_FIELD", "type the account holder's name")
	}
	return manualNumbersError(req.Routing, req.Account, req.InstitutionID)
}

func linkCodeReply(s *linkSession, a accountView, left int) linkReply {
	return linkReply{LinkSessionID: s.ID, Next: "code", Status: s.Status, Verify: &linkVerifyJSON{Name: a.Name, Mask: a.Mask, TriesLeft: left}}
}

// finishTypedIn ends a session whose Item was made or verified from typed-in numbers: onSuccess
// with no institution, as Plaid's metadata has for these flows. Callers hold the flow's lock.
func (e *Emulator) finishTypedIn(s *linkSession, view itemView, token string, events []linkEventIn) linkReply {
	s.Item = &view
	md := linkSuccessFor(s, view.Accounts)
	s.Finished, s.Status = true, ""
	e.recordLinkResult(s.Token.Token, linkResult{LinkSessionID: s.ID, PublicToken: token, Accounts: view.Accounts})
	e.webhookLinkFinished(s.Token.Token, s.ID, view.ItemID, token, events)
	return linkReply{LinkSessionID: s.ID, Next: "connected", PublicToken: token, Metadata: md}
}

// startCodeEntry opens an update-mode session on an Item of typed-in numbers: the code screen
// while it waits for its code, else the error saying why there is nothing to type. Callers
// hold the flow's lock.
func (e *Emulator) startCodeEntry(s *linkSession) linkReply {
	e.mu.Lock()
	it, ok := e.items[s.Token.UpdateItemID]
	var a account
	if ok {
		a = it.accounts()[0]
	}
	e.mu.Unlock()
	s.Status = "requires_code"
	switch {
	case !ok:
		return linkFailure(s, itemError("ITEM_NOT_FOUND", "the item this link token was made for no longer exists", ""))
	case a.verification == verificationFailed:
		return linkFailure(s, tooManyCodeTries())
	case a.verification != pendingManual:
		return linkFailure(s, alreadyVerified())
	}
	s.VerifyItemID = it.id
	return linkCodeReply(s, a.view(), maxCodeTries-int(it.codeTries))
}

// linkCode checks a deposit code. Right: manually_verified and onSuccess (update mode hands out
// a public_token that need not be exchanged: the access_token stays). Wrong: a 400 naming the
// tries left, the third locking the Item (verification_failed) and ending the session.
func (e *Emulator) linkCode(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		if s.Finished || s.VerifyItemID == "" {
			rerr = invalidRequest("INVALID_FIELD", "no deposit code is asked for in this Link session")
			return
		}
		reply, rerr = e.checkCode(s, req.Code, req.Events)
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

func (e *Emulator) checkCode(s *linkSession, code string, events []linkEventIn) (linkReply, *apiError) {
	e.mu.Lock()
	it, ok := e.items[s.VerifyItemID]
	switch {
	case !ok:
		e.mu.Unlock()
		return linkFailure(s, itemError("ITEM_NOT_FOUND", "the item whose code this session asks for no longer exists", "")), nil
	case it.verification == verificationFailed:
		e.mu.Unlock()
		return linkFailure(s, tooManyCodeTries()), nil
	case it.verification != pendingManual:
		e.mu.Unlock()
		return linkFailure(s, alreadyVerified()), nil
	case codeMatches(code):
		it.verification = manuallyVerified
		e.saveItemLocked(it)
		token := e.newPublicTokenLocked(it.id)
		view := it.view()
		e.mu.Unlock()
		return e.finishTypedIn(s, view, token, events), nil
	}
	it.codeTries++
	left := maxCodeTries - int(it.codeTries)
	if left <= 0 {
		it.verification = verificationFailed
	}
	e.saveItemLocked(it)
	e.mu.Unlock()
	if left <= 0 {
		return linkFailure(s, tooManyCodeTries()), nil
	}
	return linkReply{}, wrongCode(left)
}

func wrongCode(left int) *apiError {
	tries := strconv.Itoa(left) + " tries"
	if left == 1 {
		tries = "1 try"
	}
	e := invalidInput("INCORRECT_DEPOSIT_VERIFICATION", "the code is not the one in the micro-deposit's description ("+depositCode+
		" in the Sandbox); "+tries+" left before the Item is locked")
	e.DisplayMessage = "That code is not right. Look for the 3-letter code before ACCTVERIFY on your statement. " + capitalize(tries) + " left."
	return e
}

func tooManyCodeTries() *apiError {
	e := invalidInput("TOO_MANY_VERIFICATION_ATTEMPTS", "3 wrong deposit codes were typed, so the Item is locked for good (verification_status verification_failed); "+
		"remove it and link the account again from the start")
	e.DisplayMessage = "No tries are left for this code. Connect the account again to start over."
	return e
}

func alreadyVerified() *apiError {
	e := invalidInput("MICRODEPOSITS_ALREADY_VERIFIED", "this account's deposit code was already verified (verification_status manually_verified); "+
		"there is no code left to type: read its numbers with /auth/get")
	e.DisplayMessage = "This account is already verified."
	return e
}

func capitalize(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// mergeStart adds a screen chosen at session start to the session's opening reply.
func mergeStart(open, first linkReply) linkReply {
	open.Next, open.Error, open.Status, open.Verify = first.Next, first.Error, first.Status, first.Verify
	return open
}
