package browsertest

import (
	"context"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// CSPWatch collects the Content-Security-Policy violations Chromium reports in a tab, in the
// page or in its frames: a resource the policy refused is logged by the browser, never thrown
// to the page, so without this a wrong policy shows only as a page that never finishes.
type CSPWatch struct {
	mu         sync.Mutex
	violations []string
	first      chan struct{} // closed at the first violation
	once       sync.Once
}

// WatchCSP starts collecting tab's violations; call it before navigating.
func WatchCSP(tab context.Context) (*CSPWatch, error) {
	w := &CSPWatch{first: make(chan struct{})}
	err := chromedp.Listen(tab, func(ev any) {
		switch ev := ev.(type) {
		case *log.EventEntryAdded:
			w.note(ev.Entry.Text)
		case *runtime.EventExceptionThrown:
			if ev.ExceptionDetails != nil {
				w.note(ev.ExceptionDetails.Text)
			}
		}
	})
	return w, err
}

func (w *CSPWatch) note(text string) {
	if !strings.Contains(text, "Content Security Policy") {
		return
	}
	w.mu.Lock()
	w.violations = append(w.violations, text)
	w.mu.Unlock()
	w.once.Do(func() { close(w.first) })
}

// Violations are the messages seen so far.
func (w *CSPWatch) Violations() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.violations...)
}

// Violated is closed at the first violation: a test driving the page can stop waiting for a
// screen that the policy will never let appear.
func (w *CSPWatch) Violated() <-chan struct{} { return w.first }

// Guard returns a context derived from tab that ends at the first violation, so every
// chromedp action run with it fails at once instead of waiting out its timeout.
func (w *CSPWatch) Guard(tab context.Context) (context.Context, context.CancelFunc) {
	ctx, cancel := context.WithCancel(tab)
	go func() {
		select {
		case <-w.first:
			cancel()
		case <-ctx.Done():
		}
	}()
	return ctx, cancel
}
