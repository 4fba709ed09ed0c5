package emulator

import (
	"net/http"
	"strings"
)

// Instant Match (PLAID-FACTS.md §7): at Houndstooth Bank, user_good / pass_good, the bank gives
// only the mask of Plaid Saving's number, so after Account Select Link asks the person for
// that account's routing and account numbers and matches them against what the bank shows;
// routing 021000021 and account 1111222233331111 match. The account then has its numbers
// with no verification_status, as one verified by login. Plaid ends a failed match with
// INSTANT_MATCH_FAILED; so does the emulated Link.

// instantMatchMask is the account whose numbers Houndstooth Bank does not give in full.
const instantMatchMask = "1111"

// instantMatchAccount is the chosen account Link must ask numbers for, if any: a link_token
// with Auth and Instant Match left on, at Houndstooth Bank, with user_good's Plaid Saving
// chosen (microdeposits_good's Item goes the automated way instead).
func instantMatchAccount(s *linkSession, chosen []accountView) (accountView, bool) {
	if s.Institution == nil || s.Institution.ID != authFlowsBank || s.Token.NoInstantMatch ||
		!contains(s.Token.Products, "auth") || len(s.MatchIDs) > 0 {
		return accountView{}, false
	}
	for _, a := range chosen {
		if a.Mask == instantMatchMask && a.Subtype == "savings" && a.Verification == "" && a.Name == userGoodAccounts[1].name {
			return a, true
		}
	}
	return accountView{}, false
}

// linkMatch checks the numbers typed for Instant Match and, when they match, finishes the
// session for the accounts chosen before.
func (e *Emulator) linkMatch(_ *http.Request, req linkRequest) (linkReply, *apiError) {
	var reply linkReply
	var rerr *apiError
	found := e.links().session(req.LinkSessionID, func(s *linkSession) {
		if s.Finished || len(s.MatchIDs) == 0 {
			rerr = invalidRequest("INVALID_FIELD", "Instant Match is not asking for numbers in this Link session")
			return
		}
		chosen, perr := linkChosenAccounts(s, s.MatchIDs)
		if perr != nil {
			rerr = perr
			return
		}
		if strings.TrimSpace(req.Routing) != authFlowsRouting || strings.TrimSpace(req.Account) != "111122223333"+instantMatchMask {
			reply = linkFailure(s, instantMatchFailed())
			return
		}
		reply, rerr = e.finishChosen(s, chosen, req.Events)
	})
	if !found {
		return linkReply{}, unknownLinkSession()
	}
	return reply, rerr
}

func instantMatchFailed() *apiError {
	return itemError("INSTANT_MATCH_FAILED",
		"the routing and account numbers typed do not match the account at the bank (the Sandbox's are 021000021 and 1111222233331111), "+
			"so the account could not be verified through Instant Match; open Link again and type them as the bank has them",
		"The numbers you entered do not match this account. Check them and try again.")
}
