package sessions

import "testing"

func callsOf(paths ...string) []Call {
	out := make([]Call, len(paths))
	for i, p := range paths {
		out[i] = Call{Method: "POST", Path: p, Status: 200}
	}
	return out
}

// WhereVerified tells the UI's order (verification, then the token) from run's (the token,
// then the verification) and from a walk that never verified.
func TestWhereVerified(t *testing.T) {
	for _, c := range []struct {
		calls []Call
		want  VerifyPlace
	}{
		{callsOf("/link/token/create", "/accounts/get", "/sandbox/item/set_verification_status", "/accounts/get", "/processor/token/create"), VerifiedBeforeToken},
		{callsOf("/link/token/create", "/accounts/get", "/processor/token/create", "/sandbox/item/set_verification_status", "/accounts/get"), VerifiedAfterToken},
		{callsOf("/link/token/create", "/accounts/get", "/processor/token/create", "/processor/auth/get"), VerifiedNever},
	} {
		if got := WhereVerified(c.calls); got != c.want {
			t.Errorf("%v: %d, want %d", Steps(c.calls, false), got, c.want)
		}
	}
	ui := callsOf("/link/token/create", "/sandbox/public_token/create", "/item/public_token/exchange", "/accounts/get",
		"/sandbox/item/set_verification_status", "/accounts/get", "/processor/token/create")
	if attempt, skipped := LastAttempt(ui); len(attempt) != len(ui) || len(skipped) != 0 {
		t.Errorf("the UI's verification before the token was taken for an earlier try: skipped %v", Steps(skipped, false))
	}
	failedToken := callsOf("/processor/token/create", "/sandbox/item/set_verification_status")
	failedToken[0].Status = 400
	if WhereVerified(failedToken) != VerifiedBeforeToken {
		t.Error("a token that failed was counted as handed over")
	}
}

// FirstVerificationStatus reads the first answered /accounts/get's statuses.
func TestFirstVerificationStatus(t *testing.T) {
	calls := callsOf("/accounts/get", "/accounts/get")
	calls[0].ResponseBody = `{"accounts":[{"account_id":"a","verification_status":null},{"account_id":"b","verification_status":"pending_automatic_verification"}]}`
	calls[1].ResponseBody = `{"accounts":[{"account_id":"b","verification_status":"automatically_verified"}]}`
	if got := FirstVerificationStatus(calls); got != "pending_automatic_verification" {
		t.Errorf("got %q", got)
	}
	calls[0].ResponseBody = `{"accounts":[{"account_id":"a"}]}`
	if got := FirstVerificationStatus(calls); got != "" {
		t.Errorf("login-verified: got %q", got)
	}
}
