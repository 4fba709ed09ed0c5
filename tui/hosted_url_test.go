package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// atHostedLinkToken is the link_token step in Hosted Link mode, waiting for the token.
func atHostedLinkToken(t *testing.T) Model {
	t.Helper()
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	m.link.mode = modeHosted
	return m
}

// The host chooses hosted_link_url: one plaidwalk will not open (a javascript: or file:
// address, plain http off loopback, terminal escapes) fails the link_token step with the
// reason and the fix, reaches neither the screen's URL row nor Link, and r or esc work as for
// any other failure.
func TestHostedLinkURLTheTUIWillNotOpenFailsTheStep(t *testing.T) {
	for _, bad := range []string{
		"javascript:alert(document.cookie)",
		"file:///etc/passwd",
		"http://hosted.example.com/link/abc",
		"https://hosted.example.com/\x1b]52;c;ZXZpbA==\x07link",
	} {
		m := atHostedLinkToken(t)
		tok := fakeToken()
		tok.HostedLinkURL = bad
		m = send(m, linkTokenCreatedMsg{op: m.op, token: tok})
		if m.failure == nil || m.failure.step != stepLinkToken {
			t.Fatalf("%q: failure %+v, want the link_token step to fail", bad, m.failure)
		}
		v := m.View()
		mustContain(t, v, "Creating the link_token failed", "will not open", "r retry · esc back")
		if !strings.Contains(m.failure.text, "it must be https, or http on 127.0.0.1") {
			t.Errorf("%q: the cause does not name the fix: %q", bad, m.failure.text)
		}
		if strings.Contains(v, "\x1b]52") || strings.Contains(v, "\x1b]8") || m.walk.token.HostedLinkURL != "" {
			t.Errorf("%q reached the screen or the walk:\n%q", bad, v)
		}
		if next := send(m, keyMsg("enter")); next.step != stepLinkToken || next.link.url != "" {
			t.Errorf("%q: enter went on to Link (step %v, url %q)", bad, next.step, next.link.url)
		}
		retried, cmd := sendCmd(m, keyMsg("r"))
		if retried.failure != nil || !retried.linktok.creating || cmd == nil {
			t.Errorf("%q: r did not create a new link_token", bad)
		}
		if back := send(m, keyMsg("esc")); back.failure != nil || back.step != stepOptions {
			t.Errorf("%q: esc went to %v (failure %v), want the options", bad, back.step, back.failure)
		}
	}
}

// Plaid's https page (and the emulator's on loopback) is kept and opened as it came.
func TestHostedLinkURLThatPassesIsOpened(t *testing.T) {
	const good = "https://hosted.plaid.com/link/lt-1234"
	m := atHostedLinkToken(t)
	var opened []string
	m.deps.OpenBrowser = func(url string) error { opened = append(opened, url); return nil }
	tok := fakeToken()
	tok.HostedLinkURL = good
	m = send(m, linkTokenCreatedMsg{op: m.op, token: tok})
	if m.failure != nil {
		t.Fatalf("a good URL failed: %+v", m.failure)
	}
	mustContain(t, m.View(), "hosted link", good)
	m = send(m, keyMsg("enter"))
	m, cmd := sendCmd(m, keyMsg("o"))
	if cmd == nil {
		t.Fatal("o gave no command")
	}
	send(m, cmd())
	if m.link.url != good || len(opened) != 1 || opened[0] != good {
		t.Errorf("Link's URL %q, opened %v; want %s", m.link.url, opened, good)
	}
}

// Outside Hosted Link mode the field is not used, so whatever the host put there is dropped.
func TestHostedLinkURLOutsideHostedModeIsDropped(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	tok := fakeToken()
	tok.HostedLinkURL = "javascript:alert(1)"
	m = send(m, linkTokenCreatedMsg{op: m.op, token: tok})
	if m.failure != nil || m.walk.token.HostedLinkURL != "" || strings.Contains(m.View(), "javascript:") {
		t.Errorf("browser mode kept or failed on an unused hosted_link_url: failure %v\n%s", m.failure, m.View())
	}
}
