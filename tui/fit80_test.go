package tui

import (
	"bytes"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// At 80x24 the production warning fits: every line of its box has both borders, and its
// text is all there (wrapped, not cut), for the link_token and for a partner token.
func TestProductionConfirmationFitsAt80x24(t *testing.T) {
	m := send(atOptions(t, plaidflow.EnvProduction, "dwolla"), keyMsg("enter"))
	if !m.confirming {
		t.Fatal("enter in production did not ask first")
	}
	checkBoxFits(t, m.View(), 80, "This is PRODUCTION.", "real link_token", "share real data.", "Create it? y yes · n no")
	m = send(m, keyMsg("n"))
	m.walk.item, m.walk.account = plaidflow.Item{ItemID: "item-production-0123456789"}, testAccounts().Accounts[1]
	m.confirming, m.confirmFor = true, stepPartnerToken
	checkBoxFits(t, m.View(), 80, "real Dwolla token", "Plaid Checking 0000", "share real data.", "Create it? y yes · n no")
}

func checkBoxFits(t *testing.T, view string, w int, wants ...string) {
	t.Helper()
	var box []string
	for _, l := range strings.Split(view, "\n") {
		if lipgloss.Width(l) > w {
			t.Errorf("line wider than %d: %q", w, l)
		}
		if strings.Contains(l, "│") {
			box = append(box, strings.TrimRight(l, " "))
		}
	}
	if len(box) < 4 {
		t.Fatalf("no box on screen:\n%s", view)
	}
	for _, l := range box {
		if !strings.HasPrefix(l, "│") || !strings.HasSuffix(l, "│") {
			t.Errorf("box line lost a border: %q", l)
		}
	}
	// The phrases are read across lines: wrapping may break between words, never inside one.
	text := strings.Join(strings.Fields(strings.ReplaceAll(strings.Join(box, " "), "│", " ")), " ")
	for _, want := range wants {
		if !strings.Contains(text, want) {
			t.Errorf("the box lacks %q:\n%s", want, text)
		}
	}
}

// Status lines wrap instead of being cut: where a session went ($HOME as ~), what a copied
// curl needs, and what Enter does after Hosted Link was cancelled are all on screen, and the
// screen keeps its height.
func TestNoticesWrapRatherThanHideTheirPoint(t *testing.T) {
	m := atResults(t)
	m.deps.Getenv = func(k string) string {
		if k == "HOME" {
			return "/home/walker"
		}
		return ""
	}
	file := "/home/walker/.local/state/plaidwalk/sessions/20261122-070053.183-stripe-9abc.json"
	m = send(m, sessionSavedMsg{paths: []string{file}})
	v := m.View()
	mustContain(t, v, "~/.local/state/plaidwalk/sessions/20261122-070053.183-stripe-9abc.json")
	if h := lipgloss.Height(v); h != 24 {
		t.Errorf("the screen is %d lines, want 24", h)
	}
	m = send(m, tea.WindowSizeMsg{Width: 100, Height: 30})
	m = send(m, clipboardCopiedMsg{what: "curl for /processor/token/create (tokens as $ACCESS_TOKEN: set them, or v then y copies them whole)"})
	mustContainWords(t, m.View(), "or v then y copies them whole) to the clipboard (OSC 52).")
	m.notice = "Hosted Link cancelled: plaidwalk stopped asking /link/token/get. Enter opens it again."
	m = send(m, tea.WindowSizeMsg{Width: 80, Height: 24})
	mustContainWords(t, m.View(), "Enter opens it again.")
}

// mustContainWords checks a phrase that may be wrapped: the view's words, read in order.
func mustContainWords(t *testing.T, view, phrase string) {
	t.Helper()
	if !strings.Contains(strings.Join(strings.Fields(view), " "), phrase) {
		t.Errorf("view lacks %q:\n%s", phrase, view)
	}
}

// At 80x24 the results keep the chosen call (>) and its curl on screen once ←/→ chooses one
// (they open at the top, on the token just made); pgup still reaches the top.
func TestResultsScrollToTheChosenCall(t *testing.T) {
	var calls []plaidflow.Call
	for _, p := range []string{"/link/token/create", "/sandbox/public_token/create", "/item/public_token/exchange",
		"/item/get", "/accounts/get", "/institutions/get_by_id", "/auth/get", "/auth/get", "/auth/get", "/auth/get",
		"/auth/get", "/accounts/get", "/processor/token/create"} {
		calls = append(calls, plaidflow.Call{Method: "POST", Path: p, Status: 200, RequestID: "req" + p,
			RequestBody: `{"client_id":"x","access_token":"access-sandbox-1","account_id":"acc-checking","processor":"dwolla"}`})
	}
	m := atResultsWith(t, calls)
	chosen := func(v, path string) {
		t.Helper()
		for _, l := range strings.Split(v, "\n") {
			if strings.HasPrefix(l, "> ") && strings.Contains(l, "POST "+path+" ") {
				mustContain(t, v, "curl (keys as", "/"+strings.TrimPrefix(path, "/")+"'")
				return
			}
		}
		t.Errorf("the chosen call %s is not on screen:\n%s", path, v)
	}
	mustContain(t, m.View(), "Tokens: ", "> Dwolla")
	chosen(send(m, keyMsg("left"), keyMsg("right")).View(), "/processor/token/create")
	for range len(calls) {
		m = send(m, keyMsg("left"))
	}
	chosen(m.View(), "/link/token/create")
	for range len(calls) - 2 {
		m = send(m, keyMsg("right"))
	}
	chosen(m.View(), "/accounts/get")
	m = send(m, tea.KeyMsg{Type: tea.KeyPgUp}, tea.KeyMsg{Type: tea.KeyPgUp}, tea.KeyMsg{Type: tea.KeyPgUp})
	mustContain(t, m.View(), "Done: Dwolla's token", "Tokens: ")
}

// atHostedLink has Hosted Link waiting, its URL carrying the whole link_token as the
// emulator's does.
func atHostedLink(t *testing.T, w int) Model {
	t.Helper()
	m := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	m.link.mode = modeHosted
	tok := fakeToken()
	tok.HostedLinkURL = hostedURLFor(tok.Token)
	m = send(m, linkTokenCreatedMsg{op: m.op, token: tok}, tea.WindowSizeMsg{Width: w, Height: 24})
	return m
}

func hostedURLFor(token string) string { return "http://127.0.0.1:40001/link/emulated/hosted/" + token }

// The Hosted Link URL and the link_token line above it agree: both masked until v, the URL
// on a line of its own with no break inside it; v shows both whole, and c copies the real
// URL while it is masked.
func TestHostedLinkURLMasksTheTokenLikeTheLineAbove(t *testing.T) {
	tok := fakeToken().Token
	masked := "http://127.0.0.1:40001/link/emulated/hosted/" + plaidflow.Mask(tok)
	m := atHostedLink(t, 80)
	for _, v := range []string{m.View(), send(m, keyMsg("enter")).View()} {
		if strings.Contains(v, tok) {
			t.Errorf("the link_token is shown whole before v:\n%s", v)
		}
		mustContain(t, v, "  "+masked+" ", "v shows the URL whole")
	}
	mustContain(t, m.View(), "link_token           "+plaidflow.Mask(tok))
	shown := send(m, keyMsg("v"))
	mustContain(t, shown.View(), "link_token           "+tok, "v masks the link_token again")
	// The link_token screen handles neither c nor o, so its hint offers them neither way.
	for _, v := range []string{m.View(), shown.View()} {
		if strings.Contains(v, "c copies") || strings.Contains(v, "o opens") {
			t.Errorf("the link_token screen offers keys it does not handle:\n%s", v)
		}
	}
	link := send(m, keyMsg("enter"))
	mustContain(t, link.helpView(), "v show URL")
	mustContain(t, link.View(), "c copies it · o opens it")
	var clip bytes.Buffer
	link.deps.Clipboard = &clip
	link, copyURL := sendCmd(link, keyMsg("c"))
	if copyURL == nil {
		t.Fatal("c on the Hosted Link step gave no command")
	}
	link = send(link, copyURL())
	if got := copiedText(t, clip.String()); got != hostedURLFor(tok) {
		t.Errorf("c copied %q while the URL is masked, want the whole URL %q", got, hostedURLFor(tok))
	}
	if strings.Contains(link.View(), tok) {
		t.Errorf("copying revealed the link_token on screen:\n%s", link.View())
	}
	if cmd := send(link, keyMsg("v")); !strings.Contains(cmd.View(), "v masks the link_token again") {
		t.Errorf("v on the Link step did not reveal:\n%s", cmd.View())
	}
	wide := send(atHostedLink(t, 120), keyMsg("enter"), keyMsg("v"))
	mustContain(t, wide.View(), "  http://127.0.0.1:40001/link/emulated/hosted/"+tok+" ")
}
