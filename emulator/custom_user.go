package emulator

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// customUser is user_custom's password: a JSON configuration (the spec's UserCustomPassword).
// Only what the emulator serves is kept; other fields (income, inflow_model, ...) are accepted
// and dropped. An Item made from it keeps a pointer into it, never copies of what it
// derives (balances, numbers, owners).
type customUser struct {
	Version          *string           `json:"version"`
	Seed             string            `json:"seed"`
	OverrideAccounts []overrideAccount `json:"override_accounts"`
	MFA              *customMFA        `json:"mfa"`
	Recaptcha        string            `json:"recaptcha"`
	ForceError       string            `json:"force_error"`
}

// overrideAccount is one account of a custom user (OverrideAccounts).
type overrideAccount struct {
	Type                    string              `json:"type"`
	Subtype                 string              `json:"subtype"`
	StartingBalance         *float64            `json:"starting_balance"`
	ForceAvailableBalance   *float64            `json:"force_available_balance"`
	HasNullAvailableBalance bool                `json:"has_null_available_balance"`
	Currency                string              `json:"currency"`
	Meta                    customMeta          `json:"meta"`
	Numbers                 customNumbers       `json:"numbers"`
	Identity                *customIdentity     `json:"identity"`
	Transactions            []customTransaction `json:"transactions"`

	Holdings               oneOrMany[holdingOverride]       `json:"holdings"`
	InvestmentTransactions oneOrMany[investmentTxnOverride] `json:"investment_transactions"`
	Liability              *liabilityOverride               `json:"liability"`

	names []string // the Item's owner names: the first identity.names any account gives
}

type customMeta struct {
	Name         string   `json:"name"`
	OfficialName string   `json:"official_name"`
	Limit        *float64 `json:"limit"`
	Mask         *string  `json:"mask"`
}

type customNumbers struct {
	Account           string `json:"account"`
	ACHRouting        string `json:"ach_routing"`
	ACHWireRouting    string `json:"ach_wire_routing"`
	EFTInstitution    string `json:"eft_institution"`
	EFTBranch         string `json:"eft_branch"`
	InternationalBIC  string `json:"international_bic"`
	InternationalIBAN string `json:"international_iban"`
	BACSSortCode      string `json:"bacs_sort_code"`
}

// customIdentity is OwnerOverride: the fields given replace user_good's owner's.
type customIdentity struct {
	Names        []string      `json:"names"`
	PhoneNumbers []contactJSON `json:"phone_numbers"`
	Emails       []contactJSON `json:"emails"`
	Addresses    []addressJSON `json:"addresses"`
}

type customTransaction struct {
	DateTransacted string   `json:"date_transacted"`
	DatePosted     string   `json:"date_posted"`
	Amount         *float64 `json:"amount"`
	Description    string   `json:"description"`
	Currency       string   `json:"currency"`
}

type customMFA struct {
	Type                  string   `json:"type"`
	QuestionRounds        *float64 `json:"question_rounds"`
	QuestionsPerRound     *float64 `json:"questions_per_round"`
	SelectionRounds       *float64 `json:"selection_rounds"`
	SelectionsPerQuestion *float64 `json:"selections_per_question"`
}

// Plaid's limits on a configuration: bigger ones make the Link attempt fail.
const (
	customMaxBytes    = 55 << 10
	customMaxAccounts = 10
)

// parseCustomUser reads and checks user_custom's password. Plaid's documentation does not say
// what a bad configuration answers; users report INVALID_CREDENTIALS, so that is the code,
// with a message that names what is wrong (Plaid's does not).
func parseCustomUser(password string) (*customUser, *apiError) {
	if len(password) > customMaxBytes {
		return nil, badCustomUser(fmt.Sprintf("the configuration is %d bytes; the sandbox takes at most %d (about 250 transactions)", len(password), customMaxBytes))
	}
	dec := json.NewDecoder(strings.NewReader(password))
	var cu customUser
	if err := dec.Decode(&cu); err != nil {
		return nil, badCustomUser(customJSONProblem(password, err))
	}
	if dec.More() {
		return nil, badCustomUser("the password holds more than one JSON value; give one object")
	}
	if msg := cu.problem(); msg != "" {
		return nil, badCustomUser(msg)
	}
	cu.shareNames()
	return &cu, nil
}

func badCustomUser(problem string) *apiError {
	perr := sandboxError("INVALID_CREDENTIALS")
	perr.Message = "the password of user_custom is not a usable custom user configuration: " + problem
	return perr
}

// customJSONProblem words a decoding error with the field it concerns.
func customJSONProblem(password string, err error) string {
	var typeErr *json.UnmarshalTypeError
	switch {
	case !strings.HasPrefix(strings.TrimSpace(password), "{"):
		return `it must be a JSON object such as {"override_accounts":[{"type":"depository","subtype":"checking","starting_balance":100}]}`
	case errors.As(err, &typeErr) && typeErr.Field != "":
		return fmt.Sprintf("%s must be a JSON %s, not %s", typeErr.Field, jsonKind(typeErr.Type), typeErr.Value)
	}
	return "it is not valid JSON: " + err.Error()
}

// jsonKind names the JSON type a Go field takes (through pointers).
func jsonKind(t reflect.Type) string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Float64, reflect.Int:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice:
		return "array"
	}
	return "object"
}

// problem is the first thing wrong with the configuration, "" when it is usable.
func (cu *customUser) problem() string {
	if cu.Version != nil && *cu.Version != "1" && *cu.Version != "2" {
		return fmt.Sprintf("version %q is not \"1\" or \"2\"", *cu.Version)
	}
	if len(cu.OverrideAccounts) > customMaxAccounts {
		return fmt.Sprintf("override_accounts has %d accounts; the sandbox takes at most %d", len(cu.OverrideAccounts), customMaxAccounts)
	}
	for i := range cu.OverrideAccounts {
		if msg := cu.OverrideAccounts[i].problem(); msg != "" {
			return fmt.Sprintf("override_accounts[%d]: %s", i, msg)
		}
	}
	if cu.ForceError != "" && !customForceErrors[cu.ForceError] {
		return fmt.Sprintf("force_error %q is not one of: %s", cu.ForceError, joinSorted(mapKeys(customForceErrors)))
	}
	if cu.Recaptcha != "" && cu.Recaptcha != "good" && cu.Recaptcha != "bad" {
		return fmt.Sprintf("recaptcha %q is not \"good\" or \"bad\"", cu.Recaptcha)
	}
	if cu.MFA != nil {
		return cu.MFA.problem()
	}
	return ""
}

// customForceErrors are the codes force_error takes.
var customForceErrors = map[string]bool{
	"INSTITUTION_NOT_RESPONDING": true, "INSTITUTION_NO_LONGER_SUPPORTED": true, "INVALID_CREDENTIALS": true,
	"INVALID_MFA": true, "ITEM_LOCKED": true, "ITEM_LOGIN_REQUIRED": true, "ITEM_NOT_SUPPORTED": true,
	"INVALID_LINK_TOKEN": true, "MFA_NOT_SUPPORTED": true, "NO_ACCOUNTS": true, "PLAID_ERROR": true,
	"USER_INPUT_TIMEOUT": true, "USER_SETUP_REQUIRED": true,
}

func mapKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

// forcedError applies force_error when the Item is created: ITEM_LOGIN_REQUIRED makes an Item
// that needs its user to log in again (what it is for: rehearsing update mode); every other
// code fails the creation.
func (cu *customUser) forcedError() (loginRequired bool, perr *apiError) {
	switch cu.ForceError {
	case "":
	case "ITEM_LOGIN_REQUIRED":
		return true, nil
	case "INVALID_LINK_TOKEN":
		return false, invalidLinkToken()
	case "PLAID_ERROR":
		return false, &apiError{Status: 500, Type: "API_ERROR", Code: "PLAID_ERROR",
			Message: "an unexpected error occurred at Plaid (asked for by the custom user's force_error)"}
	default:
		return false, sandboxError(cu.ForceError)
	}
	if cu.Recaptcha == "bad" {
		return false, recaptchaBad()
	}
	return false, nil
}

// recaptchaBad is the failed reCAPTCHA a "bad" recaptcha asks for. The emulated Link shows no
// challenge: "good" passes at once.
func recaptchaBad() *apiError {
	return &apiError{Type: "RECAPTCHA_ERROR", Code: "RECAPTCHA_BAD",
		Message:        "the reCAPTCHA challenge was not passed (the test password asked for a failed one with recaptcha \"bad\")",
		DisplayMessage: "The security check could not be completed. Please try again."}
}

// shareNames gives every account the owner names one account configures: Plaid's reference
// says the same name data is used for all accounts of an Item.
func (cu *customUser) shareNames() {
	var names []string
	for _, o := range cu.OverrideAccounts {
		if o.Identity != nil && o.Identity.Names != nil {
			names = o.Identity.Names
			break
		}
	}
	for i := range cu.OverrideAccounts {
		cu.OverrideAccounts[i].names = names
	}
}
