// Package browsertest starts Debian's Chromium, headless, for tests that must drive a real
// browser (the Link page, the emulated Link, the end-to-end walk), and saves screenshots of
// what the browser showed.
//
// Use it from any package's tests:
//
//	ctx := browsertest.Start(t)            // one fresh browser for this test; gone at cleanup
//	shots := browsertest.NewShots(t)       // <repo>/testdata-artifacts/<TestName>/
//	err := chromedp.Do(ctx, chromedp.Navigate(url))
//	shots.Take(ctx, "page")                // writes 01-page.png
//
// Start fails the test, never skips it, when Chromium is missing or cannot start: browser tests
// are part of `make test`, and a silent skip would hide that they did not run. Set
// PLAIDWALK_CHROMIUM to use another binary.
package browsertest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// DefaultChromium is where Debian's chromium package installs the browser.
const DefaultChromium = "/usr/bin/chromium"

// Timeout bounds each tab (NewTab), so a page that never shows what a test waits for fails
// the test instead of hanging the run.
const Timeout = 90 * time.Second

// BrowserTimeout bounds a whole browser, which a test may share between many tabs, each with
// its own Timeout: one budget for them all made the last tabs fail when the machine was busy.
const BrowserTimeout = 5 * time.Minute

// Flags are the Chromium switches every test browser gets: headless, no sandbox (tests run as
// root in CI), no GPU, and nothing that reaches the network on its own.
var Flags = []chromedp.ExecAllocatorOption{
	chromedp.NoSandbox,
	chromedp.Headless,
	chromedp.DisableGPU,
	chromedp.NoFirstRun,
	chromedp.Flag("disable-quic", true),
	chromedp.Flag("disable-background-networking", true),
	chromedp.Flag("disable-component-update", true),
	chromedp.Flag("disable-sync", true),
	// Keep cross-site iframes in the page's process so tests can reach into them with
	// chromedp.FromNode (Link runs in an iframe from another origin).
	chromedp.Flag("disable-site-isolation-trials", true),
	chromedp.Flag("disable-features", "IsolateOrigins,site-per-process,SitePerProcess,Translate"),
	chromedp.WindowSize(1280, 860),
}

// Start launches a headless Chromium with a fresh profile and returns a context for one tab.
// The browser is stopped and its profile removed when the test ends.
func Start(t testing.TB) context.Context {
	t.Helper()
	return StartWith(t)
}

// StartWith is Start with more switches, such as plaidtest's, which send Plaid's names to a
// server on loopback.
func StartWith(t testing.TB, extra ...chromedp.ExecAllocatorOption) context.Context {
	t.Helper()
	path := os.Getenv("PLAIDWALK_CHROMIUM")
	if path == "" {
		path = DefaultChromium
	}
	if _, err := exec.LookPath(path); err != nil {
		t.Fatalf("browser tests need Chromium at %s: %v (install Debian's chromium package: apt-get install chromium; or set PLAIDWALK_CHROMIUM)", path, err)
	}
	dir, err := os.MkdirTemp("", "plaidwalk-chromium-")
	if err != nil {
		t.Fatalf("browsertest: no temp dir for the Chromium profile: %v", err)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:], Flags...)
	opts = append(opts, extra...)
	opts = append(opts, chromedp.ExecPath(path), chromedp.UserDataDir(dir))
	base, cancelTimeout := context.WithTimeout(context.Background(), BrowserTimeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(base, opts...)
	ctx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() {
		cancelBrowser()
		cancelAlloc()
		cancelTimeout()
		removeProfile(dir)
	})
	if err := chromedp.Do(ctx); err != nil { // an empty run starts the browser and its first tab
		t.Fatalf("Chromium (%s) could not start: %v", path, err)
	}
	return ctx
}

// NewTab opens another tab in the browser of ctx (from Start), with Timeout of its own; it
// closes at cleanup.
func NewTab(t testing.TB, ctx context.Context) context.Context {
	t.Helper()
	tab, cancel := chromedp.NewContext(ctx)
	bounded, stop := context.WithTimeout(tab, Timeout)
	t.Cleanup(func() { stop(); cancel() })
	if err := chromedp.Do(bounded); err != nil {
		t.Fatalf("browsertest: cannot open a tab: %v", err)
	}
	return bounded
}

// removeProfile deletes the profile; Chromium's helpers may still be writing for a moment after
// the browser stops, so it tries a few times and then leaves the temp dir to the OS.
func removeProfile(dir string) {
	for range 20 {
		if os.RemoveAll(dir) == nil {
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	fmt.Fprintf(os.Stderr, "browsertest: left Chromium profile %s behind\n", dir)
}
