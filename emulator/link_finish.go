package emulator

import "net/http"

// linkSuccessMetadata is onSuccess's metadata, as Plaid's Link gives it.
type linkSuccessMetadata struct {
	Institution   *linkMetaInstitution `json:"institution"`
	Accounts      []linkMetaAccount    `json:"accounts"`
	LinkSessionID string               `json:"link_session_id"`
	// TransferStatus is only set by Transfer's Link flows.
	TransferStatus *string `json:"transfer_status"`
}

type linkMetaInstitution struct {
	Name          string `json:"name"`
	InstitutionID string `json:"institution_id"`
}

type linkMetaAccount struct {
	ID                 string  `json:"id"`
	Name               string  `json:"name"`
	Mask               string  `json:"mask"`
	Type               string  `json:"type"`
	Subtype            string  `json:"subtype"`
	VerificationStatus *string `json:"verification_status"`
	ClassType          *string `json:"class_type"`
}

// linkExitMetadata is onExit's metadata; the screens add request_id.
type linkExitMetadata struct {
	Institution   *linkMetaInstitution `json:"institution"`
	Status        *string              `json:"status"`
	LinkSessionID string               `json:"link_session_id"`
}

func linkMetaInstitutionOf(in *Institution) *linkMetaInstitution {
	if in == nil {
		return nil
	}
	return &linkMetaInstitution{Name: in.Name, InstitutionID: in.ID}
}

// linkFinish is Account Select's Continue: it limits the Item to the chosen accounts, mints the
// public_token and records the session for /link/token/get.
func (e *Emulator) linkFinish(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		chosen, perr := linkChosenAccounts(s, req.AccountIDs)
		if perr != nil {
			rerr = perr
			return
		}
		if a, ok := instantMatchAccount(s, chosen); ok {
			s.MatchIDs = append([]string(nil), req.AccountIDs...)
			reply = linkReply{LinkSessionID: s.ID, Next: "instant_match", Institution: linkInstitutionOf(s.Institution), Match: &linkAccountsOf([]accountView{a})[0]}
			return
		}
		reply, rerr = e.finishChosen(s, chosen, req.Events)
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

// finishChosen hands out the public_token for the accounts chosen. Callers hold the flow's lock.
func (e *Emulator) finishChosen(s *linkSession, chosen []accountView, events []linkEventIn) (linkReply, *apiError) {
	ids := make([]string, len(chosen))
	for i, a := range chosen {
		ids[i] = a.ID
	}
	md := linkSuccessFor(s, chosen)
	token, perr := e.issuePublicToken(s.Item.ItemID, ids)
	if perr != nil {
		return linkReply{}, perr
	}
	s.Finished, s.Status = true, ""
	e.recordLinkResult(s.Token.Token, linkResult{LinkSessionID: s.ID, PublicToken: token, Institution: s.Institution, Accounts: chosen})
	e.webhookLinkFinished(s.Token.Token, s.ID, s.Item.ItemID, token, events)
	return linkReply{LinkSessionID: s.ID, PublicToken: token, Metadata: md}, nil
}

// linkChosenAccounts checks Account Select's choice against what the screen offered.
func linkChosenAccounts(s *linkSession, ids []string) ([]accountView, *apiError) {
	bad := func(msg string) *apiError {
		return &apiError{Status: http.StatusBadRequest, Type: "INVALID_INPUT", Code: "INVALID_ACCOUNT_ID", Message: msg}
	}
	switch {
	case s.Finished:
		return nil, unknownLinkSession()
	case s.Item == nil:
		return nil, bad("no bank login has finished in this Link session")
	case len(ids) == 0:
		return nil, bad("choose at least one account")
	case len(ids) > 1 && !s.Token.MultiSelect:
		return nil, bad("this link token allows one account")
	}
	var out []accountView
	for _, id := range ids {
		found := false
		for _, a := range s.Accounts {
			if a.ID == id {
				out, found = append(out, a), true
			}
		}
		if !found {
			return nil, bad("account " + id + " was not offered in this Link session")
		}
	}
	return out, nil
}

// linkExitStatuses are the onExit statuses Link reports.
var linkExitStatuses = []string{"requires_questions", "requires_selections", "requires_code", "choose_device",
	"requires_credentials", "requires_account_selection", "requires_oauth", "institution_not_found", "institution_not_supported"}

// linkExit ends the session where the user left it and records it for /link/token/get.
func (e *Emulator) linkExit(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		status := s.Status
		if req.Status != "" && s.Error == nil {
			status = req.Status
		}
		if !linkContains(linkExitStatuses, status) {
			status = ""
		}
		s.Finished, s.Status = true, status
		e.recordLinkResult(s.Token.Token, linkResult{LinkSessionID: s.ID, Institution: s.Institution, ExitError: s.Error, ExitStatus: status})
		e.webhookLinkExited(s.Token.Token, s.ID, req.Events)
		md := linkExitMetadata{Institution: linkMetaInstitutionOf(s.Institution), LinkSessionID: s.ID}
		if status != "" {
			md.Status = &status
		}
		reply = linkReply{LinkSessionID: s.ID, Error: linkError(s.Error), Metadata: md}
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, nil
}
