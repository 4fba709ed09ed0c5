package e2e

import (
	"context"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"plaidwalk/internal/browsertest"
	"plaidwalk/sessions"
)

// personPause is how long the person in Chromium looks at the credentials screen before
// typing: the events before and after it are a pause apart in Link's own timestamps, while
// Link hands them all over within milliseconds when it closes.
const personPause = 1500 * time.Millisecond

// TestThreeLinkAttemptsAreOneSessionInTmux walks Dwolla in the built binary (100x30, offline)
// with Link in Chromium three times: the bank is down (Exit), then a wrong password (Exit),
// then user_good. The walk saves one session, holding every Link's events, each at the time
// Link stamped it; `sessions show` and the Markdown export list all three Links.
func TestThreeLinkAttemptsAreOneSessionInTmux(t *testing.T) {
	bin := buildBinary(t)
	term, dir := startOfflineWith(t, bin, 100, 30, "--partner dwolla")
	state, exitFile := filepath.Join(dir, "state"), filepath.Join(dir, "exit")
	term.waitFor(`Step 2/7 · Link options`, 10*time.Second)
	term.send("Enter")
	term.waitFor(`link_token created`, 10*time.Second)
	term.send("Enter")

	browser := browsertest.Start(t)
	url := ""
	for _, try := range []struct{ password, code, exit string }{
		{"error_INSTITUTION_DOWN", "INSTITUTION_DOWN", "#primary"},
		{"not_the_password", "INVALID_CREDENTIALS", "#exit"},
	} {
		url = nextLinkURL(t, term, url)
		if err := failLink(browsertest.NewTab(t, browser), url, try.password, try.exit); err != nil {
			t.Fatalf("Link with %s in Chromium: %v\nterminal:\n%s", try.password, err, term.screen())
		}
		term.waitFor(`Link exited with an error(.|\n)*`+try.code+`(.|\n)*r retry`, 20*time.Second)
		term.send("r")
	}
	url = nextLinkURL(t, term, url)
	if err := browsertest.CompleteEmulatedLink(browsertest.NewTab(t, browser), url, browsertest.UserGood, nil); err != nil {
		t.Fatalf("the third Link in Chromium: %v\nterminal:\n%s", err, term.screen())
	}
	term.waitFor(`Step 5/7(.|\n)*Choose the account for Dwolla`, 20*time.Second)
	term.send("Enter")
	term.waitFor(`Done: Dwolla's token`, 20*time.Second)
	term.send("q")
	if code := waitExit(t, exitFile, 15*time.Second); code != "0" {
		t.Fatalf("exit %s, want 0; screen:\n%s", code, term.screen())
	}

	files, _ := filepath.Glob(filepath.Join(state, "plaidwalk", "sessions", "*.json"))
	if len(files) != 1 {
		t.Fatalf("saved %v, want one session for the walk", files)
	}
	s, err := sessions.ReadFile(files[0])
	if err != nil || s.Link == nil {
		t.Fatalf("read %s: %v (link %+v)", files[0], err, s.Link)
	}
	checkThreeLinks(t, s.Link.Events)
	show, err := exec.Command(bin, "sessions", "show", files[0]).CombinedOutput()
	if err != nil || strings.Count(string(show), "Link OPEN") != 3 ||
		!strings.Contains(string(show), "error=INSTITUTION_DOWN") || !strings.Contains(string(show), "error=INVALID_CREDENTIALS") {
		t.Errorf("sessions show (%v) lacks the three Links:\n%s", err, show)
	}
	md, err := exec.Command(bin, "sessions", "export", files[0], "--format", "markdown").CombinedOutput()
	text := strings.ReplaceAll(string(md), `\_`, "_") // Markdown escapes the codes' underscores
	if err != nil || strings.Count(text, "`OPEN ") != 3 || !strings.Contains(text, "error=INSTITUTION_DOWN") || !strings.Contains(text, "error=INVALID_CREDENTIALS") {
		t.Errorf("the Markdown export (%v) lacks the three Links:\n%s", err, md)
	}
}

// nextLinkURL waits for the Link step to show a page address other than the last one.
func nextLinkURL(t *testing.T, term *tmuxTerm, last string) string {
	t.Helper()
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		if u := linkURL.FindString(term.screen()); u != "" && u != last {
			return u
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("no new Link address on screen:\n%s", term.screen())
	return ""
}

// failLink logs in at First Platypus Bank as user_good with password after a pause on the
// credentials screen, then leaves Link from its error screen by the button exit.
func failLink(tab context.Context, pageURL, password, exit string) error {
	if err := chromedp.Do(tab, chromedp.Navigate(pageURL)); err != nil {
		return err
	}
	frame, err := browsertest.LinkFrame(tab)
	if err != nil {
		return err
	}
	steps := []func(*chromedp.Node) chromedp.Action[chromedp.Void]{
		browsertest.WaitView("consent"), browsertest.Click("#primary"),
		browsertest.WaitView("search"), browsertest.TypeIn("#search", "First Platypus"),
		browsertest.Click(`button.inst[data-id="ins_109508"]`), browsertest.WaitView("credentials"),
	}
	for _, step := range steps {
		if err := chromedp.Do(tab, step(frame)); err != nil {
			return err
		}
	}
	time.Sleep(personPause)
	for _, step := range []func(*chromedp.Node) chromedp.Action[chromedp.Void]{
		browsertest.TypeIn("#username", "user_good"), browsertest.TypeIn("#password", password),
		browsertest.Click("#primary"), browsertest.WaitView("error"), browsertest.Click(exit),
	} {
		if err := chromedp.Do(tab, step(frame)); err != nil {
			return err
		}
	}
	return nil
}

// checkThreeLinks: the events of three Links, in order, each Link's own: its OPEN first, its
// end (an error, or HANDOFF) last, and in the two that failed, the person's pause between
// the bank and the error, which the receipt times could not show.
func checkThreeLinks(t *testing.T, events []sessions.LinkEvent) {
	t.Helper()
	var links [][]sessions.LinkEvent
	for _, ev := range events {
		if ev.Name == "OPEN" {
			links = append(links, nil)
		}
		if len(links) > 0 {
			links[len(links)-1] = append(links[len(links)-1], ev)
		}
	}
	ends := []string{"INSTITUTION_DOWN", "INVALID_CREDENTIALS", ""}
	if len(links) != 3 {
		t.Fatalf("the session holds %d Links' events, want 3: %+v", len(links), events)
	}
	for i, evs := range links {
		open := evs[0]
		var bank, end sessions.LinkEvent
		for _, ev := range evs {
			switch {
			case ev.Name == "SELECT_INSTITUTION":
				bank = ev
			case ev.Name == "ERROR" && ev.ErrorCode == ends[i], ev.Name == "HANDOFF" && ends[i] == "":
				end = ev
			}
		}
		if bank.Name == "" || end.Name == "" {
			t.Errorf("Link %d lacks SELECT_INSTITUTION or its end (%q): %+v", i+1, ends[i], evs)
			continue
		}
		if gap := end.Time.Sub(bank.Time); i < 2 && gap < personPause { // the failed Links paused
			t.Errorf("Link %d: %s at %v, only %v after SELECT_INSTITUTION: not stamped when it happened", i+1, end.Name, end.Time, gap)
		}
		for k := 1; k < len(evs); k++ {
			if evs[k].Time.Before(evs[k-1].Time) || evs[k].Time.IsZero() {
				t.Errorf("Link %d: %s at %v comes before %s at %v", i+1, evs[k].Name, evs[k].Time, evs[k-1].Name, evs[k-1].Time)
			}
		}
		if i > 0 && !open.Time.After(links[i-1][len(links[i-1])-1].Time) {
			t.Errorf("Link %d opened at %v, before Link %d ended", i+1, open.Time, i)
		}
	}
}
