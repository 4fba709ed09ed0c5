package browsertest

import "context"

// InstantMatchNumbers are the numbers Plaid's Sandbox confirms for Houndstooth Bank's Plaid
// Saving in Instant Match.
var InstantMatchNumbers = Numbers{Routing: "021000021", Account: "1111222233331111"}

// InstantMatchEmulatedLink opens pageURL and walks Instant Match as a person would: consent,
// Houndstooth Bank, user_good / pass_good, Plaid Saving, its routing and account numbers
// typed on the Instant Match screen, then Continue on the success screen.
func InstantMatchEmulatedLink(tab context.Context, pageURL string, shots *Shots) error {
	n := InstantMatchNumbers
	steps := []step{
		WaitView("consent"), Click("#primary"),
		WaitView("search"), TypeIn("#search", "Houndstooth"), Click(`button.inst[data-id="ins_109512"]`),
		WaitView("credentials"), TypeIn("#username", UserGood.Username), TypeIn("#password", UserGood.Password), Click("#primary"),
		WaitView("accounts"), Click(`label.acct[data-name="Plaid Saving"]`), Click("#primary"),
		WaitView("instant_match"), TypeIn("#routing", n.Routing), TypeIn("#account", n.Account), Click("#primary"),
		WaitView("connected"), Click("#primary"),
	}
	return run(tab, pageURL, shots, map[int]string{12: "instant-match", len(steps) - 2: "instant-match-connected"}, steps)
}
