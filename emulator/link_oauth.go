package emulator

import (
	"net/http"
	"net/url"
)

// The OAuth bank: Link hands the user to the bank's own page (a pop-up, or the whole tab when
// the link token has a redirect_uri); the bank asks for consent and sends the user back.

func (e *Emulator) linkOAuthStart(r *http.Request, req linkRequest) (linkReply, *apiError) {
	in, ok := e.findLinkInstitution(req.InstitutionID)
	if !ok || !in.OAuth {
		return linkReply{}, &apiError{Status: http.StatusBadRequest, Type: "INVALID_INPUT", Code: "INVALID_INSTITUTION", Message: "institution " + req.InstitutionID + " does not log in with OAuth"}
	}
	base, perr := e.linkPageBaseURL(r)
	if perr != nil {
		return linkReply{}, perr
	}
	f := e.links()
	var reply linkReply
	found := f.session(req.LinkSessionID, func(s *linkSession) {
		s.Institution, s.Status, s.Error = &in, "requires_oauth", nil
		mode := "popup"
		if s.Token.RedirectURI != "" && !s.Token.Hosted {
			mode = "redirect"
		}
		reply = linkReply{LinkSessionID: s.ID, Next: "oauth", Institution: linkInstitutionOf(&in),
			OAuth: &linkOAuthJSON{Mode: mode, InstitutionName: in.Name}}
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	id := f.newOAuth(req.LinkSessionID)
	reply.OAuth.StateID = id
	reply.OAuth.BankURL = base + "/link/emulated/oauth/bank?oauth_state_id=" + url.QueryEscape(id)
	return reply, nil
}

// linkOAuthInfo is what the bank's page shows: who asks, and which bank it is.
func (e *Emulator) linkOAuthInfo(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	f := e.links()
	st, ok := f.oauthByID(req.OAuthStateID)
	if !ok {
		return linkReply{}, linkUnknownOAuthState()
	}
	var reply linkReply
	f.session(st.SessionID, func(s *linkSession) {
		reply = linkReply{Institution: linkInstitutionOf(s.Institution), ClientName: s.Token.ClientName,
			OAuth: &linkOAuthJSON{StateID: st.ID, Mode: linkOAuthMode(s), InstitutionName: s.Institution.Name, ClientName: s.Token.ClientName}}
	})
	if reply.OAuth == nil {
		return linkReply{}, linkUnknownOAuthState()
	}
	return reply, nil
}

func linkOAuthMode(s *linkSession) string {
	if s.Token.RedirectURI != "" && !s.Token.Hosted {
		return "redirect"
	}
	return "popup"
}

// linkOAuthDecide records the user's answer at the bank. Approval logs the user in as the
// sandbox's OAuth banks do (no password: consent is the login). In redirect mode the reply's
// bank_url is where the bank sends the tab back: <redirect_uri>?oauth_state_id=<id>.
func (e *Emulator) linkOAuthDecide(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	f := e.links()
	st, ok := f.decideOAuth(req.OAuthStateID, req.Approve)
	if !ok {
		return linkReply{}, linkUnknownOAuthState()
	}
	var reply linkReply
	f.session(st.SessionID, func(s *linkSession) {
		if st.Approved {
			s.Username, s.Password = "user_good", "pass_good"
			if it, perr := e.createItem(s.Institution.ID, s.Username, s.Password, s.Token.Products); perr != nil {
				s.Error = perr
			} else {
				s.Item = &it
			}
		}
		reply.OAuth = &linkOAuthJSON{StateID: st.ID, Mode: linkOAuthMode(s), InstitutionName: s.Institution.Name}
		if reply.OAuth.Mode == "redirect" {
			reply.OAuth.BankURL = s.Token.RedirectURI + "?oauth_state_id=" + url.QueryEscape(st.ID)
		}
	})
	if reply.OAuth == nil {
		return linkReply{}, linkUnknownOAuthState()
	}
	return reply, nil
}

// linkOAuthResume continues after the pop-up closed.
func (e *Emulator) linkOAuthResume(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	f := e.links()
	st, ok := f.oauthByID(req.OAuthStateID)
	if !ok || st.SessionID != req.LinkSessionID || !st.Decided {
		return linkReply{}, linkUnknownOAuthState()
	}
	var reply linkReply
	f.session(st.SessionID, func(s *linkSession) { reply = linkOAuthOutcome(s, st) })
	return reply, nil
}

// linkOAuthOutcome is where a session goes once the bank answered. Callers hold the flow's lock.
func linkOAuthOutcome(s *linkSession, st linkOAuthState) linkReply {
	switch {
	case !st.Approved:
		s.Status = "requires_oauth"
		return linkReply{LinkSessionID: s.ID, Next: "oauth_denied", Status: s.Status, Institution: linkInstitutionOf(s.Institution)}
	case s.Error != nil:
		return linkFailure(s, s.Error)
	case s.Item == nil:
		return linkFailure(s, linkUnknownOAuthState())
	}
	s.Accounts = linkAllowedAccounts(linkProductAccounts(s.Item.Accounts, s.Token.Products), s.Token.AccountFilters)
	if len(s.Accounts) == 0 {
		return linkFailure(s, linkNoAccounts())
	}
	s.Status = "requires_account_selection"
	return linkAccountsReply(s)
}

func linkUnknownOAuthState() *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "INVALID_REQUEST", Code: "INVALID_FIELD",
		Message: "oauth_state_id is unknown, already used, or belongs to another Link session"}
}
