package main

import (
	"context"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// An interruption (ctrl+c, SIGTERM, SIGHUP, quitting the UI) cancels the request in flight,
// but only our side of it: the request may have reached Plaid and done its work, and only
// the answer was lost. Saying "no further call was made" then hides that an Item (or a
// token) may exist that nobody holds the access_token of.

// madeBy is what each call creates at Plaid, for saying what may exist after it was cut off.
var madeBy = map[string]string{
	"/link/token/create":                          "a link_token",
	"/sandbox/public_token/create":                "an Item",
	"/item/public_token/exchange":                 "the Item",
	"/processor/token/create":                     "a processor_token",
	"/processor/stripe/bank_account_token/create": "a Stripe bank account token",
	"/asset_report/create":                        "an Asset Report",
	"/credit/relay/create":                        "a relay token",
}

// cutCall is the last call that creates something at Plaid and was sent but got no answer
// (an interruption, or a transport error, ended it), if any. A read such as /link/token/get
// changes nothing at Plaid, so cutting it off leaves nothing behind to mention.
func cutCall(calls []plaidflow.Call) (plaidflow.Call, bool) {
	for i := len(calls) - 1; i >= 0; i-- {
		if c := calls[i]; c.Status == 0 && c.Err != "" && madeBy[c.Path] != "" {
			return c, true
		}
	}
	return plaidflow.Call{}, false
}

// mayHaveCompleted words what is known of a cut-off call, e.g. "POST
// /item/public_token/exchange was in flight: it may have completed at Plaid, so the Item may
// exist".
func mayHaveCompleted(c plaidflow.Call) string {
	return c.Method + " " + c.Path + " was in flight: it may have completed at Plaid, so " + madeBy[c.Path] + " may exist"
}

// interruptedError is a walk that ctrl+c, SIGTERM or SIGHUP stopped; cut is the call that
// was in flight then, if one was. It is a context.Canceled, so the saved session records a
// stopped walk, as the terminal UI does when the user quits.
type interruptedError struct{ cut *plaidflow.Call }

// errInterrupted is any interruption, for errors.Is.
var errInterrupted error = interruptedError{}

func (e interruptedError) Error() string {
	if e.cut != nil {
		return "interrupted while " + mayHaveCompleted(*e.cut)
	}
	return "interrupted before the walk finished"
}

func (e interruptedError) Is(target error) bool {
	_, ok := target.(interruptedError)
	return ok || target == context.Canceled
}

// markInterrupted replaces whatever error the walk ended with when ctx was cancelled: a poll
// or a wait cut short reports its own last state, which would read as a failure of its step.
func markInterrupted(ctx context.Context, res *runResult) {
	if res.Err == nil || ctx.Err() == nil {
		return
	}
	ie := interruptedError{}
	if c, ok := cutCall(res.Calls); ok {
		ie.cut = &c
	}
	res.Err = ie
}

// noteCutCall adds to a stopped walk's outcome the call the stop cut off, if one was in
// flight: the reason then says it may have completed.
func noteCutCall(s *sessions.Session, calls []plaidflow.Call) {
	o := &s.Outcome
	if o.Result != sessions.ResultStopped {
		return
	}
	if c, ok := cutCall(calls); ok {
		reason := o.Reason
		if reason == "" {
			reason = "stopped"
		}
		o.Reason = reason + " while " + mayHaveCompleted(c)
	}
}
