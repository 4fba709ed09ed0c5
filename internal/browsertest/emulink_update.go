package browsertest

import (
	"context"
	"fmt"

	"github.com/chromedp/chromedp"
)

// UpdateModeScreen is what the emulated Link showed first in update mode.
type UpdateModeScreen struct {
	View     string // the first screen after loading: "credentials" when update mode skips the search
	Bank     string // the bank named on it
	BackShow bool   // whether a back button (to a search) was offered
}

// ReloginEmulatedLink opens pageURL (a page serving an update-mode link_token) in tab and
// logs in again as a person would: it reads the first screen Link shows, types l's
// credentials and continues from the success screen. It returns what the first screen was.
func ReloginEmulatedLink(tab context.Context, pageURL string, l Login, shots *Shots) (UpdateModeScreen, error) {
	var first UpdateModeScreen
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return first, fmt.Errorf("open %s: %w", pageURL, err)
	}
	frame, err := LinkFrame(tab)
	if err != nil {
		return first, err
	}
	if err := chromedp.Do(tab, chromedp.WaitVisible(chromedp.CSS(`#screen:not([data-view="loading"])`), chromedp.FromNode(frame))); err != nil {
		return first, fmt.Errorf("update-mode Link showed no screen: %w", err)
	}
	view, err := chromedp.Run(tab, chromedp.AttributeValue(chromedp.CSS(`#screen`), "data-view", chromedp.FromNode(frame)))
	if err != nil {
		return first, err
	}
	first.View = view.Value
	if first.View == "credentials" {
		if first.Bank, err = chromedp.Run(tab, chromedp.Text(chromedp.CSS(`.bank-head .name`), chromedp.FromNode(frame))); err != nil {
			return first, err
		}
	}
	backHidden, err := chromedp.Run(tab, chromedp.JavascriptAttribute[bool](chromedp.CSS(`#back`), "hidden", chromedp.FromNode(frame)))
	if err != nil {
		return first, err
	}
	first.BackShow = !backHidden
	if shots != nil {
		shots.Take(tab, "update-credentials")
	}
	if first.View != "credentials" {
		return first, fmt.Errorf("update-mode Link opened on its %q screen, not the bank's login", first.View)
	}
	for _, step := range []func(*chromedp.Node) chromedp.Action[chromedp.Void]{
		TypeIn("#username", l.Username), TypeIn("#password", l.Password), Click("#primary"),
		WaitView("connected"), Click("#primary"),
	} {
		if err := chromedp.Do(tab, step(frame)); err != nil {
			return first, fmt.Errorf("update-mode Link: %w", err)
		}
	}
	return first, nil
}
