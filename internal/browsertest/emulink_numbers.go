package browsertest

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
)

// Numbers is what a person types into the emulated Link's screens for an account linked by
// its numbers (Auth's Same-Day and Instant Micro-deposits).
type Numbers struct {
	Routing, Account, Holder string
	Subtype                  string // "checking" or "savings"
}

// SameDayNumbers are the Sandbox's Same-Day Micro-deposits numbers; InstantNumbers are
// Windowpane Bank's, for Instant Micro-deposits. DepositCode is the code of both.
var (
	SameDayNumbers = Numbers{Routing: "110000000", Account: "1111222233330000", Holder: "Alberta Charleson", Subtype: "checking"}
	InstantNumbers = Numbers{Routing: "333333334", Account: "1111222233330000", Holder: "Alberta Charleson", Subtype: "checking"}
)

const DepositCode = "ABC"

type step = func(*chromedp.Node) chromedp.Action[chromedp.Void]

// run opens pageURL in tab and runs steps in Link's frame (or on the Hosted Link page), screenshotting after each screen
// named in shotsAt (by step index) when shots is not nil.
func run(tab context.Context, pageURL string, shots *Shots, shotsAt map[int]string, steps []step) error {
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return fmt.Errorf("open %s: %w", pageURL, err)
	}
	frame, err := linkRoot(tab, pageURL)
	if err != nil {
		return err
	}
	for i, s := range steps {
		if err := chromedp.Do(tab, s(frame)); err != nil {
			return fmt.Errorf("emulated Link, step %d: %w", i+1, err)
		}
		if name, ok := shotsAt[i]; ok && shots != nil {
			shots.Take(tab, name)
		}
	}
	return nil
}

// holderSteps fill the holder's name and the account type on the screen showing them.
func holderSteps(n Numbers) []step {
	return []step{TypeIn("#holder-name", n.Holder), Click("#type-" + n.Subtype)}
}

// EnterNumbersEmulatedLink opens pageURL and links an account by its numbers, as a person
// would with Same-Day Micro-deposits: consent, "Link with account numbers" under the search,
// the routing number, the account number twice, the holder and account type, then Continue
// on the success screen.
func EnterNumbersEmulatedLink(tab context.Context, pageURL string, n Numbers, shots *Shots) error {
	steps := []step{
		WaitView("consent"), Click("#primary"),
		WaitView("search"), Click("#manual-entry"),
		WaitView("numbers_routing"), TypeIn("#routing", n.Routing), Click("#primary"),
		WaitView("numbers_account"), TypeIn("#account", n.Account), TypeIn("#account-confirm", n.Account), Click("#primary"),
		WaitView("numbers_holder"),
	}
	steps = append(steps, holderSteps(n)...)
	steps = append(steps, Click("#primary"), WaitView("connected"), Click("#primary"))
	return run(tab, pageURL, shots, map[int]string{4: "numbers-routing", 7: "numbers-account", 11: "numbers-holder", len(steps) - 2: "numbers-connected"}, steps)
}

// EnterCodeEmulatedLink opens pageURL, a page serving an update-mode link_token for an Item
// linked by its numbers: Link opens on the deposit-code screen; each code but the last is
// expected to be refused on that screen, the last to verify the account (Continue on the
// success screen).
func EnterCodeEmulatedLink(tab context.Context, pageURL string, shots *Shots, codes ...string) error {
	steps := []step{WaitView("code")}
	for i, c := range codes {
		steps = append(steps, TypeIn("#deposit-code", c), Click("#primary"))
		if i < len(codes)-1 {
			steps = append(steps, WaitView("code"), waitVisible("#form-error"))
		}
	}
	steps = append(steps, WaitView("connected"), Click("#primary"))
	return run(tab, pageURL, shots, map[int]string{0: "code", len(steps) - 2: "code-verified"}, steps)
}

// InstantMicrodepositsEmulatedLink opens pageURL and links Windowpane Bank by its numbers,
// then types the deposit code in the same session (Instant Micro-deposits).
func InstantMicrodepositsEmulatedLink(tab context.Context, pageURL string, n Numbers, shots *Shots) error {
	steps := []step{
		WaitView("consent"), Click("#primary"),
		WaitView("search"), TypeIn("#search", "Windowpane"), Click(`button.inst[data-id="ins_135858"]`),
		WaitView("numbers_bank"), TypeIn("#routing", n.Routing), TypeIn("#account", n.Account),
	}
	steps = append(steps, holderSteps(n)...)
	steps = append(steps, Click("#primary"), WaitView("code"), TypeIn("#deposit-code", DepositCode), Click("#primary"),
		WaitView("connected"), Click("#primary"))
	return run(tab, pageURL, shots, map[int]string{5: "windowpane-numbers", len(steps) - 2: "windowpane-verified"}, steps)
}

func waitVisible(sel string) step {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(sel), chromedp.FromNode(f))
	}
}
