package main

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
	"plaidwalk/sessions"
)

// fastHostedPolls shortens the poll and progress intervals of e's runs.
func fastHostedPolls(e *sessEnv, poll, progress time.Duration) {
	e.deps.hostedPoll, e.deps.hostedProgress = poll, progress
}

// failOnOpen makes opening a browser an error: with --no-browser nothing may be opened.
func failOnOpen(t *testing.T, e *sessEnv) {
	e.deps.openURL = func(url string) error {
		t.Errorf("--no-browser opened %s", url)
		return nil
	}
}

// runWithHostedPage runs the program and, as soon as it prints the Hosted Link address, hands
// the address to person (in another goroutine), as a user reading the terminal would.
func runWithHostedPage(t *testing.T, e *sessEnv, person func(url string) error, args ...string) (code int, stdout, stderr string, personErr error) {
	t.Helper()
	errOut := &stderrWatch{urls: make(chan string, 1)}
	finished := make(chan struct{})
	personDone := make(chan error, 1)
	go func() {
		select {
		case url := <-errOut.urls:
			personDone <- person(url)
		case <-finished:
			personDone <- fmt.Errorf("the command ended without printing the Hosted Link address")
		}
	}()
	var out bytes.Buffer
	code = runWith(context.Background(), e.deps, args, e.getenv, strings.NewReader(""), &out, errOut)
	close(finished)
	return code, out.String(), errOut.String(), <-personDone
}

// stderrWatch is the command's stderr as it is written; the first Hosted Link address in it
// goes to urls.
type stderrWatch struct {
	mu   sync.Mutex
	buf  bytes.Buffer
	urls chan string
	sent bool
}

func (w *stderrWatch) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := hostedURLRE.FindStringSubmatch(w.buf.String()); m != nil && !w.sent {
		w.sent = true
		w.urls <- m[1]
	}
	return len(p), nil
}

func (w *stderrWatch) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// A sandbox bank as the emulated Link's search finds it.
type bankPick struct{ query, id string }

var (
	firstPlatypus = bankPick{"First Platypus", "ins_109508"}
	houndstooth   = bankPick{"Houndstooth", "ins_109512"} // not run's default: the saved bank must be the one picked
)

// clickThroughHostedLink opens the hosted page in tab and logs in at bank with password:
// pass_good picks Plaid Checking and continues; any other password is expected to fail the
// login, and the error screen is left. Both end on Hosted Link's closing screen.
func clickThroughHostedLink(tab context.Context, pageURL string, bank bankPick, password string, shots *browsertest.Shots) error {
	type acts = []chromedp.Action[chromedp.Void]
	click := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }
	typeIn := func(sel, text string) chromedp.Action[chromedp.Void] {
		return chromedp.SendKeys(chromedp.CSS(sel), text)
	}
	type step struct {
		view string // the screen to wait for
		do   acts   // what a person does on it
	}
	steps := []step{
		{"consent", acts{click("#primary")}},
		{"search", acts{typeIn("#search", bank.query), click(`button.inst[data-id="` + bank.id + `"]`)}},
		{"credentials", acts{typeIn("#username", "user_good"), typeIn("#password", password), click("#primary")}},
	}
	if password == "pass_good" {
		steps = append(steps, step{"accounts", acts{click(`label.acct[data-name="Plaid Checking"]`), click("#primary")}},
			step{"connected", acts{click("#primary")}})
	} else {
		steps = append(steps, step{"error", acts{click("#primary")}})
	}
	steps = append(steps, step{"hosted_done", nil})
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return fmt.Errorf("open %s: %w", pageURL, err)
	}
	for _, s := range steps {
		if err := chromedp.Do(tab, chromedp.WaitVisible(chromedp.CSS(`#screen[data-view="`+s.view+`"]`))); err != nil {
			return fmt.Errorf("Hosted Link never showed its %s screen: %w", s.view, err)
		}
		if shots != nil {
			shots.Take(tab, s.view)
		}
		if err := chromedp.Do(tab, s.do...); err != nil {
			return fmt.Errorf("Hosted Link, %s screen: %w", s.view, err)
		}
	}
	return nil
}

// latestSession reads the newest session the runs of e saved.
func latestSession(t *testing.T, e *sessEnv) sessions.Session {
	t.Helper()
	store, err := sessions.OpenStore(e.getenv)
	if err != nil {
		t.Fatal(err)
	}
	s, _, err := store.Load("latest")
	if err != nil {
		t.Fatalf("no saved session: %v", err)
	}
	return s
}
