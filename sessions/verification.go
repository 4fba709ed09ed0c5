package sessions

import "encoding/json"

// Where a saved walk moved an account's micro-deposit verification along with
// /sandbox/item/set_verification_status, so that a replay does it at the same place: the UI
// does it after the account picker, before the partner's token; run does it after the token.
type VerifyPlace int

const (
	VerifiedNever       VerifyPlace = iota // not moved (a login-verified account, or left pending)
	VerifiedBeforeToken                    // before the partner's token (the UI's verification step)
	VerifiedAfterToken                     // after it (run)
)

const setVerificationPath = "/sandbox/item/set_verification_status"

// WhereVerified finds the walk's first /sandbox/item/set_verification_status in calls (one
// attempt's) and says whether a partner's token was made before it.
func WhereVerified(calls []Call) VerifyPlace {
	for i, c := range calls {
		if c.Path != setVerificationPath {
			continue
		}
		for _, before := range calls[:i] {
			if handoffPaths[before.Path] && before.Status == 200 { // a token handed over first
				return VerifiedAfterToken
			}
		}
		return VerifiedBeforeToken
	}
	return VerifiedNever
}

// verificationStatuses are the statuses the walk's answered /accounts/get calls reported, one
// per call (its first account with one), in order.
func verificationStatuses(calls []Call) []string {
	var out []string
	for _, c := range calls {
		if c.Path != "/accounts/get" || c.Status != 200 {
			continue
		}
		if st := FirstVerificationStatus([]Call{c}); st != "" {
			out = append(out, st)
		}
	}
	return out
}

// FirstVerificationStatus is the verification_status of the first account the walk's first
// answered /accounts/get reported with one ("" when none had one): what Link left the
// account at, which tells the Auth flow a browser walk took.
func FirstVerificationStatus(calls []Call) string {
	for _, c := range calls {
		if c.Path != "/accounts/get" || c.Status != 200 {
			continue
		}
		var body struct {
			Accounts []struct {
				Status string `json:"verification_status"`
			} `json:"accounts"`
		}
		if json.Unmarshal([]byte(c.ResponseBody), &body) != nil {
			return ""
		}
		for _, a := range body.Accounts {
			if a.Status != "" {
				return a.Status
			}
		}
		return ""
	}
	return ""
}
