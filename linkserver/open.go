package linkserver

import (
	"fmt"
	"io"
	"sync"

	"github.com/pkg/browser"
)

// Opener opens a URL in the user's browser. Callers pass one in so tests and --no-browser can
// swap it; OpenInBrowser is the real one.
type Opener func(url string) error

// OpenInBrowser opens url with the system's browser (xdg-open, open, start) without letting
// the helper program write to the terminal, which the TUI owns.
func OpenInBrowser(url string) error {
	quietBrowser.Do(func() { browser.Stdout, browser.Stderr = io.Discard, io.Discard })
	return browser.OpenURL(url)
}

// quietBrowser sets pkg/browser's writers, package variables, once: here alone, before the
// first page is opened, and never again while another goroutine may be opening one.
var quietBrowser sync.Once

// Announce always tells the user where the Link page is, then opens it unless open is nil
// (--no-browser). A failed open is not an error for the walk: the URL is on screen to copy.
// It reports whether the browser was asked to open the page.
func Announce(w io.Writer, url string, open Opener) bool {
	fmt.Fprintf(w, "Plaid Link is waiting at:\n  %s\n", url)
	if open == nil {
		fmt.Fprintln(w, "Open that address in a browser on this computer.")
		return false
	}
	if err := open(url); err != nil {
		fmt.Fprintf(w, "Could not open a browser (%v). Open that address yourself, on this computer.\n", err)
		return false
	}
	fmt.Fprintln(w, "Opened it in your browser. If nothing appeared, open the address yourself.")
	return true
}
