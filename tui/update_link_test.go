package tui

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

func TestLinkStepShowsURLAndLiveEvents(t *testing.T) {
	m, s := atLink(t, "dwolla")
	mustContain(t, m.View(), s.url, "Waiting for Link")
	md, _ := json.Marshal(map[string]string{"view_name": "CREDENTIAL", "institution_name": "Evil\x1b]0;pwned\x07 Bank"})
	ev := linkserver.Event{Kind: linkserver.KindEvent, Name: "TRANSITION_VIEW", Metadata: md, At: time.Date(2026, 1, 2, 3, 4, 5, 0, time.Local)}
	m, cmd := sendCmd(m, linkEventReceivedMsg{op: m.op, event: ev, events: s.events})
	if cmd == nil {
		t.Fatal("no command to listen for the next event")
	}
	v := m.View()
	mustContain(t, v, "03:04:05 TRANSITION_VIEW view_name=CREDENTIAL institution_name=Evil Bank")
	if strings.Contains(v, "pwned") || strings.Contains(v, "\x1b]") {
		t.Errorf("escape sequence from Link reached the screen:\n%q", v)
	}
	mustContain(t, m.View(), "o open browser", "c copy URL", "s sandbox shortcut", "esc back")
	mustContain(t, send(m, keyMsg("?")).View(), "cancel Link")
}

func TestLinkSuccessExchanges(t *testing.T) {
	m, s := atLink(t, "dwolla")
	out := linkserver.Outcome{PublicToken: "public-sandbox-1", Accounts: []linkserver.LinkAccount{{ID: "acc-savings"}}}
	m, cmd := sendCmd(m, linkFinishedMsg{op: m.op, outcome: out})
	if m.step != stepExchange || !m.exchange.loading || cmd == nil || m.walk.publicToken != "public-sandbox-1" {
		t.Fatalf("after success: step %v loading %v", m.step, m.exchange.loading)
	}
	mustContain(t, m.View(), "/item/public_token/exchange")
	_ = s
}

func TestLinkExitWithErrorOffersRetry(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	le := &linkserver.LinkError{ErrorType: "ITEM_ERROR", ErrorCode: "INVALID_CREDENTIALS", ErrorMessage: "the credentials were not correct", DisplayMessage: "Wrong password"}
	m = send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{Exited: true, ExitError: le}})
	mustContain(t, m.View(), "Link exited with an error", "ITEM_ERROR", "INVALID_CREDENTIALS", "Wrong password",
		"https://plaid.com/docs/errors/item/#invalid_credentials")
	// The hint is plaidflow's, the one the shortcut and the run command give: it names every
	// sandbox user, not only user_good.
	if want := plaidflow.HintFor(&plaidflow.PlaidError{Type: le.ErrorType, Code: le.ErrorCode, DisplayMessage: le.DisplayMessage}); want == "" ||
		m.failure.plaid.Hint != want {
		t.Errorf("onExit's hint %q, want plaidflow's %q", m.failure.plaid.Hint, want)
	}
	mustContainWords(t, m.View(), "mfa_device")
	m, cmd := sendCmd(m, keyMsg("r"))
	if m.failure != nil || m.step != stepLink || cmd == nil {
		t.Fatalf("retry after onExit: step %v failure %v", m.step, m.failure)
	}
}

// An onExit error plaidflow has no advice for still says what the panel's keys do.
func TestLinkExitWithoutPlaidflowHintNamesTheKeys(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	le := &linkserver.LinkError{ErrorType: "INSTITUTION_ERROR", ErrorCode: "INSTITUTION_RENAMED", ErrorMessage: "a code newer than plaidwalk"}
	m = send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{Exited: true, ExitError: le}})
	mustContain(t, m.View(), "INSTITUTION_RENAMED", "https://plaid.com/docs/errors/institution/#institution_renamed")
	mustContainWords(t, m.View(), "Retry (r) to open Link again")
}

func TestLinkClosedWithoutErrorAndTimeout(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	closed := send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{Exited: true, ExitStatus: "requires_credentials"}})
	mustContain(t, closed.View(), "closed before a bank was connected", "requires_credentials", "r opens Link again")
	timedOut := send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{TimedOut: true}})
	mustContain(t, timedOut.View(), "did not finish within 30m")
	again, cmd := sendCmd(timedOut, keyMsg("r"))
	if again.link.ended != "" || cmd == nil || again.op == timedOut.op {
		t.Fatalf("r after timeout did not restart Link")
	}
}

func TestSwitchToSandboxShortcut(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	m, cmd := sendCmd(m, keyMsg("s"))
	if m.link.mode != modeShortcut || !m.link.shortcutRunning || cmd == nil {
		t.Fatalf("s: mode %v running %v", m.link.mode, m.link.shortcutRunning)
	}
	mustContain(t, m.View(), "/sandbox/public_token/create as user_good at ins_109508")
	m, cmd = sendCmd(m, publicTokenCreatedMsg{op: m.op, publicToken: "public-sandbox-2"})
	if m.step != stepExchange || cmd == nil {
		t.Fatalf("after the shortcut: step %v", m.step)
	}
}

func TestCancelLinkClosesThePage(t *testing.T) {
	m, s := atLink(t, "dwolla")
	m, cmd := sendCmd(m, keyMsg("x"))
	if m.step != stepLinkToken || m.link.session != nil || cmd == nil {
		t.Fatalf("x: step %v", m.step)
	}
	cmd()
	if *s.closed != 1 {
		t.Errorf("session closed %d times, want 1", *s.closed)
	}
	mustContain(t, m.View(), "Press Enter to open Link")
}

func TestServerStartedAfterLeavingIsClosed(t *testing.T) {
	m := send(atLinkToken(t, "dwolla"), keyMsg("enter"))
	op := m.op
	m = send(m, keyMsg("esc"))
	s := newFakeSession()
	m, cmd := sendCmd(m, linkServerStartedMsg{op: op, session: s})
	if cmd == nil || m.link.session != nil {
		t.Fatal("a late server was kept")
	}
	cmd()
	if *s.closed != 1 {
		t.Errorf("late server not closed")
	}
}

func TestHostedLinkPollsUntilDone(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	for m.options.fields[m.options.focus].name != fieldMode {
		m = send(m, keyMsg("tab"))
	}
	m = send(m, keyMsg("right"), keyMsg("enter"))
	tok := fakeToken()
	tok.HostedLinkURL = "https://hosted.example/link"
	m = send(m, linkTokenCreatedMsg{op: m.op, token: tok})
	m, cmd := sendCmd(m, keyMsg("enter"))
	if !m.link.polling || cmd == nil {
		t.Fatalf("hosted link not polling")
	}
	mustContain(t, m.View(), "https://hosted.example/link", "Waiting for Hosted Link")
	if _, cmd := sendCmd(m, hostedLinkPollDueMsg{op: m.op}); cmd == nil {
		t.Fatal("poll due gave no poll")
	}
	m, cmd = sendCmd(m, hostedLinkPolledMsg{op: m.op, result: plaidflow.LinkSessionResult{}})
	if cmd == nil || m.step != stepLink {
		t.Fatal("not done: no next poll")
	}
	m = send(m, hostedLinkPolledMsg{op: m.op, result: plaidflow.LinkSessionResult{Done: true, PublicToken: "public-sandbox-h"}})
	if m.step != stepExchange || m.walk.publicToken != "public-sandbox-h" {
		t.Fatalf("done: step %v", m.step)
	}
}

func TestAccountPickerMarksIneligibleAndPreselects(t *testing.T) {
	m := atAccounts(t, "dwolla")
	v := m.View()
	mustContain(t, v, "item123", "First Platypus Bank", "Plaid Credit Card", "Plaid Checking", "0000", "depository/checking", "100.00/110.00")
	if got := m.exchange.accounts[m.exchange.table.Cursor()].ID; got != "acc-checking" {
		t.Errorf("preselected %s, want the first eligible account", got)
	}
	m = send(m, keyMsg("up"))
	mustContain(t, m.View(), "Not eligible: Dwolla needs")
	m = send(m, keyMsg("enter"))
	if m.step != stepExchange {
		t.Fatalf("an ineligible account was accepted")
	}
	mustContain(t, m.View(), "cannot use Plaid Credit Card")
	for _, line := range strings.Split(m.View(), "\n") { // at 80 columns nothing is cut, the reason column neither
		if strings.HasSuffix(strings.TrimRight(line, " "), "…") {
			t.Errorf("cut line: %q", line)
		}
	}
}

func TestAccountPickerPrefersLinksChoice(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	out := linkserver.Outcome{PublicToken: "public-sandbox-1", Accounts: []linkserver.LinkAccount{{ID: "acc-savings"}}}
	m = send(m, linkFinishedMsg{op: m.op, outcome: out})
	m = send(m, itemExchangedMsg{op: m.op, item: plaidflow.Item{AccessToken: "access-sandbox-x", ItemID: "item123"}, accounts: testAccounts()})
	if got := m.exchange.accounts[m.exchange.table.Cursor()].ID; got != "acc-savings" {
		t.Errorf("preselected %s, want the account chosen in Link", got)
	}
}

func TestEscGoesBackKeepingEntries(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	m = send(m, keyMsg("tab"), keyMsg("ctrl+u"))
	m = typeText(m, "CA")
	m = send(m, keyMsg("esc"))
	if m.step != stepPartner {
		t.Fatalf("esc from options: %v", m.step)
	}
	m = send(m, keyMsg("enter"))
	if got := m.options.field(fieldCountries).value(); got != "CA" {
		t.Fatalf("country codes after going back and forth: %q", got)
	}
	r := atResults(t)
	chain := []step{stepExchange, stepLinkToken, stepOptions, stepPartner}
	for _, want := range chain {
		r = send(r, keyMsg("esc"))
		if r.step != want {
			t.Fatalf("esc: step %v, want %v", r.step, want)
		}
	}
	if r.walk.token.Token == "" || len(r.walk.runs) != 1 {
		t.Errorf("going back lost the walk")
	}
}

func TestEscCancelsRunningPartnerToken(t *testing.T) {
	m := send(atAccounts(t, "dwolla"), keyMsg("enter"))
	ctx := m.opCtx
	m = send(m, keyMsg("esc"))
	if m.step != stepExchange || ctx.Err() == nil {
		t.Fatalf("esc during the partner call: step %v ctx %v", m.step, ctx.Err())
	}
}

func TestQuitCancelsAndClosesTheSession(t *testing.T) {
	m, s := atLink(t, "dwolla")
	ctx := m.opCtx
	m, cmd := sendCmd(m, keyMsg("q"))
	if !m.quitting || cmd == nil || ctx.Err() == nil {
		t.Fatalf("q on Link: quitting %v ctx %v", m.quitting, ctx.Err())
	}
	m.closeSession()
	if *s.closed != 1 {
		t.Errorf("session closed %d times", *s.closed)
	}
}

func TestSanitizeStripsEscapes(t *testing.T) {
	cases := map[string]string{
		"plain":                  "plain",
		"\x1b[31mred\x1b[0m":     "red",
		"a\x1b]52;c;aGk=\x07b":   "ab",
		"x\x1b]0;title\x1b\\y":   "xy",
		"bell\x07 back\bspace\r": "bell backspace",
		"c1\u009b31mcsi":         "c1csi",
		"keep\nnewline\ttab":     "keep\nnewline\ttab",
		"Évry bank 🙂":            "Évry bank 🙂",
	}
	for in, want := range cases {
		if got := sanitize(in); got != want {
			t.Errorf("sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}
