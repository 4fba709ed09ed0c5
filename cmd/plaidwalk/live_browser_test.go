package main

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plaidwalk/internal/browsertest"
)

// TestLiveSandboxRunLinkBrowser is `plaidwalk run --link browser` with sandbox keys, as a user
// runs it: the calls go over https to sandbox.plaid.com, the local Link page loads Link from
// https://cdn.plaid.com under its real-mode CSP, and a person clicks through Link in Chromium.
// Any CSP violation fails it; the walk ends with a sandbox processor token.
func TestLiveSandboxRunLinkBrowser(t *testing.T) {
	rig := newLiveRig(t, "sandbox")
	tab, csp := liveBrowser(t, rig.srv)
	ctx, stop := context.WithTimeout(context.Background(), browsertest.Timeout)
	defer stop()
	done := make(chan error, 1)
	rig.deps.openURL = person(tab, csp, stop, done, func(ctx context.Context, url string) error {
		return browsertest.CompleteEmulatedLink(ctx, url, browsertest.UserGood, nil)
	})
	file := filepath.Join(t.TempDir(), "walk.json")
	code, out, errOut := rig.run(ctx, "run", "--partner", "dwolla", "--link", "browser", "--json", "--no-save", "--save", file, "--link-timeout", "60s")
	if err := <-done; err != nil {
		t.Fatalf("clicking through Link: %v; CSP violations %q\nstderr:\n%s", err, csp.Violations(), errOut)
	}
	checkNoCSP(t, csp)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Env != "sandbox" || doc.Account == nil || doc.Account.Mask != "0000" || !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-") {
		t.Errorf("result %+v", doc)
	}
	checkLinkFromCDN(t, rig.srv)
	calls := strings.Join(rig.srv.Calls(), " ")
	if !strings.HasPrefix(calls, "/link/token/create /item/public_token/exchange") || strings.Contains(calls, "/sandbox/") {
		t.Errorf("sandbox.plaid.com got %s: want the link token, then the exchange after Link, no shortcut", calls)
	}
	if o := savedLink(t, file).Outcome; o == nil || o.Status != "success" || o.InstitutionID != "ins_109508" {
		t.Errorf("saved Link outcome %+v", o)
	}
}

// TestLiveSandboxUIWithLinkInChromium is the terminal UI (in process, keys typed as a person
// reads the screen) with sandbox keys: Enter creates the link_token at sandbox.plaid.com, the
// UI opens the Link page, Chromium walks Link from the impersonated CDN under the page's CSP,
// and the UI exchanges, shows the accounts and makes Dwolla's token.
func TestLiveSandboxUIWithLinkInChromium(t *testing.T) {
	rig := newLiveRig(t, "sandbox")
	tab, csp := liveBrowser(t, rig.srv)
	done := make(chan error, 1)
	rig.deps.openURL = person(tab, csp, func() {}, done, func(ctx context.Context, url string) error {
		return browsertest.CompleteEmulatedLink(ctx, url, browsertest.UserGood, nil)
	})
	code, out, screen := runTUIWith(t, rig.deps, rig.env, []string{"--partner", "dwolla", "--no-save"},
		cue{"Step 2/7 · Link options", "\r"},
		cue{"Press Enter to open Link", "\r"},
		cue{"Choose the account for Dwolla", "\r"},
		cue{"Step 7/7 · Results", "q"})
	select {
	case err := <-done:
		if err != nil {
			t.Fatalf("clicking through Link: %v; CSP violations %q", err, csp.Violations())
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("the UI never opened the Link page; screen ends:\n%s", tail(screen))
	}
	checkNoCSP(t, csp)
	if code != 0 || !strings.Contains(out, "processor-sandbox-") {
		t.Fatalf("exit %d; summary:\n%s\nscreen ends:\n%s", code, out, tail(screen))
	}
	if !strings.Contains(screen, "SANDBOX") {
		t.Errorf("the UI never said it runs against the sandbox:\n%s", tail(screen))
	}
	checkLinkFromCDN(t, rig.srv)
}

// tail is the end of a long screen, for failure messages.
func tail(s string) string { return s[max(len(s)-3000, 0):] }
