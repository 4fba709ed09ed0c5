package plaidflow

import (
	"context"
	"strings"

	"github.com/plaid/plaid-go/v43/plaid"
)

// AuthFlow is one of the ways Plaid's Sandbox verifies an account for Auth, with the bank and
// credentials that trigger it (PLAID-FACTS.md §7). Money-movement partners must cope with
// accounts verified by micro-deposits, whose numbers are not ready at once.
type AuthFlow struct {
	ID            string // the --auth-flow value
	Name          string
	InstitutionID string
	Password      string // with username user_good
	// Verify: the account starts pending and the walk moves it along with
	// /sandbox/item/set_verification_status, as Plaid would a day later.
	Verify bool
	// NeedsLink: the person types the account's numbers (or a deposit code) into Link, so the
	// sandbox shortcut cannot walk the flow; InstitutionID and Password are then unused.
	NeedsLink bool
	About     string
}

// ShortcutLogin is what the sandbox shortcut logs in with to trigger the flow: its bank, the
// test user and its password. run's --auth-flow and the TUI's Auth flow option both read it.
func (f AuthFlow) ShortcutLogin() (institutionID, username, password string) {
	return f.InstitutionID, DefaultUsername, f.Password
}

// Verification statuses the walk sets or shows.
const (
	VerificationPendingAutomatic = "pending_automatic_verification"
	VerificationAutomatic        = "automatically_verified"
	VerificationPendingManual    = "pending_manual_verification"
	VerificationManual           = "manually_verified"
)

// AuthFlows are the Auth flows a walk can take: the first two with the sandbox shortcut or in
// Link, the last two only in Link (NeedsLink), where the person types numbers and a code.
var AuthFlows = []AuthFlow{
	{ID: "instant-match", Name: "Instant Match", InstitutionID: "ins_109512", Password: DefaultPassword,
		About: "Houndstooth Bank, user_good / pass_good: the account is verified at once (no verification_status)"},
	{ID: "automated-microdeposits", Name: "Automated Micro-deposits", InstitutionID: "ins_109512", Password: "microdeposits_good", Verify: true,
		About: "Houndstooth Bank, user_good / microdeposits_good: the account starts pending_automatic_verification; " +
			"the walk verifies it with /sandbox/item/set_verification_status"},
	{ID: "same-day-microdeposits", Name: "Same-Day Micro-deposits", NeedsLink: true,
		About: "in Link, \"Link with account numbers\" under the bank search: routing 110000000, account 1111222233330000; " +
			"the account starts pending_manual_verification, then Link opens again (update mode) for the deposit code ABC"},
	{ID: "instant-microdeposits", Name: "Instant Micro-deposits", InstitutionID: "ins_135858", NeedsLink: true,
		About: "in Link, Windowpane Bank: routing 333333334, account 1111222233330000, then the deposit code ABC in the same session"},
}

// LinkWith turns on in a Link configuration what the flow needs Link to offer: Same-Day and
// Instant Micro-deposits are off in a link_token unless its auth object asks for them.
func (f AuthFlow) LinkWith(lc LinkConfig) LinkConfig {
	switch f.ID {
	case "same-day-microdeposits":
		lc.SameDayMicrodeposits = true
	case "instant-microdeposits":
		lc.InstantMicrodeposits = true
	}
	return lc
}

// AuthFlowByID finds a flow by its --auth-flow value (any case).
func AuthFlowByID(id string) (AuthFlow, bool) {
	for _, f := range AuthFlows {
		if strings.EqualFold(f.ID, strings.TrimSpace(id)) {
			return f, true
		}
	}
	return AuthFlow{}, false
}

// SandboxSetVerificationStatus calls /sandbox/item/set_verification_status, which ends an
// account's automated micro-deposit verification (automatically_verified or
// verification_expired) and makes Plaid send the AUTH webhook saying so. Sandbox only.
func (c *Client) SandboxSetVerificationStatus(ctx context.Context, accessToken, accountID, status string) error {
	req := plaid.NewSandboxItemSetVerificationStatusRequest(accessToken, accountID, status)
	_, httpResp, err := c.api.SandboxItemSetVerificationStatus(ctx).SandboxItemSetVerificationStatusRequest(*req).Execute()
	return toError("/sandbox/item/set_verification_status", httpResp, err)
}
