package plaidflow

import (
	"fmt"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
)

// How a Link session ends, decided once for every front end: `run` and the terminal UI both
// turn what Link reported into a public_token, Plaid's error, or a LinkEndedError.

// LinkEnd is what a Link session reported when it ended, whichever way it ran: the local
// page's callbacks (linkserver) or Hosted Link's /link/token/get.
type LinkEnd struct {
	What        string // "Link" or "Hosted Link": names the session in messages
	PublicToken string // onSuccess's token, "" otherwise
	ExitError   *PlaidError
	ExitStatus  string        // onExit's status when it carried no error
	TimedOut    bool          // plaidwalk stopped waiting
	Timeout     time.Duration // how long it waited, for the message
}

// LinkEndedError is a Link session that ended with neither a public_token nor Plaid's error:
// the user closed Link, or plaidwalk gave up waiting (a closed tab sends nothing).
type LinkEndedError struct {
	What     string
	Status   string
	TimedOut bool
	Timeout  time.Duration
}

func (e *LinkEndedError) Error() string {
	switch {
	case e.TimedOut:
		return fmt.Sprintf("%s did not finish within %s; closing the tab does not tell plaidwalk, so it gave up waiting",
			e.What, ShortDuration(e.Timeout))
	case e.Status != "":
		return fmt.Sprintf("%s was closed before a bank was connected (status %s)", e.What, termtext.SingleLine(e.Status))
	}
	return e.What + " was closed before a bank was connected"
}

// PublicTokenFrom is the one reading of a Link session's end: the public_token on success,
// otherwise Plaid's error (*PlaidError) or *LinkEndedError. A token wins over anything else
// reported, as only the first success counts and Link sends nothing after it.
func PublicTokenFrom(end LinkEnd) (string, error) {
	what := end.What
	if what == "" {
		what = "Link"
	}
	switch {
	case end.PublicToken != "":
		return end.PublicToken, nil
	case end.TimedOut:
		return "", &LinkEndedError{What: what, TimedOut: true, Timeout: end.Timeout}
	case end.ExitError != nil:
		return "", end.ExitError
	}
	return "", &LinkEndedError{What: what, Status: end.ExitStatus}
}

// LinkExitError is Plaid's error from Link's onExit (or from /link/token/get's on_exit),
// cleaned, with its documentation page and plaidflow's advice. what names the session
// ("Link", "Hosted Link") as the error's endpoint.
func LinkExitError(what, errorType, code, message, displayMessage, requestID string) *PlaidError {
	clean := termtext.SingleLine // the browser's or the host's text, cleaned like the API's
	pe := &PlaidError{
		Type: clean(errorType), Code: clean(code), Message: clean(message),
		DisplayMessage: clean(displayMessage), RequestID: clean(requestID),
	}
	if what != "" {
		pe.Endpoint = what + " onExit"
	}
	pe.DocsURL = ErrorDocsURL(pe.Type, pe.Code)
	pe.Hint = hintFor(pe)
	return pe
}

// ShortDuration writes a duration as people do: 30m rather than 30m0s, 2h rather than 2h0m0s.
func ShortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
