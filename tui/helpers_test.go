package tui

import (
	"context"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/muesli/termenv"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

func init() {
	// Views are compared as plain text: no colour, whatever terminal runs the tests.
	lipgloss.SetColorProfile(termenv.Ascii)
}

func testCatalog(t testing.TB) plaidflow.Catalog {
	t.Helper()
	c, err := plaidflow.LoadCatalog()
	if err != nil {
		t.Fatalf("LoadCatalog: %v", err)
	}
	return c
}

// pureModel is a model for Update tests: commands are inspected, never run, so the client
// is never called.
func pureModel(t testing.TB, env plaidflow.Env) Model {
	t.Helper()
	d := Deps{Config: plaidflow.Config{Env: env, BaseURL: "http://127.0.0.1:1"}, Catalog: testCatalog(t)}
	m := New(context.Background(), d, nil)
	return send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
}

func send(m Model, msgs ...tea.Msg) Model {
	for _, msg := range msgs {
		m, _ = sendCmd(m, msg)
	}
	return m
}

func sendCmd(m Model, msg tea.Msg) (Model, tea.Cmd) {
	feedLog(m, msg)
	next, cmd := m.Update(msg)
	return next.(Model), cmd
}

// feedLog plays the API log's listener in tests without an API: the calls a message's
// snapshot holds beyond those the model has seen reach the walk's attempts before the message
// does, as the real listener feeds them while the command runs.
func feedLog(m Model, msg tea.Msg) {
	s, ok := msg.(apiLogged)
	if !ok || s.apiCalls() == nil || m.deps.Log != nil {
		return
	}
	calls := s.apiCalls()
	logCalls(m, calls[min(len(m.calls), len(calls)):]...)
}

// logCalls hands calls to the walk's attempts as the API log's listener does.
func logCalls(m Model, calls ...plaidflow.Call) {
	for _, c := range calls {
		m.walk.session.attempts.AddCall(c)
	}
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "ctrl+u":
		return tea.KeyMsg{Type: tea.KeyCtrlU}
	case "ctrl+l":
		return tea.KeyMsg{Type: tea.KeyCtrlL}
	case "ctrl+s":
		return tea.KeyMsg{Type: tea.KeyCtrlS}
	case "f1":
		return tea.KeyMsg{Type: tea.KeyF1}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

func typeText(m Model, s string) Model {
	for _, r := range s {
		m = send(m, tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
	return m
}

// atOptions walks the list to a partner's options.
func atOptions(t *testing.T, env plaidflow.Env, partner string) Model {
	t.Helper()
	m := typeText(pureModel(t, env), partner)
	m = send(m, keyMsg("enter"))
	if m.step != stepOptions || m.walk.partner.ID != partner {
		t.Fatalf("after choosing %s: step %v partner %q, want options for it", partner, m.step, m.walk.partner.ID)
	}
	return m
}

func fakeToken() plaidflow.LinkToken {
	return plaidflow.LinkToken{Token: "link-sandbox-11111111-2222-3333-4444-555555555555", RequestID: "reqLinkToken001"}
}

// atLinkToken has a created link_token on screen.
func atLinkToken(t *testing.T, partner string) Model {
	t.Helper()
	m := send(atOptions(t, plaidflow.EnvOffline, partner), keyMsg("enter"))
	return send(m, linkTokenCreatedMsg{op: m.op, token: fakeToken()})
}

// fakeSession stands in for the Link page server in Update tests (no socket is needed to
// test how the model reacts to messages).
type fakeSession struct {
	url    string
	events chan linkserver.Event
	closed *int
}

func newFakeSession() fakeSession {
	return fakeSession{url: "http://127.0.0.1:4321/secret/", events: make(chan linkserver.Event, 4), closed: new(int)}
}

func (f fakeSession) URL() string                     { return f.url }
func (f fakeSession) Events() <-chan linkserver.Event { return f.events }
func (f fakeSession) Close() error                    { *f.closed++; return nil }
func (f fakeSession) Wait(ctx context.Context) (linkserver.Outcome, error) {
	<-ctx.Done()
	return linkserver.Outcome{}, ctx.Err()
}

// atLink has the browser Link step waiting on a fake session.
func atLink(t *testing.T, partner string) (Model, fakeSession) {
	t.Helper()
	m := send(atLinkToken(t, partner), keyMsg("enter"))
	if m.step != stepLink {
		t.Fatalf("enter on the link_token step: step %v, want link", m.step)
	}
	s := newFakeSession()
	m = send(m, linkServerStartedMsg{op: m.op, session: s})
	return m, s
}

func f64(v float64) *float64 { return &v }

func testAccounts() plaidflow.ItemAccounts {
	return plaidflow.ItemAccounts{ItemID: "item123", InstitutionID: "ins_109508", InstitutionName: "First Platypus Bank",
		Accounts: []plaidflow.Account{
			{ID: "acc-credit", Name: "Plaid Credit Card", Mask: "3333", Type: "credit", Subtype: "credit card", Current: f64(410)},
			{ID: "acc-checking", Name: "Plaid Checking", Mask: "0000", Type: "depository", Subtype: "checking", Available: f64(100), Current: f64(110)},
			{ID: "acc-savings", Name: "Plaid Saving", Mask: "1111", Type: "depository", Subtype: "savings", Available: f64(200), Current: f64(210)},
		}}
}

// atAccounts has the account picker on screen after Link succeeded.
func atAccounts(t *testing.T, partner string) Model {
	t.Helper()
	m, _ := atLink(t, partner)
	m = send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{PublicToken: "public-sandbox-x"}})
	item := plaidflow.Item{AccessToken: "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee", ItemID: "item123", RequestID: "reqExchange0001"}
	return send(m, itemExchangedMsg{op: m.op, item: item, accounts: testAccounts()})
}

func mustContain(t *testing.T, view string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(view, w) {
			t.Errorf("view lacks %q:\n%s", w, view)
		}
	}
}
