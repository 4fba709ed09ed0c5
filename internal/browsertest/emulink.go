package browsertest

import (
	"context"
	"fmt"
	"strings"

	"github.com/chromedp/chromedp"
)

// Login is what a person types and picks in the emulated Link.
type Login struct {
	BankQuery     string // typed into the search box, e.g. "First Platypus"
	InstitutionID string // the result clicked, e.g. ins_109508
	Username      string
	Password      string
	Account       string // account name to pick, e.g. "Plaid Checking"; empty: stop at the picker
}

// UserGood is the sandbox's standard login at First Platypus Bank, picking Plaid Checking.
var UserGood = Login{BankQuery: "First Platypus", InstitutionID: "ins_109508",
	Username: "user_good", Password: "pass_good", Account: "Plaid Checking"}

// CompleteEmulatedLink opens pageURL (a page linkserver serves) in tab and clicks through the
// emulated Link as a person would: consent, search, bank, credentials, account, continue.
// shots may be nil; otherwise each screen is saved. It returns the first step that failed.
func CompleteEmulatedLink(tab context.Context, pageURL string, l Login, shots *Shots) error {
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return fmt.Errorf("open %s: %w", pageURL, err)
	}
	frame, err := LinkFrame(tab)
	if err != nil {
		return err
	}
	type act = func(*chromedp.Node) chromedp.Action[chromedp.Void]
	in := func(a ...act) error {
		for _, step := range a {
			if err := chromedp.Do(tab, step(frame)); err != nil {
				return err
			}
		}
		return nil
	}
	steps := []struct {
		name string
		do   []act
	}{
		{"consent", []act{WaitView("consent"), Click("#primary")}},
		{"search", []act{WaitView("search"), TypeIn("#search", l.BankQuery),
			Click(`button.inst[data-id="` + l.InstitutionID + `"]`)}},
		{"credentials", []act{WaitView("credentials"),
			TypeIn("#username", l.Username), TypeIn("#password", l.Password), Click("#primary")}},
		{"accounts", []act{WaitView("accounts"),
			Click(`label.acct[data-name="` + l.Account + `"]`), Click("#primary")}},
		{"connected", []act{WaitView("connected"), Click("#primary")}},
	}
	for _, s := range steps {
		if s.name == "accounts" && l.Account == "" {
			return in(WaitView("accounts"))
		}
		if err := in(s.do[0]); err != nil { // the screen is showing
			return fmt.Errorf("emulated Link never showed its %s screen: %w", s.name, err)
		}
		if shots != nil {
			shots.Take(tab, s.name)
		}
		if err := in(s.do[1:]...); err != nil {
			return fmt.Errorf("emulated Link, %s screen: %w", s.name, err)
		}
	}
	return nil
}

// LinkFrame is the iframe Plaid.create mounted over the page.
func LinkFrame(tab context.Context) (*chromedp.Node, error) {
	nodes, err := chromedp.Run(tab, chromedp.Nodes(chromedp.CSS(`iframe[id^="plaid-link-iframe"]`), chromedp.NodeVisible))
	if err != nil || len(nodes) == 0 {
		return nil, fmt.Errorf("Link's iframe did not appear: %v", err)
	}
	return nodes[0], nil
}

// linkRoot is where Link's screens are on pageURL: the iframe Plaid.create mounted over a
// page, or the page itself when it is the emulator's Hosted Link page.
func linkRoot(tab context.Context, pageURL string) (*chromedp.Node, error) {
	if !strings.Contains(pageURL, "/link/emulated/hosted/") {
		return LinkFrame(tab)
	}
	nodes, err := chromedp.Run(tab, chromedp.Nodes(chromedp.CSS("body"), chromedp.NodeReady))
	if err != nil || len(nodes) == 0 {
		return nil, fmt.Errorf("the Hosted Link page did not load: %v", err)
	}
	return nodes[0], nil
}

// WaitView waits until Link (in frame f) shows the screen named view.
func WaitView(view string) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`#screen[data-view="`+view+`"]`), chromedp.FromNode(f))
	}
}

// Click clicks the element sel inside Link.
func Click(sel string) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(sel), chromedp.FromNode(f))
	}
}

// TypeIn types text into the field sel inside Link.
func TypeIn(sel, text string) func(*chromedp.Node) chromedp.Action[chromedp.Void] {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.SendKeys(chromedp.CSS(sel), text, chromedp.FromNode(f))
	}
}
