package sessions

import (
	"fmt"
	"io"
	"strings"
)

// writeMarkdownVerification tells an account linked through micro-deposits: the status Link
// left it at, whether and where the walk moved its verification along, and what Plaid then
// reported. Nothing for an account verified by its login.
func writeMarkdownVerification(w io.Writer, s Session) {
	from := FirstVerificationStatus(s.Calls) // what Link left the account at
	if from == "" {
		return
	}
	statuses := verificationStatuses(s.Calls)
	to := statuses[len(statuses)-1]
	fmt.Fprintf(w, "\n## Account verification\n\n")
	fmt.Fprintf(w, "- The account came out of Link `%s`: Auth verifies it through micro-deposits, not the bank login.\n", mdCell(from))
	if !strings.HasPrefix(from, "pending_") {
		return
	}
	switch WhereVerified(s.Calls) {
	case VerifiedBeforeToken:
		fmt.Fprintln(w, "- Before the partner's token, the walk ended the wait with `/sandbox/item/set_verification_status`, as Plaid would once the deposits land; Plaid sends the AUTH AUTOMATICALLY\\_VERIFIED webhook then.")
	case VerifiedAfterToken:
		fmt.Fprintln(w, "- The partner's token was made while the account waited; then the walk ended the wait with `/sandbox/item/set_verification_status`, as Plaid would once the deposits land, and Plaid sends the AUTH AUTOMATICALLY\\_VERIFIED webhook.")
	default:
		if to == from {
			fmt.Fprintln(w, "- The walk left it waiting: the partner's token could be made, but `/processor/auth/get` answers PRODUCT\\_NOT\\_READY until the account is verified.")
		}
	}
	if to != from {
		fmt.Fprintf(w, "- `/accounts/get` then reported `%s`.\n", mdCell(to))
	}
}
