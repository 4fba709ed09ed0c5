package tui

import (
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// The Hosted Link URL is shown whole at 80 columns, on lines of its own.
func TestHostedLinkURLIsNeverCut(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	url := "https://secure.plaid.com/hl/lpXk9Qz3mT7vR2sN8wYb4cJf6hLd0aEu5gKo1iPx-sandbox-0123456789abcdef"
	m.link.mode, m.link.url, m.link.polling, m.link.waiting = modeHosted, url, true, false
	v := m.View()
	if body := v[:strings.LastIndex(v, "\n")]; strings.Contains(body, "…") { // the help bar may end with …
		t.Errorf("something is cut:\n%s", v)
	}
	joined := strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), "\n", "")
	if !strings.Contains(joined, url) {
		t.Errorf("URL not shown whole:\n%s", v)
	}
}

// The account picker keeps balances whole and shows the full reason of the row under the
// cursor below the table, wrapped.
func TestAccountPickerKeepsBalancesAndShowsTheWholeReason(t *testing.T) {
	m := atAccounts(t, "dwolla")
	m.walk.accounts.Accounts[1].Available, m.walk.accounts.Accounts[1].Current = f64(43200), f64(43250.5)
	m.walk.accounts.Accounts[0].Name = "Plaid Diamond 12.5% APR Interest Credit Card"
	next, _ := m.showAccounts()
	m = send(next.(Model), resize(80, 24))
	mustContain(t, m.View(), "43200.00/43250.50")
	m = send(m, keyMsg("up"))
	if m.exchange.table.Cursor() != 0 {
		t.Fatalf("cursor %d, want the credit card", m.exchange.table.Cursor())
	}
	_, why := plaidflow.Eligible(m.walk.partner, m.walk.accounts.Accounts[0])
	below := m.View()[strings.Index(m.View(), "Not eligible:"):]
	flat := strings.Join(strings.Fields(below), " ")
	if !strings.Contains(flat, strings.Join(strings.Fields(why), " ")) {
		t.Errorf("reason %q not shown whole below the table:\n%s", why, m.View())
	}
}

// With the sandbox shortcut, the link_token step says Enter logs in without a browser.
func TestShortcutSaysNoBrowser(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	m.link.mode = modeShortcut
	v := m.View()
	mustContain(t, v, "Press Enter to log in with the sandbox shortcut (no browser)", "enter log in (shortcut)")
	if strings.Contains(v, "open Link") {
		t.Errorf("shortcut mode offers to open Link:\n%s", v)
	}
}

// The Hosted Link URL on the link_token step is shown whole at 80 columns.
func TestLinkTokenShowsTheHostedURLWhole(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	url := "https://secure.plaid.com/hl/lpXk9Qz3mT7vR2sN8wYb4cJf6hLd0aEu5gKo1iPx-sandbox-0123456789"
	m.walk.token.HostedLinkURL = url
	v := m.View()
	if !strings.Contains(strings.ReplaceAll(strings.ReplaceAll(v, " ", ""), "\n", ""), url) || strings.Contains(v, "sandbox-01…") {
		t.Errorf("URL not shown whole:\n%s", v)
	}
}

// A notice is wrapped once, when it or the width changes: the clock's ticks and View reuse
// that wrap (a marker put in its place stays on screen), a new width wraps it again.
func TestNoticeIsWrappedOnceAndReused(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	m = send(m, clipboardCopiedMsg{what: "Link URL, which is long enough here to need a second line at eighty columns wide"})
	if w := m.noticeWrap; w.text != m.notice || w.width != 80 || w.height != 2 || !strings.Contains(w.lines, "\n  ") {
		t.Fatalf("the notice was not wrapped by Update: %+v", w)
	}
	m.noticeWrap.lines = "MARKER-LINE-ONE\n  MARKER-LINE-TWO"
	m = send(m, linkClockMsg{op: m.op, now: m.link.since.Add(3 * time.Second)})
	mustContain(t, m.View(), "MARKER-LINE-ONE", "MARKER-LINE-TWO")
	m = send(m, tea.WindowSizeMsg{Width: 120, Height: 24})
	if v := m.View(); strings.Contains(v, "MARKER") || m.noticeWrap.width != 120 || m.noticeWrap.height != 1 {
		t.Errorf("a new width did not wrap the notice again: %+v\n%s", m.noticeWrap, v)
	}
	mustContain(t, m.View(), "Copied the Link URL, which is long enough")
}
