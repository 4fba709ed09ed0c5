package emulator

import (
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Checks of request values that Plaid makes after the body's shape is accepted: the form of an
// account id, a webhook URL, a timestamp. Plaid tells a malformed value (INVALID_REQUEST /
// INVALID_FIELD, naming the field) apart from a well-formed one it cannot find (INVALID_INPUT,
// e.g. INVALID_ACCOUNT_ID); every endpoint that takes these values goes through here so that
// all of them answer alike.

// isAccountIDShape says whether id has the form of Plaid's account_id: 37 case-sensitive
// letters and digits.
func isAccountIDShape(id string) bool {
	if len(id) != 37 {
		return false
	}
	for i := 0; i < len(id); i++ {
		if c := id[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
			return false
		}
	}
	return true
}

// checkAccountID refuses an account id that cannot be one of Plaid's, naming the field.
func checkAccountID(field, id string) *apiError {
	if isAccountIDShape(id) {
		return nil
	}
	return invalidRequest("INVALID_FIELD", field+" must be an account id (37 letters and digits, as /accounts/get returns it); "+
		quoteShort(id)+" is not one")
}

// checkAccountIDs is checkAccountID for a list that, when sent at all, must name at least one
// account: an empty list would otherwise silently mean "all accounts".
func checkAccountIDs(field string, ids []string) *apiError {
	if ids != nil && len(ids) == 0 {
		return invalidRequest("INVALID_FIELD", field+" must list at least one account id; leave it out to mean every account")
	}
	for _, id := range ids {
		if isAccountIDShape(id) {
			continue
		}
		return invalidRequest("INVALID_FIELD", field+" must list account ids (37 letters and digits each, as /accounts/get returns them); "+
			quoteShort(id)+" is not one")
	}
	return nil
}

// checkWebhookURL refuses a webhook that is not an absolute http(s) URL. Empty means no webhook.
func checkWebhookURL(field, raw string) *apiError {
	if raw == "" {
		return nil
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" || strings.ContainsAny(raw, " \t\r\n") {
		return invalidRequest("INVALID_FIELD", field+" must be an absolute http or https URL, such as https://example.com/plaid/webhook; "+
			quoteShort(raw)+" is not one")
	}
	return nil
}

// checkDateTime refuses a timestamp that is not ISO 8601 with a time zone (RFC 3339), as Plaid
// reads date-time fields. Empty means the field was not sent.
func checkDateTime(field, raw string) *apiError {
	if raw == "" {
		return nil
	}
	if _, err := time.Parse(time.RFC3339, raw); err != nil {
		return invalidRequest("INVALID_FIELD", field+" must be an ISO 8601 date and time with a time zone, such as 2026-03-02T15:04:05Z; "+
			quoteShort(raw)+" is not one")
	}
	return nil
}

// quoteShort quotes a client's value for an error message, cut to a readable length.
func quoteShort(s string) string {
	const max = 60
	if r := []rune(s); len(r) > max {
		s = string(r[:max]) + "…"
	}
	return strconv.Quote(s)
}
