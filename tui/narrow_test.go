package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// The banner is one line at any width, and it names the environment: at 50x15 a wrapped
// banner's first line scrolled away and left " real" on screen.
func TestBannerKeepsTheEnvironmentAtAnyWidth(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	for _, w := range []int{100, 80, 50, 40, 30, 20, 12} {
		v := send(m, resize(w, 15)).View()
		first := strings.Split(v, "\n")[0]
		if !strings.Contains(first, "OFFLINE") || !strings.Contains(v, "Step 3/7") {
			t.Errorf("at %dx15 the first line %q lacks OFFLINE, or the title was pushed off:\n%s", w, first, v)
		}
		if strings.Count(v, "\n") != 14 {
			t.Errorf("at %dx15 the view is %d lines", w, strings.Count(v, "\n")+1)
		}
	}
	for _, env := range []plaidflow.Env{plaidflow.EnvSandbox, plaidflow.EnvProduction} {
		b := m.st.banner(plaidflow.Config{Env: env}, 20)
		if !strings.Contains(b, strings.ToUpper(string(env))) || strings.Contains(b, "\n") {
			t.Errorf("%s banner at 20 columns: %q", env, b)
		}
	}
}

// A URL wider than the window is split only after a /: the secret of the Link page, or the
// link_token of a Hosted Link URL, is never broken across lines.
func TestURLWiderThanTheWindowKeepsItsPartsWhole(t *testing.T) {
	secret := "Q2hlY2tzdW1fb2ZfdGhlX3NlY3JldF9mb3JfdGVzdHM"
	for _, tc := range []struct {
		url, part string
		w         int
	}{
		{"http://127.0.0.1:40001/" + secret + "/", secret, 60},
		{hostedURLFor("link-sandbox-…5555"), "link-sandbox-…5555", 60},
	} {
		lines := strings.Split(urlLines(tc.url, tc.w), "\n")
		var text []string
		for _, l := range lines {
			plain := ansi.Strip(l)
			if ansi.StringWidth(plain) > tc.w {
				t.Errorf("a line wider than %d: %q", tc.w, plain)
			}
			text = append(text, plain)
		}
		if strings.Join(text, "") != tc.url || !strings.Contains(strings.Join(text, "\n"), tc.part) {
			t.Errorf("%s at %d columns is broken inside %q:\n%s", tc.url, tc.w, tc.part, strings.Join(text, "\n"))
		}
	}
}

// The curl of an offline walk names the built-in emulator's port: it is gone once plaidwalk
// quits, so a curl copied from the screen cannot be run later as it is.
func TestOfflineCurlSaysTheEmulatorPortCloses(t *testing.T) {
	m := send(atResults(t), keyMsg("left"), keyMsg("right"))
	mustContainWords(t, m.View(), "this port is the built-in emulator's, gone when plaidwalk quits")
	m.deps.Config.Env = plaidflow.EnvSandbox
	if strings.Contains(m.View(), "built-in emulator") {
		t.Errorf("a sandbox curl speaks of the emulator:\n%s", m.View())
	}
}
