package tui

import (
	"bytes"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os/exec"
	"strings"
	"syscall"
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
	mustContain(t, m.View(), "secondary_client_id", "60")
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

// Inside tmux the copy is plain OSC 52 (tmux's set-clipboard handles it); a passthrough
// wrapper would be dropped by tmux 3.3's default allow-passthrough off.
func TestCopyInsideTmuxSendsPlainOSC52(t *testing.T) {
	var clip bytes.Buffer
	m := atResults(t)
	m.deps.Clipboard = &clip
	m.deps.Getenv = func(k string) string {
		if k == "TMUX" {
			return "/tmp/tmux-0/default,1234,0"
		}
		return ""
	}
	m, cmd := sendCmd(m, keyMsg("c"))
	send(m, cmd())
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("processor-sandbox-99999999-8888-7777-6666-555555554321")) + "\x07"
	if clip.String() != want {
		t.Errorf("inside tmux the clipboard got %q, want plain OSC 52 %q", clip.String(), want)
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
	mustContain(t, m.View(), "This is PRODUCTION", "Stripe token", "Plaid Checking", "y yes")
	if no := send(m, keyMsg("n")); no.confirming || no.step != stepExchange {
		t.Fatalf("n: confirming %v step %v", no.confirming, no.step)
	}
	yes, cmd := sendCmd(m, keyMsg("y"))
	if yes.step != stepPartnerToken || !yes.ptoken.running || cmd == nil {
		t.Fatalf("y: step %v", yes.step)
	}
}

// copiedText decodes the OSC 52 sequence a copy wrote.
func copiedText(t *testing.T, seq string) string {
	t.Helper()
	b64, ok := strings.CutPrefix(strings.TrimSuffix(seq, "\x07"), "\x1b]52;c;")
	if !ok {
		t.Fatalf("not an OSC 52 copy: %q", seq)
	}
	text, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("OSC 52 payload: %v", err)
	}
	return string(text)
}

// The API log masks tokens, so a copied curl must put them back to be runnable: whole once
// revealed, otherwise as shell variables the pasted command reads.
func TestCopiedCurlRunsWithTokensPutBack(t *testing.T) {
	const access = "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	body := `{"access_token":"` + access + `","account_id":"acc-checking","processor":"dwolla","secret":"s3cr3t"}`
	m := atResults(t)
	m.calls = []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200,
		RequestBody: plaidflow.RedactJSON([]byte(body), "s3cr3t")}}
	copyCurl := func(m Model) (Model, string) {
		var clip bytes.Buffer
		m.deps.Clipboard = &clip
		m, cmd := sendCmd(m, keyMsg("y"))
		m = send(m, cmd())
		return m, copiedText(t, clip.String())
	}
	m, masked := copyCurl(m)
	if strings.Contains(masked, "…") || strings.Contains(masked, access) || !strings.Contains(masked, `'"$ACCESS_TOKEN"'`) ||
		!strings.Contains(masked, "# set ACCESS_TOKEN") {
		t.Errorf("unrevealed curl:\n%s", masked)
	}
	mustContain(t, m.View(), "$ACCESS_TOKEN")
	// The pasted command, run by a shell with curl standing in, sends the whole token.
	script := "ACCESS_TOKEN=" + access + "\ncurl() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n" + masked
	out, err := exec.Command("sh", "-c", script).CombinedOutput()
	if err != nil || !strings.Contains(string(out), `"access_token":"`+access+`"`) {
		t.Errorf("running the copied curl: %v\n%s", err, out)
	}
	_, whole := copyCurl(send(m, keyMsg("v")))
	if strings.Contains(whole, "…") || strings.Contains(whole, "$ACCESS_TOKEN") || !strings.Contains(whole, access) ||
		strings.Contains(whole, "s3cr3t") {
		t.Errorf("revealed curl:\n%s", whole)
	}
	if !strings.Contains(send(m, keyMsg("v")).View(), "access-sandbox-…eeee") {
		t.Errorf("the curl on screen is no longer masked")
	}
}

// A network failure is not a Plaid error: the panel says what to check besides the cause.
func TestNetworkErrorShowsAHint(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvSandbox, "dwolla"), keyMsg("enter"))
	refused := &url.Error{Op: "Post", URL: "https://sandbox.plaid.com/link/token/create",
		Err: &net.OpError{Op: "dial", Net: "tcp", Err: syscall.ECONNREFUSED}}
	v := send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: refused}).View()
	mustContain(t, v, "cause", "connection refused", "hint", "network", "PLAID_ENV", "PLAID_BASE_URL")
	dns := &net.DNSError{Err: "no such host", Name: "sandbox.plaid.com", IsNotFound: true}
	v = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: fmt.Errorf("/link/token/create: %w", dns)}).View()
	mustContain(t, v, "no such", "hint", "PLAID_BASE_URL")
	// plaidflow's own hint wins when it has one.
	ce := &plaidflow.ConnectionError{Endpoint: "/link/token/create", Host: "http://127.0.0.1:9", Err: refused, Hint: "Nothing answered at the base URL."}
	v = send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: ce}).View()
	mustContain(t, v, "hint", "Nothing answered at the base URL.")
	if v := send(m, stepFailedMsg{op: m.op, step: stepLinkToken, err: errors.New("something odd")}).View(); strings.Contains(v, "hint") {
		t.Errorf("a hint for an error that is not about the network:\n%s", v)
	}
}

// At 80 columns the docs URL is too long to sit beside its label: it gets its own line,
// whole, rather than being broken in the middle.
func TestErrorPanelNeverBreaksURLs(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	pe := plaidErr()
	pe.DocsURL = "https://plaid.com/docs/errors/invalid-request/#missing_fields"
	for _, w := range []int{80, 100, 120} {
		v := send(m, resize(w, 30), stepFailedMsg{op: m.op, step: stepLinkToken, err: pe}).View()
		whole := false
		for _, line := range strings.Split(v, "\n") {
			whole = whole || strings.Contains(line, pe.DocsURL)
		}
		if !whole {
			t.Errorf("at %d columns the docs URL is not on one line:\n%s", w, v)
		}
	}
}
