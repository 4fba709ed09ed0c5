package emulator

import (
	"net/http"
	"net/url"
)

// linkStartSession opens a Link session for a link_token, or resumes the one an OAuth bank
// sent back (received_redirect_uri carries its oauth_state_id).
func (e *Emulator) linkStartSession(r *http.Request, req linkRequest) (linkReply, *apiError) {
	view, perr := e.lookupLinkToken(req.LinkToken)
	if perr != nil {
		return linkReply{}, perr
	}
	if req.ReceivedRedirectURI != "" {
		return e.linkResumeRedirect(view, req.ReceivedRedirectURI)
	}
	f := e.links()
	s := f.newSession(view)
	reply := linkReply{
		LinkSessionID: s.ID, ClientName: view.ClientName, MultiSelect: view.MultiSelect,
		Hosted: view.Hosted, Completion: view.CompletionRedirectURI,
	}
	if in := view.UpdateInstitution; in != nil && in.Manual {
		// Update mode on an Item of typed-in numbers is where its deposit code is typed.
		f.session(s.ID, func(s *linkSession) { reply = mergeStart(reply, e.startCodeEntry(s)) })
		reply.Update = true
		return reply, nil
	}
	if view.UpdateInstitution != nil {
		reply.Update, reply.Institution = true, linkInstitutionOf(view.UpdateInstitution)
		return reply, nil
	}
	for _, in := range e.institutions() {
		if linkAnyCountry(in.Countries, view.CountryCodes) {
			j := linkInstitutionOf(&in)
			j.Numbers = numbersAtBank(view, in.ID)
			reply.Institutions = append(reply.Institutions, *j)
		}
	}
	reply.ManualEntry = manualEntryOffered(view)
	return reply, nil
}

func linkAnyCountry(have, want []string) bool {
	if len(want) == 0 {
		return true
	}
	for _, c := range want {
		if linkContains(have, c) {
			return true
		}
	}
	return false
}

// linkResumeRedirect continues a session after the bank's redirect: the state must be one this
// Link started for the same link_token, the bank must have answered, and the URL must be the
// token's redirect_uri.
func (e *Emulator) linkResumeRedirect(view linkTokenView, received string) (linkReply, *apiError) {
	bad := &apiError{Status: http.StatusBadRequest, Type: "INVALID_REQUEST", Code: "INVALID_FIELD",
		Message: "received_redirect_uri does not carry an oauth_state_id this Link session started"}
	u, err := url.Parse(received)
	if err != nil || view.RedirectURI == "" {
		return linkReply{}, bad
	}
	if base := u.Scheme + "://" + u.Host + u.Path; base != view.RedirectURI {
		return linkReply{}, bad
	}
	f := e.links()
	st, ok := f.oauthByID(u.Query().Get("oauth_state_id"))
	if !ok || !st.Decided {
		return linkReply{}, bad
	}
	var reply linkReply
	var rerr *apiError
	found := f.session(st.SessionID, func(s *linkSession) {
		if s.Token.Token != view.Token || s.Finished {
			rerr = bad
			return
		}
		reply = linkOAuthOutcome(s, st)
	})
	if !found {
		return linkReply{}, bad
	}
	return reply, rerr
}

// linkLogin takes the credentials screen: straight to the Item, or to an MFA challenge first.
func (e *Emulator) linkLogin(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	in, ok := e.findLinkInstitution(req.InstitutionID)
	if !ok {
		return linkReply{}, &apiError{Status: http.StatusBadRequest, Type: "INVALID_INPUT", Code: "INVALID_INSTITUTION", Message: "unknown institution_id " + req.InstitutionID}
	}
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		if u := s.Token.UpdateInstitution; u != nil && u.ID != in.ID {
			rerr = wrongUpdateBank(*u)
			return
		}
		s.Institution, s.Username, s.Password, s.Error = &in, req.Username, req.Password, nil
		s.Status = "requires_credentials"
		login, perr := loginError(in, req.Username, req.Password)
		switch {
		case perr != nil:
			reply = linkFailure(s, perr)
		case login.mfa != nil && !in.OAuth:
			s.MFA, s.Status = login.mfa, login.mfa.status()
			reply = linkMFAReply(s)
		default:
			reply = e.completeLogin(s)
		}
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

// linkMFA checks one round of answers; the last round passed logs the user in. For the device
// user the first answer is the device to send the code to, then the code itself.
func (e *Emulator) linkMFA(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		c := s.MFA
		switch {
		case c == nil:
			reply = linkFailure(s, &apiError{Status: http.StatusBadRequest, Type: "INVALID_REQUEST", Code: "INVALID_FIELD", Message: "no security question is pending"})
		case c.choosingDevice():
			// A refused choice is a 400 that leaves the session on the device screen.
			if rerr = c.chooseDevice(req.Answers); rerr == nil {
				s.Status = c.status()
				reply = linkMFAReply(s)
			}
		case !c.check(req.Answers):
			reply = linkFailure(s, linkInvalidMFA())
		case c.Round < c.Rounds:
			c.Round++
			reply = linkMFAReply(s)
		default:
			s.MFA = nil
			reply = e.completeLogin(s)
		}
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

// linkMFAReply sends the screens to the session's security check as it now stands.
func linkMFAReply(s *linkSession) linkReply {
	p := s.MFA.prompt()
	return linkReply{LinkSessionID: s.ID, Next: "mfa", MFA: &p, Institution: linkInstitutionOf(s.Institution)}
}

// completeLogin makes the Item and moves the session to account select. Callers hold the
// flow's lock.
func (e *Emulator) completeLogin(s *linkSession) linkReply {
	if s.Token.UpdateItemID != "" {
		return e.repairLogin(s)
	}
	it, perr := e.createItem(s.Institution.ID, s.Username, s.Password, s.Token.Products)
	if perr != nil {
		return linkFailure(s, perr)
	}
	return e.toAccountSelect(s, it)
}

func (e *Emulator) toAccountSelect(s *linkSession, it itemView) linkReply {
	s.Item = &it
	s.Accounts = linkAllowedAccounts(linkProductAccounts(it.Accounts, s.Token.Products), s.Token.AccountFilters)
	if len(s.Accounts) == 0 {
		return linkFailure(s, linkNoAccounts())
	}
	s.Status = "requires_account_selection"
	return linkAccountsReply(s)
}

func linkAccountsReply(s *linkSession) linkReply {
	return linkReply{LinkSessionID: s.ID, Next: "accounts", Institution: linkInstitutionOf(s.Institution),
		Accounts: linkAccountsOf(s.Accounts), MultiSelect: s.Token.MultiSelect}
}

// linkFailure puts the session on its error screen; onExit will report this error.
func linkFailure(s *linkSession, perr *apiError) linkReply {
	s.Error = perr
	if perr.Code == "INSTITUTION_NO_LONGER_SUPPORTED" || perr.Code == "INSTITUTION_NOT_SUPPORTED" {
		s.Status = "institution_not_supported"
	}
	return linkReply{LinkSessionID: s.ID, Next: "error", Error: linkError(perr), Status: s.Status, Institution: linkInstitutionOf(s.Institution)}
}

func (e *Emulator) findLinkInstitution(id string) (Institution, bool) {
	for _, in := range e.institutions() {
		if in.ID == id {
			return in, true
		}
	}
	return Institution{}, false
}
