package emulator

import (
	"net/http"
	"strings"
)

// Auth's flows where the person types the account's numbers into Link instead of logging in
// (PLAID-FACTS.md §7). Same-Day Micro-deposits: routing 110000000 and account
// 1111222233330000 make an Item with no institution (Plaid reports institution_id and name
// null) and one account, pending_manual_verification until the person opens Link again with
// the Item's access_token and types the deposit's 3-letter code, ABC. Instant Micro-deposits:
// Windowpane Bank's routing 333333334 with the same account number; the code is typed in the
// same Link session. Three wrong codes lock the Item for good (verification_failed).
//
// Such an Item points at a stand-in institution named by its routing number, so its numbers
// are derived as every other Item's are and the Item keeps nothing more than one counter.

const (
	sameDayRouting      = "110000000"
	instantMDRouting    = "333333334"
	instantMDBank       = "ins_135858" // Windowpane Bank
	manualAccountNumber = "1111222233330000"
	// depositCode is the code the Sandbox puts in the micro-deposit's description; Plaid
	// compares it without regard to case.
	depositCode        = "ABC"
	maxCodeTries       = 3
	pendingManual      = "pending_manual_verification"
	manuallyVerified   = "manually_verified"
	verificationFailed = "verification_failed"
)

// manualBanks stand in for the bank of an Item made from typed-in numbers, one per routing
// number the Sandbox takes. Their ids live only in the state file.
var manualBanks = []Institution{
	{ID: "manual:" + sameDayRouting, Countries: []string{"US"}, Products: []string{"auth"}, Status: "healthy",
		RoutingNumbers: []string{sameDayRouting}, Manual: true},
	{ID: "manual:" + instantMDRouting, Countries: []string{"US"}, Products: []string{"auth"}, Status: "healthy",
		RoutingNumbers: []string{instantMDRouting}, Manual: true},
}

// manualAccounts are what the person can declare the account to be; Plaid names a typed-in
// account by its kind and mask and knows no balance for it.
var manualAccounts = []accountTemplate{
	{"Checking...0000", "", "0000", "depository", "checking", nil, nil, nil},
	{"Savings...0000", "", "0000", "depository", "savings", nil, nil, nil},
}

// manualBank is the stand-in for a routing number the Sandbox takes, nil for any other.
func manualBank(routing string) *Institution {
	for i := range manualBanks {
		if manualBanks[i].RoutingNumbers[0] == routing {
			return &manualBanks[i]
		}
	}
	return nil
}

// storedInstitution finds an Item's institution by the id its record keeps: a bank of the
// table or a manual stand-in (which no API request may name).
func storedInstitution(id string) (*Institution, bool) {
	for i := range manualBanks {
		if manualBanks[i].ID == id {
			return &manualBanks[i], true
		}
	}
	return institutionEntry(id)
}

// shownID and shownName are the institution as Plaid shows it: "" (null) for a stand-in.
func (in *Institution) shownID() string {
	if in.Manual {
		return ""
	}
	return in.ID
}

func (in *Institution) shownName() string {
	if in.Manual {
		return ""
	}
	return in.Name
}

// newManualItem makes the Item of typed-in numbers: one account of the declared subtype,
// pending_manual_verification. The numbers were checked by manualNumbersError.
func (e *Emulator) newManualItem(routing, subtype string) *item {
	idx := uint16(0)
	if subtype == "savings" {
		idx = 1
	}
	return &item{id: newItemID(), institution: manualBank(routing), products: []string{"auth"},
		shared: []uint16{idx}, verification: pendingManual, created: e.now()}
}

// manualNumbersError refuses numbers the Sandbox does not take for these flows, naming the
// ones it does; nil when they are good. The Windowpane Bank screen takes its routing number only.
func manualNumbersError(routing, account, institutionID string) *apiError {
	routing, account = strings.TrimSpace(routing), strings.TrimSpace(account)
	switch {
	case institutionID == instantMDBank && routing != instantMDRouting:
		return invalidRequest("INVALID_FIELD", "Windowpane Bank's Instant Micro-deposits take routing number "+instantMDRouting+" in the Sandbox")
	case manualBank(routing) == nil:
		return invalidRequest("INVALID_FIELD", "the Sandbox takes routing number "+sameDayRouting+" (Same-Day Micro-deposits) or "+
			instantMDRouting+" (Instant Micro-deposits) here; "+routing+" is neither")
	case account != manualAccountNumber:
		return invalidRequest("INVALID_ACCOUNT_NUMBER", "the Sandbox's micro-deposit flows take account number "+manualAccountNumber)
	}
	return nil
}

// codeMatches is the deposit code check: case-insensitive, spaces around ignored.
func codeMatches(code string) bool { return strings.EqualFold(strings.TrimSpace(code), depositCode) }

// typedInProduct refuses a product other than Auth on an Item of typed-in numbers: Plaid's
// Same-Day page says such Items take Auth (and Transfer) only, and there is no bank login to
// read anything else from.
func typedInProduct(product string) *apiError {
	return itemError("PRODUCTS_NOT_SUPPORTED", "this item was made from account numbers typed into Link (Same-Day or Instant Micro-deposits), "+
		"which Plaid allows for Auth only; there is no bank login to read "+product+" from: link the account through its bank to read it", "")
}

// manualNotReady is authNotReady for the typed-in flows. Pending: PRODUCT_NOT_READY, which
// Plaid's Same-Day page names among the flow's errors and which it answers for the automated
// flow too; the numbers become readable once the code is verified. Failed: Plaid's docs do not
// say; as for an expired verification, the emulator answers NO_AUTH_ACCOUNTS with the fix.
func manualNotReady(status string) *apiError {
	switch status {
	case pendingManual:
		return &apiError{Status: http.StatusBadRequest, Type: "ITEM_ERROR", Code: "PRODUCT_NOT_READY", Message: "the account's micro-deposit code has not been entered yet (verification_status pending_manual_verification); " +
			"open Link with a link_token made from this Item's access_token and type the code from the deposit (ABC in the Sandbox)"}
	case verificationFailed:
		return itemError("NO_AUTH_ACCOUNTS",
			"the account's micro-deposit verification failed after 3 wrong codes (verification_status verification_failed) and the Item is locked; "+
				"remove it and link the account again", "This account could not be verified. Please connect it again.")
	}
	return nil
}
