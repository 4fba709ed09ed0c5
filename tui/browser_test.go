package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/teatest"
	"github.com/chromedp/chromedp"

	"plaidwalk/emulator"
	"plaidwalk/internal/browsertest"
)

// TestFlowInChromium is Link for real: the UI "opens the browser" (a headless Chromium tab),
// a person's clicks go through the emulated Link, and the UI carries on from what Link did.
func TestFlowInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	t.Run("browser mode with Account Select multiple", func(t *testing.T) { testBrowserMode(t, browsertest.NewTab(t, browser)) })
	t.Run("hosted link", func(t *testing.T) { testHostedLink(t, browsertest.NewTab(t, browser)) })
}

// toLinkStep walks the UI from the list to the Link step with the options set by keys.
func toLinkStep(t *testing.T, tm *teatest.TestModel, optionKeys []string, shown string) {
	t.Helper()
	waitFor(t, tm, "Step 1/7")
	tm.Type("dwolla")
	waitFor(t, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 2/7 · Link options")
	press(tm, optionKeys...)
	waitFor(t, tm, shown)
	press(tm, "enter")
	waitFor(t, tm, "link_token created")
	press(tm, "enter")
}

// logIn goes through the emulated Link's screens as user_good and picks one account.
func logIn(link func(steps ...linkStep), account string) {
	link(waitScreen("consent"), clickOn("#primary"), waitScreen("search"), typeIn("#search", "Platypus"))
	link(clickOn(`button.inst[data-id="ins_109508"]`), waitScreen("credentials"))
	link(typeIn("#username", "user_good"), typeIn("#password", "pass_good"), clickOn("#primary"))
	link(waitScreen("accounts"), clickOn(`label.acct[data-name="`+account+`"]`), clickOn("#primary"))
	link(waitScreen("connected"), clickOn("#primary"))
}

func testBrowserMode(t *testing.T, tab context.Context) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	toLinkStep(t, tm, []string{"tab", "tab", "tab", "tab", "tab", "right"}, "[multiple]")
	waitFor(t, tm, "Waiting for Link")
	url := waitOpened(t, w)
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	waitFor(t, tm, "Link loaded in the browser")
	logIn(linkFrame(t, tab), "Plaid Saving")
	waitFor(t, tm, "Choose the account for Dwolla")
	_, m := finalView(t, tm)
	if m.walk.linkConfig.LinkCustomization != "multi_select" {
		t.Errorf("link customization %q", m.walk.linkConfig.LinkCustomization)
	}
	if got := m.exchange.accounts[m.exchange.table.Cursor()].Name; got != "Plaid Saving" {
		t.Errorf("preselected %q, want the account chosen in Link", got)
	}
	feed := strings.Join(m.link.feed, "\n")
	for _, want := range []string{"OPEN", "SUBMIT_CREDENTIALS", "onSuccess: public_token received from First Platypus Bank"} {
		if !strings.Contains(feed, want) {
			t.Errorf("Link feed lacks %q:\n%s", want, feed)
		}
	}
}

func testHostedLink(t *testing.T, tab context.Context) {
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	toLinkStep(t, tm, []string{"tab", "tab", "tab", "tab", "tab", "tab", "right"}, "[hosted link]")
	waitFor(t, tm, "Waiting for Hosted Link")
	url := waitOpened(t, w)
	if !strings.Contains(url, "/link/emulated/hosted/") {
		t.Fatalf("opened %s, want the hosted_link_url", url)
	}
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	logIn(topLevel(t, tab), "Plaid Checking")
	waitFor(t, tm, "Choose the account for Dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 7/7 · Results")
	_, m := finalView(t, tm)
	if !m.Result().Completed() {
		t.Fatal("hosted link walk did not complete")
	}
}

func waitOpened(t *testing.T, w offlineWorld) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if urls := w.opened.list(); len(urls) > 0 {
			return urls[0]
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatal("the UI never opened the browser")
	return ""
}

type linkStep func(f *chromedp.Node) chromedp.Action[chromedp.Void]

// linkFrame returns a runner for actions inside the emulated Link's iframe.
func linkFrame(t *testing.T, tab context.Context) func(steps ...linkStep) {
	return func(steps ...linkStep) {
		t.Helper()
		nodes, err := chromedp.Run(tab, chromedp.Nodes(chromedp.CSS(`iframe[id^="plaid-link-iframe"]`), chromedp.NodeVisible))
		if err != nil || len(nodes) == 0 {
			t.Fatalf("Link's iframe did not appear: %v", err)
		}
		for _, s := range steps {
			if err := chromedp.Do(tab, s(nodes[0])); err != nil {
				t.Fatalf("in Link: %v", err)
			}
		}
	}
}

// topLevel runs Link actions on the page itself (Hosted Link is not framed).
func topLevel(t *testing.T, tab context.Context) func(steps ...linkStep) {
	return func(steps ...linkStep) {
		t.Helper()
		for _, s := range steps {
			if err := chromedp.Do(tab, s(nil)); err != nil {
				t.Fatalf("in Hosted Link: %v", err)
			}
		}
	}
}

func in(f *chromedp.Node) []chromedp.QueryOption {
	if f == nil {
		return nil
	}
	return []chromedp.QueryOption{chromedp.FromNode(f)}
}

func waitScreen(view string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`#screen[data-view="`+view+`"]`), in(f)...)
	}
}

func clickOn(sel string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(sel), in(f)...)
	}
}

func typeIn(sel, text string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.SendKeys(chromedp.CSS(sel), text, in(f)...)
	}
}
