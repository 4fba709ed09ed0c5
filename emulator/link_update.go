package emulator

import "net/http"

// Link's update mode: a link_token made with an Item's access_token (and no products) opens
// Link straight at the login of that Item's bank, with no institution search. A good login
// clears the Item's ITEM_LOGIN_REQUIRED and ends the session with onSuccess; the public_token
// it carries need not be exchanged, since the Item keeps its access_token. Plaid sends no
// LOGIN_REPAIRED for a repair made through the app's own Link: that webhook is for an Item
// fixed elsewhere.

// updateTarget is the Item an update-mode link_token names, and its bank.
type updateTarget struct {
	itemID      string
	institution Institution
}

// updateTargetOf finds the Item of an update-mode link_token's access_token. Callers hold e.mu.
func (e *Emulator) updateTargetOf(accessToken string) (updateTarget, *apiError) {
	it, perr := e.itemByAccessToken(accessToken)
	if perr != nil {
		return updateTarget{}, perr
	}
	return updateTarget{itemID: it.id, institution: *it.institution}, nil
}

// repairLogin ends an update-mode session after a good login. Callers hold the flow's lock.
func (e *Emulator) repairLogin(s *linkSession) linkReply {
	e.mu.Lock()
	it, ok := e.items[s.Token.UpdateItemID]
	if !ok || it.institution.ID != s.Institution.ID {
		e.mu.Unlock()
		return linkFailure(s, itemError("ITEM_NOT_FOUND",
			"the item this update-mode link token was made for no longer exists; create a new link token for a live item", ""))
	}
	it.loginRequired = false
	e.saveItemLocked(it)
	token := e.newPublicTokenLocked(it.id)
	view := it.view()
	e.mu.Unlock()
	s.Item = &view
	md := linkSuccessFor(s, view.Accounts)
	s.Finished, s.Status = true, ""
	e.recordLinkResult(s.Token.Token, linkResult{LinkSessionID: s.ID, PublicToken: token, Institution: s.Institution, Accounts: view.Accounts})
	e.webhookLinkFinished(s.Token.Token, s.ID, view.ItemID, token, nil) // the page reports events with finish and exit, which update mode skips
	return linkReply{LinkSessionID: s.ID, Next: "connected", PublicToken: token, Metadata: md, Institution: linkInstitutionOf(s.Institution)}
}

// linkSuccessFor is onSuccess's metadata for the accounts a session shares.
func linkSuccessFor(s *linkSession, accts []accountView) linkSuccessMetadata {
	md := linkSuccessMetadata{Institution: linkMetaInstitutionOf(s.Institution), LinkSessionID: s.ID, Accounts: []linkMetaAccount{}}
	for _, a := range accts {
		md.Accounts = append(md.Accounts, linkMetaAccount{ID: a.ID, Name: a.Name, Mask: a.Mask, Type: a.Type, Subtype: a.Subtype,
			VerificationStatus: nullable(a.Verification)})
	}
	return md
}

// wrongUpdateBank refuses a login at another bank than the Item's: update mode has no search.
func wrongUpdateBank(in Institution) *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "INVALID_INPUT", Code: "INVALID_INSTITUTION",
		Message: "this update-mode Link session logs in at " + in.Name + " (" + in.ID + ") only, the bank of its item"}
}
