package main

import (
	"strings"
	"testing"

	"plaidwalk/internal/browsertest"
)

// TestRunLinkBrowserInChromium runs `plaidwalk run --link browser` with headless Chromium as
// the user's browser: the command serves the Link page, the "browser" opens it and a person
// clicks through the emulated Link; the command then exchanges and makes Dwolla's token.
func TestRunLinkBrowserInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	linkDone := make(chan error, 1)
	openURL = func(url string) error {
		go func() { linkDone <- browsertest.CompleteEmulatedLink(browser, url, browsertest.UserGood, shots) }()
		return nil
	}
	t.Cleanup(func() { openURL = nil })
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--link", "browser", "--json", "--no-save", "--link-timeout", "60s")
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
}
