package plaidflow

import (
	"context"
	"strings"
)

// An account linked through micro-deposits (PLAID-FACTS.md §7) reaches the app before Auth has
// verified it: its verification_status starts pending_..., its numbers are not ready, and
// Plaid says when that changes with an AUTH webhook. This file says what that means for the
// walk and the partner, and moves an automated verification along in the Sandbox.

// AwaitsMicrodeposits reports whether an account with this verification_status still waits
// on its micro-deposits (pending_automatic_verification, pending_manual_verification).
func AwaitsMicrodeposits(status string) bool { return strings.HasPrefix(status, "pending_") }

// CanMoveVerification reports whether /sandbox/item/set_verification_status can end this
// status: it takes automated verifications only (the Same-Day flow ends when the person types
// the deposit code into Link), and it is a Sandbox endpoint.
func CanMoveVerification(env Env, status string) bool {
	return status == VerificationPendingAutomatic && env != EnvProduction
}

// MoveVerificationAlong ends the account's automated verification as Plaid would about a day
// later (automatically_verified, with the AUTH AUTOMATICALLY_VERIFIED webhook), then reads the
// Item's accounts again so the caller shows the status Plaid now reports.
func (c *Client) MoveVerificationAlong(ctx context.Context, accessToken, accountID string) (ItemAccounts, error) {
	if err := c.SandboxSetVerificationStatus(ctx, accessToken, accountID, VerificationAutomatic); err != nil {
		return ItemAccounts{}, err
	}
	return c.Accounts(ctx, accessToken)
}

// PendingPartnerNote says what a partner can and cannot do with a token for an account that
// waits on micro-deposits, and how the app learns that the wait is over.
func PendingPartnerNote(status string) string {
	how := "Plaid verifies it by itself once the deposits land (about a day) and tells the app with the AUTH webhook " +
		"AUTOMATICALLY_VERIFIED, or VERIFICATION_EXPIRED when they never land."
	if status != VerificationPendingAutomatic {
		how = "the account's owner types the deposit code into Link, opened again for this Item (update mode); " +
			"after three wrong codes the account is locked."
	}
	return "The account is " + status + ". A partner's token can be made for it and the balance read, but " +
		"/processor/auth/get answers PRODUCT_NOT_READY until the micro-deposits are verified: no account or routing " +
		"number yet, so no money can move. " + how + " The app passes the news on; the partner then asks for the numbers again."
}

// Account finds the Item's account with this id.
func (a ItemAccounts) Account(id string) (Account, bool) {
	for _, acc := range a.Accounts {
		if acc.ID == id {
			return acc, true
		}
	}
	return Account{}, false
}

// DepositCodeNote is what the app learns when the owner types the micro-deposit code into
// its own Link: Link's onSuccess says it, not a webhook, and nothing is exchanged.
const DepositCodeNote = "The code was typed into the app's own Link, so Plaid sends no AUTH webhook: the app learns it from Link's onSuccess " +
	"and reads the account again. The public_token Link hands back need not be exchanged: the Item keeps its access_token, " +
	"and the partner's token can now read the numbers (p shows them)."
