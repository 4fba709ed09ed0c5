package sessions

// A saved walk may hold several attempts: the user went back and made a new link_token, or
// asked the sandbox for a public_token again after a login error, or Link ran again. The
// session's inputs and outcome describe the last attempt only, so a replay walks and compares
// that one. An attempt begins with the last /link/token/create; within it, the last way to a
// public_token (the sandbox shortcut, or else the exchange of a token Link handed over)
// starts the rest of the walk, and what came between were earlier tries of that step.

// LastAttempt splits a session's calls into the last attempt and the calls of earlier
// attempts it leaves out. Hosted Link's /link/token/get polls stay with the attempt.
func LastAttempt(calls []Call) (attempt, skipped []Call) {
	earlier := earlierAttempts(calls)
	for i, c := range calls {
		if earlier[i] {
			skipped = append(skipped, c)
		} else {
			attempt = append(attempt, c)
		}
	}
	return attempt, skipped
}

// earlierAttempts marks the calls that belong to attempts before the last one. The steps
// after the hand-off (HandoffEnd) are never an earlier attempt: a repair's update-mode
// /link/token/create does not start a new walk.
func earlierAttempts(calls []Call) []bool {
	earlier := make([]bool, len(calls))
	copy(earlier, earlierWithin(calls[:HandoffEnd(calls)]))
	return earlier
}

// HandoffEnd is the index just past the call that handed the partner its token (the last
// successful /processor/token/create, Stripe token or /credit/relay/create), or len(calls)
// when there is none. The calls after it are the steps after the hand-off: the partner's
// reads with its token, an Item broken and repaired.
func HandoffEnd(calls []Call) int {
	for i := len(calls) - 1; i >= 0; i-- {
		if handoffPaths[calls[i].Path] && calls[i].Status == 200 {
			return i + 1
		}
	}
	return len(calls)
}

var handoffPaths = map[string]bool{
	"/processor/token/create": true, "/processor/stripe/bank_account_token/create": true, "/credit/relay/create": true,
}

func earlierWithin(calls []Call) []bool {
	earlier := make([]bool, len(calls))
	linkToken := lastIndex(calls, 0, "/link/token/create")
	from := max(linkToken, 0)
	rest := lastIndex(calls, from+1, "/sandbox/public_token/create")
	if rest < 0 {
		rest = lastIndex(calls, from+1, "/item/public_token/exchange")
	}
	for i := 0; i < from; i++ {
		earlier[i] = true
	}
	if linkToken < 0 || rest < 0 {
		return earlier
	}
	for i := linkToken + 1; i < rest; i++ {
		earlier[i] = calls[i].Path != "/link/token/get"
	}
	markEarlierPartnerTries(calls, rest, earlier)
	return earlier
}

// partnerStepStarts are the calls that begin a partner token step.
var partnerStepStarts = map[string]bool{
	"/asset_report/create": true, "/processor/token/create": true, "/processor/stripe/bank_account_token/create": true,
}

// markEarlierPartnerTries marks the partner step's earlier tries on the same Item (the user
// left the Asset Report's polling, or picked another account, and asked again): the last try
// begins at the last call that starts the step; anything from the first partner call up to
// it (account reads in between included) was an earlier try.
func markEarlierPartnerTries(calls []Call, from int, earlier []bool) {
	first := -1
	for i := from + 1; i < len(calls) && first < 0; i++ {
		if st := StageOfPath(calls[i].Path); st == StageAssetReport || st == StagePartnerToken {
			first = i
		}
	}
	if first < 0 {
		return
	}
	last := first
	for i := len(calls) - 1; i > first; i-- {
		if partnerStepStarts[calls[i].Path] {
			last = i
			break
		}
	}
	for i := first; i < last; i++ {
		earlier[i] = true
	}
}

// lastIndex is the index of the last call to path at or after from, or -1.
func lastIndex(calls []Call, from int, path string) int {
	for i := len(calls) - 1; i >= from; i-- {
		if calls[i].Path == path {
			return i
		}
	}
	return -1
}

// ReplayStopsEarly reports whether a replay of s must stop where the saved walk stopped
// (it ended before its partner token without an API error), and after how many compared steps.
func ReplayStopsEarly(s Session) (steps int, stop bool) {
	if s.Outcome.Result != ResultStopped && s.Outcome.Result != ResultExited {
		return 0, false
	}
	attempt, _ := LastAttempt(s.Calls)
	n := len(Steps(attempt, s.Inputs.LinkMode != LinkModeShortcut))
	return n, n > 0
}
