package sessions

import (
	"fmt"
	"io"

	"plaidwalk/plaidflow"
)

// afterHandoffLines say what each call after the hand-off did, in the write-up's words.
var afterHandoffLines = map[string]string{
	"/sandbox/processor_token/create": "made a sandbox test processor token for the same bank and test user: Plaid answers /processor/* only to the partner's own keys, so the walk's token could not be read with these",
	"/processor/auth/get":             "the partner read the account and routing numbers with its processor token",
	"/processor/balance/get":          "the partner read the account's balance",
	"/processor/identity/get":         "the partner read the account owners' names, emails, phone numbers and addresses",
	"/processor/transactions/sync":    "the partner pulled the account's transactions (a page with nothing and next_cursor \"\" means Plaid had no history yet)",
	"/credit/relay/get":               "the partner fetched the shared Asset Report with the relay token",
	"/sandbox/item/reset_login":       "the Item's login was reset, as when its user changes their bank password",
	"/link/token/create":              "a link_token in update mode: the Item's access_token and no products",
	"/item/get":                       "/item/get read the Item's state",
}

// writeMarkdownAfterHandoff tells the steps walked after the partner's token: a Same-Day
// account's deposit code, what the partner read, and an Item broken and repaired in Link's
// update mode.
func writeMarkdownAfterHandoff(w io.Writer, s Session) {
	after := s.Calls[HandoffEnd(s.Calls):]
	if len(after) == 0 {
		return
	}
	fmt.Fprintf(w, "\n## After the hand-off\n\n")
	repaired, coded := false, false
	for _, c := range after {
		line, ok := afterHandoffLines[c.Path]
		switch {
		case c.Path == "/link/token/get":
			continue // Hosted Link's polls: the call table has them
		case c.ErrorCode == "ITEM_LOGIN_REQUIRED":
			line = "the app's next call failed with ITEM_LOGIN_REQUIRED: the Item needs its user to log in again"
		case c.Path == "/item/get" && c.Status == 200 && hasPath(after, "/sandbox/item/reset_login"):
			line = "/item/get showed no error: the user logged in again in Link's update mode, and the Item kept its access_token (nothing was exchanged)"
			repaired = true
		case c.Path == "/accounts/get" && c.Status == 200 && hasStep(s, AfterDepositCode) && !coded:
			line = "/accounts/get showed the account " + orDash(FirstVerificationStatus([]Call{c})) +
				": its owner typed the micro-deposit's code in Link's update mode, and the Item kept its access_token (nothing was exchanged)"
			coded = true
		case c.Status >= 400:
			line = "failed with " + orDash(c.ErrorCode)
		case !ok && hasStep(s, AfterTry(c.Path)):
			line = "tried on the Item (Try the Item)"
			if tc, found := plaidflow.TryCallFor(c.Path); found {
				line += ": " + tc.About
			}
		case !ok:
			line = "called"
		}
		fmt.Fprintf(w, "- `%s %s` %d: %s\n", mdCell(c.Method), mdCell(c.Path), c.Status, mdText(line))
	}
	if coded {
		fmt.Fprintln(w, "\nPlaid sends no AUTH webhook for a deposit code typed in the app's own Link: the app learns it from onSuccess (verification\\_status manually\\_verified) and tells the partner, which can now read the numbers.")
	}
	if repaired {
		fmt.Fprintln(w, "\nPlaid sends the LOGIN\\_REPAIRED webhook only for an Item repaired outside the app (another app's Link); a repair through the app's own Link sends none.")
	}
}

func hasStep(s Session, step string) bool {
	for _, st := range s.Inputs.AfterHandoff {
		if st == step {
			return true
		}
	}
	return false
}

func hasPath(calls []Call, path string) bool {
	for _, c := range calls {
		if c.Path == path {
			return true
		}
	}
	return false
}
