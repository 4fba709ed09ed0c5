package plaidflow

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/plaid/plaid-go/v20/plaid"
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

// IntegrationsPage is where a partner integration is switched on for a Plaid team.
const IntegrationsPage = "https://dashboard.plaid.com/developers/integrations"

// toError turns what plaid-go returned into our error: a *PlaidError for an API error, or a
// plain error naming the endpoint and host for a transport failure.
func toError(endpoint string, httpResp *http.Response, err error) error {
	if err == nil {
		return nil
	}
	var generic plaid.GenericOpenAPIError
	if !errors.As(err, &generic) || httpResp == nil {
		return connectionError(endpoint, err)
	}
	model, perr := plaid.ToPlaidError(generic)
	if perr != nil || model.ErrorCode == "" {
		return &PlaidError{Status: httpResp.StatusCode, Type: "API_ERROR", Code: "UNEXPECTED_RESPONSE",
			Message:  fmt.Sprintf("HTTP %d with a body that is not a Plaid error", httpResp.StatusCode),
			Endpoint: endpoint, DocsURL: errorsDocs, RequestID: CleanText(httpResp.Header.Get("X-Request-Id"))}
	}
	// Everything in the body is the host's text: clean it here, once, so no caller can print
	// an escape sequence a hostile or broken host put into it.
	pe := &PlaidError{
		Status:         httpResp.StatusCode,
		Type:           CleanText(string(model.ErrorType)),
		Code:           CleanText(model.ErrorCode),
		Message:        CleanText(model.ErrorMessage),
		DisplayMessage: CleanText(model.GetDisplayMessage()),
		RequestID:      CleanText(model.GetRequestId()),
		DocsURL:        CleanText(model.GetDocumentationUrl()),
		Endpoint:       endpoint,
	}
	if pe.DocsURL == "" {
		pe.DocsURL = errorsDocs
	}
	pe.Hint = hintFor(pe)
	return pe
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
	return e.Endpoint + ": cannot reach the Plaid API at " + e.Host + ": " + CleanText(e.Err.Error())
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
		if e.Endpoint == "/link/token/create" {
			return "One of the Link products is not valid or not enabled for your team: balance is never a Link product, and others must be enabled on the Dashboard."
		}
		return "Enable this partner for your team on the Dashboard's Integrations page (" + IntegrationsPage + "), then try again."
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
		return "Plaid is still preparing this data (an Asset Report takes seconds to minutes). Wait and ask again; plaidwalk polls automatically."
	case "INVALID_PUBLIC_TOKEN":
		return "A public_token can be exchanged once and expires 30 minutes after Link returns it. Run Link again for a fresh one."
	case "INVALID_ACCESS_TOKEN":
		return "The access_token is unknown, removed, or from another environment than the keys you are using."
	case "INVALID_ACCOUNT_ID":
		return "The account_id does not belong to this Item; take it from /accounts/get for the same access_token."
	case "PRODUCTS_NOT_SUPPORTED":
		return "The Item was not linked with the product this call needs (for an Asset Report: assets). Link again with that product in products."
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
		return "The bank or the test user refused the login; in Sandbox an error_<CODE> password produces exactly this error."
	}
	return ""
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
