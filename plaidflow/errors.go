package plaidflow

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/termtext"
)

// PlaidError is a Plaid API error with our hint for the common ones.
type PlaidError struct {
	Status         int
	Type           string
	Code           string
	Message        string
	DisplayMessage string
	RequestID      string
	DocsURL        string
	Hint           string
	Endpoint       string
}

func (e *PlaidError) Error() string { return e.Type + " / " + e.Code + ": " + e.Message }

// AsPlaidError finds a *PlaidError in err's chain.
func AsPlaidError(err error) (*PlaidError, bool) {
	var pe *PlaidError
	ok := errors.As(err, &pe)
	return pe, ok
}

// errorsDocs is Plaid's error reference, used when a response carries no documentation_url.
const errorsDocs = "https://plaid.com/docs/errors/"

// ErrorDocsURL is Plaid's reference page for an error, at its code's anchor: Link's onExit and
// /link/token/get's exit carry no documentation_url of their own. Without a type or a code it
// is the reference's front page.
func ErrorDocsURL(errorType, code string) string {
	if errorType == "" || code == "" {
		return errorsDocs
	}
	page := strings.ReplaceAll(strings.ToLower(strings.TrimSuffix(errorType, "_ERROR")), "_", "-")
	return errorsDocs + page + "/#" + strings.ToLower(code)
}

// IntegrationsPage is where a partner integration is switched on for a Plaid team.
const IntegrationsPage = "https://dashboard.plaid.com/developers/integrations"

// toError turns what plaid-go returned into our error: a *PlaidError for an API error, or a
// plain error naming the endpoint and host for a transport failure.
func toError(endpoint string, httpResp *http.Response, err error) error {
	if err == nil {
		return nil
	}
	model, answered, perr := plaidErrorModel(err)
	if !answered || httpResp == nil {
		return connectionError(endpoint, err)
	}
	if perr != nil || model.ErrorCode == "" {
		return &PlaidError{Status: httpResp.StatusCode, Type: "API_ERROR", Code: "UNEXPECTED_RESPONSE",
			Message:  fmt.Sprintf("HTTP %d with a body that is not a Plaid error", httpResp.StatusCode),
			Endpoint: endpoint, DocsURL: errorsDocs, RequestID: termtext.SingleLine(httpResp.Header.Get("X-Request-Id"))}
	}
	// Everything in the body is the host's text: clean it here, once, so no caller can print
	// an escape sequence a hostile or broken host put into it.
	pe := &PlaidError{
		Status:         httpResp.StatusCode,
		Type:           termtext.SingleLine(string(model.ErrorType)),
		Code:           termtext.SingleLine(model.ErrorCode),
		Message:        termtext.SingleLine(model.ErrorMessage),
		DisplayMessage: termtext.SingleLine(model.GetDisplayMessage()),
		RequestID:      termtext.SingleLine(model.GetRequestId()),
		DocsURL:        termtext.SingleLine(model.GetDocumentationUrl()),
		Endpoint:       endpoint,
	}
	if pe.DocsURL == "" {
		pe.DocsURL = errorsDocs
	}
	pe.Hint = hintFor(pe)
	return pe
}

// plaidErrorModel reads the error body of an answer from plaid-go or from sendRaw; answered
// is false when the call got no answer at all.
func plaidErrorModel(err error) (model plaid.PlaidError, answered bool, perr error) {
	var generic plaid.GenericOpenAPIError
	if errors.As(err, &generic) {
		model, perr = plaid.ToPlaidError(generic)
		return model, true, perr
	}
	var raw *rawAPIError
	if errors.As(err, &raw) {
		return model, true, json.Unmarshal(raw.body, &model)
	}
	return model, false, nil
}

// ConnectionError is a call that got no answer at all: the host refused the connection, its
// name did not resolve, or the network is down. Hint says what to check.
type ConnectionError struct {
	Endpoint string
	Host     string
	Err      error
	Hint     string
}

func (e *ConnectionError) Error() string {
	return e.Endpoint + ": cannot reach the Plaid API at " + e.Host + ": " + termtext.SingleLine(e.Err.Error())
}

func (e *ConnectionError) Unwrap() error { return e.Err }

// connectionError names the host that did not answer and what to check for it.
func connectionError(endpoint string, err error) error {
	if errors.Is(err, context.Canceled) { // the caller stopped the walk: nothing to fix

		return fmt.Errorf("%s: %w", endpoint, err)
	}
	host := "the API host"
	var ue *url.Error
	if errors.As(err, &ue) {
		if u, perr := url.Parse(ue.URL); perr == nil && u.Host != "" {
			host = u.Scheme + "://" + u.Host
		}
	}
	hint := "Check this machine's network connection (and any proxy or firewall) to " + host + "; unset PLAID_CLIENT_ID and PLAID_SECRET to run offline against the built-in emulator instead."
	if host != SandboxURL && host != ProductionURL {
		hint = "Nothing answered at " + host + ": is PLAID_BASE_URL (or --base-url) right, and is that server running? Unset PLAID_BASE_URL and the keys to run offline against the built-in emulator."
	}
	if h := networkHint(host, err); h != "" {
		hint = h
	}
	return &ConnectionError{Endpoint: endpoint, Host: host, Err: err, Hint: hint}
}

// HintFor is our advice for a Plaid error that did not come through the API client, such as
// the error Link hands to onExit in the browser.
func HintFor(e *PlaidError) string { return hintFor(e) }

// hintFor is our advice for the errors developers hit most while wiring up a partner.
func hintFor(e *PlaidError) string {
	switch e.Code {
	case "INVALID_API_KEYS":
		return "Check PLAID_CLIENT_ID and PLAID_SECRET: the secret must belong to the environment you are calling (Dashboard > Developers > Keys). With PLAID_BASE_URL, use the keys that host printed; unset all three to run offline."
	case "INVALID_PRODUCT":
		return invalidProductHint(e)
	case "NO_AUTH_ACCOUNTS":
		return "This Item has no checking or savings account with account and routing numbers, which this call needs; link one (credit cards, loans and investment accounts have none) or pick one with an account filter."
	case "INVALID_FIELD":
		if strings.Contains(e.Message, "redirect_uri") {
			return "Add the redirect URI to Allowed redirect URIs on the Dashboard (Developers > API). It must be https (http://localhost only in Sandbox) with no query or fragment."
		}
		return "A request field has a value Plaid does not accept; the message names it."
	case "ITEM_LOGIN_REQUIRED":
		return "The bank login behind this Item is no longer valid. Send the user through Link in update mode (a link token created with the access_token), or link the bank again."
	case "PRODUCT_NOT_READY":
		if strings.HasSuffix(e.Endpoint, "/transactions/get") {
			return "Plaid is still pulling this Item's transactions (in Sandbox about ten seconds after linking). Ask again once the TRANSACTIONS INITIAL_UPDATE webhook came, " +
				"or use /transactions/sync, which answers empty pages with next_cursor \"\" until the history is there instead of failing."
		}
		if e.Endpoint == "/auth/get" || e.Endpoint == "/processor/auth/get" {
			return "The account's numbers wait for its micro-deposit verification (verification_status pending_...). Plaid sends an AUTH webhook when it ends; " +
				"in the sandbox, /sandbox/item/set_verification_status ends it now (run --auth-flow automated-microdeposits does)."
		}
		return "Plaid is still preparing this data (an Asset Report takes seconds to minutes). Wait and ask again; plaidwalk polls automatically."
	case "INVALID_PUBLIC_TOKEN":
		return "A public_token can be exchanged once and expires 30 minutes after Link returns it. Run Link again for a fresh one."
	case "INVALID_ACCESS_TOKEN":
		return "The access_token is unknown, removed, or from another environment than the keys you are using."
	case "INVALID_ACCOUNT_ID":
		return "The account_id does not belong to this Item; take it from /accounts/get for the same access_token."
	case "PRODUCTS_NOT_SUPPORTED":
		return "The Item was not linked with the product this call needs (for an Asset Report: assets). Link again with that product in products."
	case "ADDITIONAL_CONSENT_REQUIRED":
		return "The user did not consent to this product when the Item was linked. Link again with it in products (or required_if_supported_products); at Plaid, update mode with it in additional_consented_products also asks for it."
	case "NO_INVESTMENT_ACCOUNTS":
		return "None of the accounts asked for is an investment account (user_good has Plaid IRA and Plaid 401k). Share one in Link: a link token made with investments alone offers only those."
	case "NO_LIABILITY_ACCOUNTS":
		return "None of the accounts asked for is a credit card, student loan or mortgage. Share one in Link: a link token made with liabilities alone offers only those."
	case "INVALID_INSTITUTION":
		return "The institution_id is not one Plaid knows in the country codes of this call. Sandbox ids look like ins_109508 (First Platypus Bank); a bank outside the US needs its country in the Link country codes (e.g. CA for ins_43)."
	case "INVALID_LINK_TOKEN":
		return "The link_token is unknown or expired (link tokens last 4 hours); create a new one."
	}
	if e.Type == "RATE_LIMIT_EXCEEDED" || e.Status == http.StatusTooManyRequests {
		return "Too many requests for this endpoint; plaidwalk retried with backoff where that is safe. Wait a moment and run again."
	}
	if e.Status >= 500 {
		return "Plaid had a problem on its side; try again in a moment and quote the request_id to Plaid support if it persists."
	}
	if e.Type == "ITEM_ERROR" && e.DisplayMessage != "" {
		return loginErrorHint(e)
	}
	return linkErrorHints[e.Code]
}

// invalidProductHint tells apart the three reasons behind INVALID_PRODUCT by Plaid's message:
// balance asked of Link, a name that is no Link product, and a product the team lacks.
func invalidProductHint(e *PlaidError) string {
	msg := strings.ToLower(e.Message)
	switch {
	case e.Endpoint != "/link/token/create" && e.Endpoint != "":
		return "Enable this partner for your team on the Dashboard's Integrations page (" + IntegrationsPage + "), then try again."
	case strings.Contains(msg, "balance"):
		return "balance is not a Link product: link with another product such as auth or transactions, then call /accounts/balance/get for balances."
	case strings.Contains(msg, "not enabled") || strings.Contains(msg, "not authorized") || strings.Contains(msg, "access"):
		return "Your team does not have this product yet: request it on the Dashboard (Products / Account > Billing), then try again."
	case strings.Contains(msg, "unknown") || strings.Contains(msg, "not a valid") || strings.Contains(msg, "invalid"):
		return "products lists a name Link does not know. Link products are: " + strings.Join(linkProducts, ", ") + "."
	}
	return "A product in products is not a Link product or not enabled for your team. Link products are: " +
		strings.Join(linkProducts, ", ") + "; products your team lacks are requested on the Dashboard."
}

// sandboxLoginErrors are the login failures Sandbox produces on purpose when the test
// password is error_<CODE>.
var sandboxLoginErrors = map[string]string{
	"ITEM_LOCKED":              "The bank locked the account after too many failed logins; the user must unlock it at the bank, then link again.",
	"INVALID_CREDENTIALS":      "The bank rejected the username or password; the user should check them and try again.",
	"INVALID_MFA":              "The answer to the bank's security question or code was wrong; the user should try again.",
	"INSUFFICIENT_CREDENTIALS": "The user did not finish the bank's login (for OAuth banks, the bank's consent screen).",
	"USER_SETUP_REQUIRED":      "The bank wants the user to finish a step on its own website (new terms, a password change) before Plaid can log in.",
	"ITEM_NOT_SUPPORTED":       "Plaid cannot connect to this kind of account at this bank.",
	"NO_ACCOUNTS":              "The login worked but the bank returned no accounts Plaid can use.",
	"MFA_NOT_SUPPORTED":        "The bank asked for a kind of security check that Plaid does not support.",
}

// SandboxLoginHint is the hint for a login that failed because the Sandbox test password was
// error_<CODE>: the failure was asked for, and pass_good logs in normally.
func SandboxLoginHint(code string) string {
	return "In the sandbox this error came from the test password error_" + code +
		", which makes the login fail on purpose; use " + DefaultPassword + " (with " + DefaultUsername + ") to log in normally."
}

// loginErrorHint explains a bank login failure. Through the sandbox shortcut it can only be a
// test password; from Link it may be a real bank, so both readings are given.
func loginErrorHint(e *PlaidError) string {
	if e.Endpoint == "/sandbox/public_token/create" {
		return SandboxLoginHint(e.Code)
	}
	real := sandboxLoginErrors[e.Code]
	if real == "" {
		real = "The bank or the user refused the login."
	}
	if e.Code == "INVALID_CREDENTIALS" {
		// In the sandbox a mistyped test user or password is the usual cause, not error_<CODE>.
		return real + " In the sandbox, log in as " + sandboxUsersText +
			"; the test password error_INVALID_CREDENTIALS produces this error on purpose."
	}
	if e.Code == "INVALID_MFA" {
		// In Link the usual cause is a wrong answer to a test password's security check.
		return real + " In the sandbox, the answers are: code 1234 (password mfa_device), answer_<i>_<j> (mfa_questions_<n>_<m>), " +
			"Yes (mfa_selections), the first choice (mfa_selections_<n>_<m>_<o>); error_INVALID_MFA produces this error on purpose."
	}
	return real + " In the sandbox, the test password error_" + e.Code + " produces this error on purpose; log in with " +
		DefaultUsername + " / " + DefaultPassword + " to link normally."
}

// withPartnerHint rewords hints that depend on what the partner does with the account.
func withPartnerHint(p Partner, err error) error {
	pe, ok := AsPlaidError(err)
	if !ok || pe.Code != "NO_AUTH_ACCOUNTS" {
		return err
	}
	if movesMoney(p) {
		pe.Hint = p.Name + " moves money, so it needs a checking or savings account with account and routing numbers; choose one (credit cards, loans and investment accounts have none)."
		return err
	}
	pe.Hint = p.Name + " reads " + strings.Join(p.Products, " and ") + " data rather than moving money, but Plaid answered that this account has no account and routing numbers for a processor token; choose a checking or savings account, or leave --account out to use the first one " + p.Name + " accepts."
	return err
}

// movesMoney says whether a partner's Link products include auth (account and routing numbers).
func movesMoney(p Partner) bool {
	for _, prod := range p.Products {
		if prod == "auth" {
			return true
		}
	}
	return len(p.Products) == 0
}
