package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
	"plaidwalk/sessions"
)

// TestRunLinkBrowserInChromium runs `plaidwalk run --link browser` with headless Chromium as
// the user's browser: the command serves the Link page, the "browser" opens it and a person
// clicks through the emulated Link; the command then exchanges and makes Dwolla's token.
func TestRunLinkBrowserInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	linkDone := make(chan error, 1)
	d := testDeps()
	d.openURL = func(url string) error {
		go func() { linkDone <- browsertest.CompleteEmulatedLink(browser, url, browsertest.UserGood, shots) }()
		return nil
	}
	file := filepath.Join(t.TempDir(), "walk.json")
	code, out, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--link", "browser", "--json", "--no-save", "--save", file, "--link-timeout", "60s")
	if err := <-linkDone; err != nil {
		t.Fatalf("clicking through Link: %v", err)
	}
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Link is waiting at http://127.0.0.1:") {
		t.Errorf("the Link URL was not printed:\n%s", errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Account == nil || doc.Account.Mask != "0000" || doc.Tokens["processor_token"] == "" {
		t.Fatalf("result: %+v", doc)
	}
	var sawLinkCreate bool
	for _, c := range doc.APILog {
		if c.Path == "/sandbox/public_token/create" {
			t.Errorf("browser mode used the sandbox shortcut")
		}
		sawLinkCreate = sawLinkCreate || c.Path == "/link/token/create"
	}
	if !sawLinkCreate {
		t.Errorf("no /link/token/create in the API log")
	}
	link := savedLink(t, file)
	names := eventNames(link)
	if !inOrder(names, "OPEN", "SUBMIT_CREDENTIALS", "HANDOFF") || names[0] != "OPEN" {
		t.Errorf("saved Link events %v, want OPEN ... SUBMIT_CREDENTIALS ... HANDOFF", names)
	}
	if o := link.Outcome; o == nil || o.Status != "success" || o.InstitutionID != "ins_109508" || len(o.Accounts) != 1 || o.Accounts[0].Mask != "0000" {
		t.Errorf("saved Link outcome %+v", o)
	}
}

// TestRunLinkBrowserExitErrorIsSaved: an error typed into Link in the browser (a locked
// account) ends the run with exit 1 and Plaid's error, and the saved session keeps Link's
// events and the onExit outcome.
func TestRunLinkBrowserExitErrorIsSaved(t *testing.T) {
	browser := browsertest.Start(t)
	linkDone := make(chan error, 1)
	d := testDeps()
	d.openURL = func(url string) error {
		go func() { linkDone <- lockedLogin(browser, url) }()
		return nil
	}
	file := filepath.Join(t.TempDir(), "walk.json")
	code, _, errOut := runInWith(t, d, nil, "run", "--partner", "dwolla", "--link", "browser", "--no-save", "--save", file, "--link-timeout", "60s")
	if err := <-linkDone; err != nil {
		t.Fatalf("clicking through Link: %v", err)
	}
	if code != 1 || !strings.Contains(errOut, "Link onExit failed: ITEM_ERROR / ITEM_LOCKED\n") || !strings.Contains(errOut, "hint:") {
		t.Fatalf("exit %d, want 1 with the error; stderr:\n%s", code, errOut)
	}
	checkLinkExitDocs(t, errOut)
	link := savedLink(t, file)
	names := eventNames(link)
	if !inOrder(names, "OPEN", "SUBMIT_CREDENTIALS", "ERROR", "EXIT") || names[0] != "OPEN" {
		t.Errorf("saved Link events %v, want OPEN ... SUBMIT_CREDENTIALS ... ERROR ... EXIT", names)
	}
	if o := link.Outcome; o == nil || o.Status != "exit" || o.ErrorCode != "ITEM_LOCKED" || o.ErrorType != "ITEM_ERROR" {
		t.Errorf("saved Link outcome %+v", o)
	}
}

// lockedLogin logs in at First Platypus Bank with the sandbox password that locks the
// account, then leaves Link from its error screen.
func lockedLogin(tab context.Context, pageURL string) error {
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return err
	}
	frame, err := browsertest.LinkFrame(tab)
	if err != nil {
		return err
	}
	for _, step := range []func(*chromedp.Node) chromedp.Action[chromedp.Void]{
		browsertest.WaitView("consent"), browsertest.Click("#primary"),
		browsertest.WaitView("search"), browsertest.TypeIn("#search", "First Platypus"),
		browsertest.Click(`button.inst[data-id="ins_109508"]`),
		browsertest.WaitView("credentials"), browsertest.TypeIn("#username", "user_good"),
		browsertest.TypeIn("#password", "error_ITEM_LOCKED"), browsertest.Click("#primary"),
		browsertest.WaitView("error"), browsertest.Click("#primary"),
	} {
		if err := chromedp.Do(tab, step(frame)); err != nil {
			return err
		}
	}
	return nil
}

func savedLink(t *testing.T, file string) *sessions.Link {
	t.Helper()
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatalf("read the saved session: %v", err)
	}
	if s.Inputs.LinkMode != sessions.LinkModeBrowser || s.Link == nil {
		t.Fatalf("saved session: link mode %q, link %+v", s.Inputs.LinkMode, s.Link)
	}
	return s.Link
}

// inOrder says whether want appear in names in this order (other events may come between:
// the emulated Link's debounced SEARCH_INSTITUTION, for one, lands whenever its timer fires).
func inOrder(names []string, want ...string) bool {
	i := 0
	for _, n := range names {
		if i < len(want) && n == want[i] {
			i++
		}
	}
	return i == len(want)
}

func eventNames(l *sessions.Link) []string {
	var names []string
	for _, ev := range l.Events {
		names = append(names, ev.Name)
	}
	return names
}
