package tui

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/emulator"
	"plaidwalk/internal/browsertest"
)

// TestFlowInChromium is the browser mode for real: the UI starts the Link page, "opens the
// browser" (a headless Chromium tab), a person's clicks go through the emulated Link, and the
// UI shows the live events and then the account Link's user chose, preselected.
func TestFlowInChromium(t *testing.T) {
	tab := browsertest.Start(t)
	w := newOfflineWorld(t, emulator.Options{})
	tm := w.start(t)
	waitFor(t, tm, "Step 1/7")
	tm.Type("dwolla")
	waitFor(t, tm, "Filter: dwolla")
	press(tm, "enter")
	waitFor(t, tm, "Step 2/7 · Link options")
	press(tm, "tab", "tab", "tab", "tab", "tab", "right") // Account Select: multiple
	waitFor(t, tm, "[multiple]")
	press(tm, "enter")
	waitFor(t, tm, "link_token created", "multi_select")
	press(tm, "enter")
	waitFor(t, tm, "Waiting for Link")
	url := waitOpened(t, w)
	if err := chromedp.Do(tab, chromedp.Navigate(url)); err != nil {
		t.Fatalf("opening %s: %v", url, err)
	}
	waitFor(t, tm, "Link loaded in the browser")
	link := linkFrame(t, tab)
	link(waitScreen("consent"), clickOn("#primary"), waitScreen("search"), typeIn("#search", "Platypus"))
	link(clickOn(`button.inst[data-id="ins_109508"]`), waitScreen("credentials"))
	link(typeIn("#username", "user_good"), typeIn("#password", "pass_good"), clickOn("#primary"))
	link(waitScreen("accounts"), clickOn(`label.acct[data-name="Plaid Saving"]`), clickOn("#primary"))
	link(waitScreen("connected"), clickOn("#primary"))
	waitFor(t, tm, "Choose the account for Dwolla")
	_, m := finalView(t, tm)
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

func waitScreen(view string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`#screen[data-view="`+view+`"]`), chromedp.FromNode(f))
	}
}

func clickOn(sel string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.Click(chromedp.CSS(sel), chromedp.FromNode(f))
	}
}

func typeIn(sel, text string) linkStep {
	return func(f *chromedp.Node) chromedp.Action[chromedp.Void] {
		return chromedp.SendKeys(chromedp.CSS(sel), text, chromedp.FromNode(f))
	}
}
