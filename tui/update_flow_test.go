package tui

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/spinner"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

func resize(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

func TestOptionsPresetFromPartnerAndEnterCreatesToken(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	if got := m.options.field(fieldProducts).value(); got != "auth" {
		t.Errorf("products %q, want auth", got)
	}
	mustContain(t, m.View(), "Products", "Country codes", "Account Select", "Link mode", "[browser]")
	m, cmd := sendCmd(m, keyMsg("enter"))
	if m.step != stepLinkToken || !m.linktok.creating || cmd == nil {
		t.Fatalf("enter: step %v creating %v cmd %v", m.step, m.linktok.creating, cmd != nil)
	}
	lc := m.walk.linkConfig
	if strings.Join(lc.Products, ",") != "auth" || lc.Language != "en" || lc.ClientName == "" || lc.HostedLink {
		t.Errorf("link config %+v", lc)
	}
	mustContain(t, m.View(), "/link/token/create")
}

func TestOptionsChoicesMapToLinkConfig(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	for m.options.fields[m.options.focus].name != fieldSelect {
		m = send(m, keyMsg("tab"))
	}
	m = send(m, keyMsg("right"), keyMsg("tab"), keyMsg("right"))
	m = send(m, keyMsg("enter"))
	if m.walk.linkConfig.LinkCustomization != "multi_select" || !m.walk.linkConfig.HostedLink || m.link.mode != modeHosted {
		t.Fatalf("multiple + hosted gave %+v mode %v", m.walk.linkConfig, m.link.mode)
	}
}

func TestShortcutFieldsOnlyInShortcutMode(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	if strings.Contains(m.View(), "Test user") {
		t.Fatalf("test user shown in browser mode")
	}
	for m.options.fields[m.options.focus].name != fieldMode {
		m = send(m, keyMsg("tab"))
	}
	m = send(m, keyMsg("right"), keyMsg("right"))
	mustContain(t, m.View(), "[sandbox shortcut]", "Test user", "user_good", "ins_109508")
}

func TestOptionsValidationKeepsTheStep(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	m = send(m, keyMsg("ctrl+u"), keyMsg("enter")) // products emptied
	if m.step != stepOptions {
		t.Fatalf("step %v, want options", m.step)
	}
	mustContain(t, m.View(), "Products is empty")
}

func TestQIsTypedIntoOptionFields(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	m, _ = sendCmd(m, keyMsg("q"))
	if m.quitting || m.options.field(fieldProducts).value() != "authq" {
		t.Fatalf("q quit=%v products %q", m.quitting, m.options.field(fieldProducts).value())
	}
}

func TestAlloyCreditAsksForItsInputsWithOfflineDefaults(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "alloy-credit")
	mustContain(t, m.View(), "Secondary client ID (Alloy)", "offline-test  (offline stand-in)", "Days of history", "60")
	m = send(m, keyMsg("enter"))
	if m.walk.inputs[plaidflow.InputSecondaryClientID] == "" || m.walk.inputs[plaidflow.InputDaysRequested] != "60" {
		t.Fatalf("inputs %v", m.walk.inputs)
	}
}

func TestRequiredInputWithoutValueInSandbox(t *testing.T) {
	m := atOptions(t, plaidflow.EnvSandbox, "alloy-credit")
	m = send(m, keyMsg("enter"))
	if m.step != stepOptions {
		t.Fatalf("step %v", m.step)
	}
	mustContain(t, m.View(), "is required by Alloy")
}

func TestProductionAsksBeforeCreating(t *testing.T) {
	m := atOptions(t, plaidflow.EnvProduction, "dwolla")
	mustContain(t, m.View(), "PRODUCTION")
	if strings.Contains(m.View(), "sandbox shortcut") {
		t.Errorf("production offers the sandbox shortcut")
	}
	m, cmd := sendCmd(m, keyMsg("enter"))
	if !m.confirming || cmd != nil || m.step != stepOptions {
		t.Fatalf("enter in production: confirming %v cmd %v", m.confirming, cmd != nil)
	}
	mustContain(t, m.View(), "This is PRODUCTION", "y yes")
	no := send(m, keyMsg("n"))
	if no.confirming || no.step != stepOptions {
		t.Fatalf("n: confirming %v step %v", no.confirming, no.step)
	}
	yes, cmd := sendCmd(m, keyMsg("y"))
	if yes.step != stepLinkToken || cmd == nil {
		t.Fatalf("y: step %v", yes.step)
	}
}

func TestLinkTokenCreatedShowsMaskedToken(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	v := m.View()
	mustContain(t, v, "link_token created", "link-sandbox-…5555", "reqLinkToken001", "Press Enter to open Link")
	if strings.Contains(v, fakeToken().Token) {
		t.Errorf("the link_token is shown in full")
	}
}

func TestStaleAnswersAreIgnored(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	old := m.op
	m = send(m, keyMsg("esc")) // back to options while the call runs
	m = send(m, linkTokenCreatedMsg{op: old, token: fakeToken()})
	if m.step != stepOptions || m.walk.token.Token != "" {
		t.Fatalf("a late link_token moved the walk: step %v token %q", m.step, m.walk.token.Token)
	}
	m = send(m, stepFailedMsg{op: old, step: stepLinkToken, err: errors.New("late")})
	if m.failure != nil {
		t.Fatalf("a late failure was shown")
	}
}

func plaidErr() *plaidflow.PlaidError {
	return &plaidflow.PlaidError{Status: 400, Type: "INVALID_INPUT", Code: "INVALID_PRODUCT", Message: "bad product \x1b[31mred",
		DisplayMessage: "Try again", RequestID: "reqErr000000001", DocsURL: "https://plaid.com/docs/errors/invalid-input/#invalid_product",
		Hint: "Enable the product on the Dashboard.", Endpoint: "/link/token/create"}
}

func TestPlaidErrorPanelRetryAndBack(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	m = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: plaidErr()})
	v := m.View()
	mustContain(t, v, "INVALID_INPUT", "INVALID_PRODUCT", "bad product red", "Try again", "reqErr000000001",
		"Enable the product", "https://plaid.com/docs/errors/invalid-input/", "r retry")
	if strings.Contains(v, "\x1b[31m") {
		t.Errorf("escape sequence from the API reached the screen")
	}
	if m.linktok.creating {
		t.Errorf("still creating after the failure")
	}
	r, cmd := sendCmd(m, keyMsg("r"))
	if r.failure != nil || !r.linktok.creating || cmd == nil || r.op == m.op {
		t.Fatalf("retry: failure %v creating %v", r.failure, r.linktok.creating)
	}
	b := send(m, keyMsg("esc"))
	if b.failure != nil || b.step != stepOptions || b.options.field(fieldProducts).value() != "auth" {
		t.Fatalf("back from the error: step %v", b.step)
	}
}

func TestPlainErrorShowsCause(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	m = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: errors.New("dial tcp: connection refused")})
	mustContain(t, m.View(), "cause", "connection refused")
}

func TestSpinnerStopsWhenNothingRuns(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	_, cmd := sendCmd(m, spinner.TickMsg{ID: m.spin.ID()})
	if cmd != nil {
		t.Fatalf("the spinner keeps ticking with nothing to wait for")
	}
	busy := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	if _, cmd := sendCmd(busy, busy.spin.Tick()); cmd == nil {
		t.Fatalf("the spinner does not tick while an API call runs")
	}
}

func TestAPILogPaneToggles(t *testing.T) {
	m := atLinkToken(t, "dwolla")
	call := plaidflow.Call{Method: "POST", Path: "/link/token/create", Status: 200, RequestID: "reqLog", RequestBody: `{"secret":"[redacted]"}`}
	m = send(m, linkTokenCreatedMsg{op: m.op, token: fakeToken(), apiSnapshot: apiSnapshot{calls: []plaidflow.Call{call}}})
	if strings.Contains(m.View(), "API log") {
		t.Fatalf("log shown before the toggle")
	}
	m = send(m, keyMsg("l"))
	mustContain(t, m.View(), "API log: 1 call", "POST /link/token/create 200", "request_id=reqLog", "[redacted]")
	m = send(m, keyMsg("l"))
	if strings.Contains(m.View(), "API log") {
		t.Fatalf("log still shown after the second toggle")
	}
}

func TestCopyWritesOSC52(t *testing.T) {
	var clip bytes.Buffer
	m := atResults(t)
	m.deps.Clipboard = &clip
	m, cmd := sendCmd(m, keyMsg("c"))
	if cmd == nil {
		t.Fatal("c gave no command")
	}
	m = send(m, cmd())
	if !strings.HasPrefix(clip.String(), "\x1b]52;c;") {
		t.Fatalf("clipboard got %q", clip.String())
	}
	mustContain(t, m.View(), "Copied the processor_token")
	clip.Reset()
	m, cmd = sendCmd(m, keyMsg("y"))
	m = send(m, cmd())
	mustContain(t, m.View(), "Copied the curl for /processor/token/create")
	if !strings.HasPrefix(clip.String(), "\x1b]52;c;") {
		t.Fatalf("curl copy wrote %q", clip.String())
	}
}

// "Another partner with this Item" skips Link, and with it the link_token's confirmation:
// in production the new partner token is asked for before it is made.
func TestProductionAsksBeforeAnotherPartnersToken(t *testing.T) {
	m := atOptions(t, plaidflow.EnvProduction, "dwolla")
	m = send(m, keyMsg("enter"), keyMsg("y"))
	m = send(m, linkTokenCreatedMsg{op: m.op, token: fakeToken()}, keyMsg("enter"))
	m = send(m, linkServerStartedMsg{op: m.op, session: newFakeSession()})
	m = send(m, linkFinishedMsg{op: m.op, outcome: linkserver.Outcome{PublicToken: "public-production-x"}})
	m = send(m, itemExchangedMsg{op: m.op, item: plaidflow.Item{AccessToken: "access-production-x", ItemID: "item123"}, accounts: testAccounts()})
	if m.step != stepExchange {
		t.Fatalf("production walk: step %v, want exchange", m.step)
	}
	m = send(m, keyMsg("enter")) // the first partner was confirmed with the link_token
	if m.confirming || m.step != stepPartnerToken {
		t.Fatalf("first partner: confirming %v step %v", m.confirming, m.step)
	}
	m = send(m, partnerTokenCreatedMsg{op: m.op, result: plaidflow.PartnerResult{}}, keyMsg("a"))
	m = send(typeText(m, "stripe"), keyMsg("enter"))
	m, cmd := sendCmd(m, keyMsg("enter"))
	if !m.confirming || cmd != nil || m.step != stepExchange {
		t.Fatalf("another partner in production: confirming %v, cmd %v, step %v", m.confirming, cmd != nil, m.step)
	}
	mustContain(t, m.View(), "This is PRODUCTION", "Stripe token", "Checking 0000", "y yes")
	if no := send(m, keyMsg("n")); no.confirming || no.step != stepExchange {
		t.Fatalf("n: confirming %v step %v", no.confirming, no.step)
	}
	yes, cmd := sendCmd(m, keyMsg("y"))
	if yes.step != stepPartnerToken || !yes.ptoken.running || cmd == nil {
		t.Fatalf("y: step %v", yes.step)
	}
}

// A bad days_requested is caught on the options step, before Link and an Item are made.
func TestPartnerInputsValidatedOnTheOptionsStep(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "alloy-credit")
	for i, f := range m.options.fields {
		if f.name == inputPrefix+plaidflow.InputDaysRequested {
			m.options.fields[i].input.SetValue("900")
		}
	}
	m, cmd := sendCmd(m, keyMsg("enter"))
	if m.step != stepOptions || cmd != nil || m.linktok.creating {
		t.Fatalf("enter with 900 days: step %v, want options and no call", m.step)
	}
	mustContain(t, m.View(), "900", "0 to 731")
}
