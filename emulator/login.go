package emulator

import "net/http"

// sandboxLoginErrors are the codes an error_<CODE> password triggers, with Plaid's error type
// and a message in the emulator's words.
var sandboxLoginErrors = map[string]struct{ typ, msg, display string }{
	"COUNTRY_NOT_SUPPORTED":           {"ITEM_ERROR", "the institution is not available in the countries this link token allows", "This bank is not supported in your country."},
	"INSTITUTION_DOWN":                {"INSTITUTION_ERROR", "the institution is down right now; try again later", "This bank is unavailable right now. Please try again later."},
	"INSTITUTION_NOT_RESPONDING":      {"INSTITUTION_ERROR", "the institution is not answering; try again later", "This bank is not responding. Please try again later."},
	"INSTITUTION_NO_LONGER_SUPPORTED": {"INSTITUTION_ERROR", "the institution is no longer supported", "This bank is no longer supported."},
	"INSUFFICIENT_CREDENTIALS":        {"ITEM_ERROR", "the user did not give enough information to log in", "Please provide all the requested information to connect."},
	"INTERNAL_SERVER_ERROR":           {"API_ERROR", "an unexpected error occurred; try again", ""},
	"INVALID_CREDENTIALS":             {"ITEM_ERROR", "the username or password is incorrect", "The username or password you entered is incorrect."},
	"INVALID_MFA":                     {"ITEM_ERROR", "the multi-factor answer is incorrect", "The code or answer you entered is incorrect."},
	"INVALID_SEND_METHOD":             {"ITEM_ERROR", "the chosen way to send the code is not valid", "That way of receiving a code is not available."},
	"ITEM_LOCKED":                     {"ITEM_ERROR", "the account is locked after too many attempts; the user must unlock it at the bank", "Your account is locked. Unlock it with your bank, then try again."},
	"ITEM_NOT_SUPPORTED":              {"ITEM_ERROR", "this kind of account cannot be connected", "This account cannot be connected right now."},
	"MFA_NOT_SUPPORTED":               {"ITEM_ERROR", "the institution asks for a kind of multi-factor check that is not supported", "This bank's security check is not supported."},
	"NO_ACCOUNTS":                     {"ITEM_ERROR", "no open accounts of the requested kinds were found at the institution", "No eligible accounts were found."},
	"USER_INPUT_TIMEOUT":              {"ITEM_ERROR", "the user took too long to answer the institution's questions", "The session timed out. Please try again."},
	"USER_SETUP_REQUIRED":             {"ITEM_ERROR", "the user must finish an action at the bank's website before connecting", "Please log in to your bank's website to complete a required action."},
}

// sandboxError builds the Plaid error for an error_<CODE> password (nil for unknown codes,
// which then fail as wrong passwords).
func sandboxError(code string) *apiError {
	spec, ok := sandboxLoginErrors[code]
	if !ok {
		return nil
	}
	status := http.StatusBadRequest
	if spec.typ == "API_ERROR" {
		status = http.StatusInternalServerError
	}
	return &apiError{Status: status, Type: spec.typ, Code: code, Message: spec.msg, DisplayMessage: spec.display}
}

// createItem logs the test user in at an institution as the sandbox does (sandbox_users.go)
// and makes an Item with the given products. Link calls it after any MFA step passes.
func (e *Emulator) createItem(institutionID, username, password string, products []string) (itemView, *apiError) {
	it, perr := e.newItem(institutionID, username, password, products, "")
	if perr != nil {
		return itemView{}, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.items[it.id] = it
	e.saveItemLocked(it)
	e.scheduleTransactionsReady(it)
	return it.view(), nil
}

// newItemLocked is newItem stored, for callers that hold e.mu.
func (e *Emulator) newItemLocked(institutionID, username, password string, products []string, webhook string) (*item, *apiError) {
	it, perr := e.newItem(institutionID, username, password, products, webhook)
	if perr != nil {
		return nil, perr
	}
	e.items[it.id] = it
	e.saveItemLocked(it)
	e.scheduleTransactionsReady(it)
	return it, nil
}

// newItem logs in and builds the Item, its random id included, without storing it: it
// reads no shared state, so callers make it before taking e.mu and hold the lock only to store
// it. The shortcut calls it too: it has no Link to ask a security check in, so an MFA password
// simply logs in.
func (e *Emulator) newItem(institutionID, username, password string, products []string, webhook string) (*item, *apiError) {
	in, ok := institutionEntry(institutionID)
	if !ok {
		return nil, invalidInput("INVALID_INSTITUTION", "invalid institution_id provided: "+institutionID)
	}
	for _, p := range products {
		if !in.offers(p) {
			return nil, itemError("PRODUCTS_NOT_SUPPORTED",
				"the institution does not support the requested product "+p, "")
		}
	}
	login, perr := loginError(*in, username, password)
	if perr != nil {
		return nil, perr
	}
	if login.microdeposits && in.ID != authFlowsBank {
		return nil, microdepositsElsewhere()
	}
	loginRequired := false
	if login.custom != nil {
		if loginRequired, perr = login.custom.forcedError(); perr != nil {
			return nil, perr
		}
	}
	it := &item{
		id:            newItemID(),
		institution:   in,
		custom:        login.custom,
		products:      internProducts(in, products),
		webhook:       webhook,
		loginRequired: loginRequired,
		created:       e.now(),
	}
	if login.microdeposits {
		it.startAutomatedMicrodeposits()
	}
	if login.dynamic {
		it.dyn = &dynamicTxns{}
	}
	return it, nil
}

func (it *item) view() itemView {
	v := itemView{ItemID: it.id, Institution: *it.institution}
	for _, a := range it.accounts() {
		v.Accounts = append(v.Accounts, a.view())
	}
	return v
}
