package tui

import (
	"bytes"
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// The Link step draws itself from its own state: the wait and its clock, the URL with the
// link_token masked until v, and the keys that apply.
func TestLinkStepView(t *testing.T) {
	env := testEnv(t)
	env.walk.token = fakeToken()
	url := "http://127.0.0.1:5555/hosted/" + fakeToken().Token
	l := linkModel{mode: modeHosted, url: url, polling: true, elapsed: 65 * time.Second}
	v := l.view(env)
	if !strings.Contains(v, "Waiting for Hosted Link") || !strings.Contains(v, "1:05 waited") || strings.Contains(v, fakeToken().Token) {
		t.Errorf("view:\n%s", v)
	}
	keys := ""
	for _, b := range l.help(env) {
		keys += b.Help().Key + " "
	}
	if !strings.Contains(keys, "v") || !strings.Contains(keys, "s") || !strings.Contains(keys, "x") {
		t.Errorf("help keys %q", keys)
	}
	l.polling, l.ended = false, "Hosted Link finished without connecting a bank."
	if v := l.view(env); !strings.Contains(v, "without connecting") || !strings.Contains(v, "r opens Link again") {
		t.Errorf("ended view:\n%s", v)
	}
	if l.busy() {
		t.Error("waiting on the browser is not busy")
	}
	l = linkModel{mode: modeShortcut, shortcut: shortcut{institution: "ins_1", username: "user_good"}, shortcutRunning: true}
	if !l.busy() || !strings.Contains(l.view(env), "as user_good at ins_1") {
		t.Errorf("shortcut: busy %v view %q", l.busy(), l.view(env))
	}
}

// While the page waits, the pane says Link hands most events over when it closes, so a short
// list is not a stalled Link; an event shows the time Link stamped it, not when it arrived.
func TestLinkStepSaysEventsComeInABatchAtLinksOwnTimes(t *testing.T) {
	env := testEnv(t)
	l := linkModel{mode: modeBrowser, url: "http://127.0.0.1:5555/page/", waiting: true}
	if v := strings.Join(strings.Fields(l.view(env)), " "); !strings.Contains(v, "Link sends most of its events in one batch when it closes") {
		t.Errorf("waiting view lacks the batch note:\n%s", l.view(env))
	}
	happened := time.Date(2026, 12, 7, 10, 0, 0, 0, time.Local)
	md, _ := json.Marshal(map[string]string{"timestamp": happened.UTC().Format(time.RFC3339Nano)})
	ev := linkserver.Event{Kind: linkserver.KindEvent, Name: "SELECT_INSTITUTION", Metadata: md, At: happened.Add(time.Minute)}
	if line := formatLinkEvent(ev); line != "10:00:00 SELECT_INSTITUTION" {
		t.Errorf("feed line %q, want Link's own time", line)
	}
	l.waiting, l.ended = false, "Link was closed."
	if strings.Contains(l.view(env), "one batch") {
		t.Errorf("the note stays once Link ended:\n%s", l.view(env))
	}
}

// The page the Link step starts is the one the front end rendered from plaidflow (run serves
// the same): the step adds this walk's link_token and redirect URI and changes nothing else.
func TestLinkStepServesThePageItWasGiven(t *testing.T) {
	cfg := plaidflow.Config{Env: plaidflow.EnvSandbox, ClientID: "c", Secret: "s", BaseURL: "http://127.0.0.1:4010"}
	p := plaidflow.LinkPageFor(cfg)
	given := LinkPage{ScriptURL: p.ScriptURL, FrameOrigins: p.FrameOrigins, ConnectOrigins: p.ConnectOrigins,
		EnvLabel: p.EnvLabel, Offline: p.Offline, Port: 4321, Timeout: time.Minute}
	m := New(t.Context(), Deps{Config: cfg, Catalog: testCatalog(t), Link: given}, nil)
	m.walk.token, m.walk.linkConfig.RedirectURI = fakeToken(), "http://localhost:4321/oauth"
	want := given
	want.LinkToken, want.RedirectURI = fakeToken().Token, "http://localhost:4321/oauth"
	if got := m.linkServerOptions(); !reflect.DeepEqual(got, want) {
		t.Errorf("the Link step serves %+v, want %+v", got, want)
	}
}

// The Link step's keys: o and c act on the URL themselves; s, x, r and v ask the root with a
// message; s is not offered in production, r only once Link ended.
func TestLinkStepUpdate(t *testing.T) {
	env := testEnv(t)
	env.walk.token = fakeToken()
	env.deps.OpenBrowser = func(string) error { return nil }
	env.deps.Clipboard = &bytes.Buffer{}
	l := linkModel{mode: modeBrowser, url: "http://127.0.0.1:5555/hosted/" + fakeToken().Token, waiting: true}
	asks := func(l linkModel, env stepEnv, k string) (tea.Cmd, tea.Msg) {
		_, cmd, out := l.update(keyMsg(k), env)
		return cmd, out
	}
	for k, want := range map[string]tea.Msg{"s": shortcutRequestedMsg{}, "x": backRequestedMsg{}, "v": revealToggledMsg{}} {
		if cmd, out := asks(l, env, k); out != want || cmd != nil {
			t.Errorf("%s: message %#v, command %v; want %#v", k, out, cmd != nil, want)
		}
	}
	for _, k := range []string{"o", "c"} {
		if cmd, out := asks(l, env, k); cmd == nil || out != nil {
			t.Errorf("%s: command %v, message %#v; want a command of its own", k, cmd != nil, out)
		}
	}
	if _, out := asks(l, env, "r"); out != nil {
		t.Errorf("r while Link waits: %#v", out)
	}
	l.waiting, l.ended = false, "Link was closed."
	if _, out := asks(l, env, "r"); out != (linkTokenAcceptedMsg{}) {
		t.Errorf("r after Link ended: %#v, want Link opened again", out)
	}
	env.deps.Config.Env = plaidflow.EnvProduction
	if _, out := asks(l, env, "s"); out != nil {
		t.Errorf("s in production: %#v", out)
	}
	if _, _, out := l.update(linkClockMsg{}, env); out != nil {
		t.Errorf("a message that is not a key: %#v", out)
	}
}
