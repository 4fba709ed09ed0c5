package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// Step 3: /link/token/create, then the token (masked) and when it expires.

type linkTokenModel struct{ creating bool }

func (m Model) createLinkToken() (tea.Model, tea.Cmd) {
	ctx, op := m.newOp()
	m.linktok.creating = true
	m.walk.token = plaidflow.LinkToken{}
	return m, tea.Batch(createLinkTokenCmd(ctx, m.deps.Client, m.deps.Log, m.walk.linkConfig, op), m.startSpinner())
}

func (m Model) linkTokenCreated(msg linkTokenCreatedMsg) (tea.Model, tea.Cmd) {
	if msg.op != m.op {
		return m, nil
	}
	m.linktok.creating = false
	m.walk.token = msg.token
	if m.link.mode != modeHosted {
		m.walk.token.HostedLinkURL = "" // not asked for, never used: nothing to show or check
		return m, nil
	}
	// The host chose this URL: it is checked before the screen, the clipboard or a browser
	// gets it, and one plaidwalk will not open fails the step (r makes a new token).
	url, err := plaidflow.CheckHostedLinkURL(msg.token.HostedLinkURL)
	m.walk.token.HostedLinkURL = url
	if err != nil {
		m.failure = failureFrom(stepLinkToken, err)
	}
	return m, nil
}

// update takes the screen's keys: Enter finishes with linkTokenAcceptedMsg once a token is made.
func (l linkTokenModel) update(msg tea.Msg, env stepEnv) (linkTokenModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok || env.walk.token.Token == "" {
		return l, nil, nil
	}
	switch {
	case key.Matches(km, env.keys.Enter) && !l.creating:
		return l, nil, linkTokenAcceptedMsg{}
	case key.Matches(km, env.keys.Reveal):
		return l, nil, revealToggledMsg{}
	}
	return l, nil, nil
}

// back stops waiting for /link/token/create (the root cancels the call).
func (l linkTokenModel) back() linkTokenModel {
	l.creating = false
	return l
}

func (l linkTokenModel) busy() bool { return l.creating }

func (l linkTokenModel) help(env stepEnv) []key.Binding {
	k := env.keys
	enter := "open Link"
	if env.mode == modeShortcut {
		enter = "log in (shortcut)"
	}
	return join([]key.Binding{withHelp(k.Enter, enter), k.Back, withHelp(k.Reveal, "reveal token")}, env.saveKey())
}

func (l linkTokenModel) view(env stepEnv) string {
	st, w := env.st, env.width
	if l.creating {
		return env.spin + " Calling /link/token/create …"
	}
	t := env.walk.token
	lc := env.walk.linkConfig
	rows := [][2]string{
		{"link_token", env.shownLinkToken()},
		{"expires", t.Expiration.UTC().Format("2006-01-02 15:04 UTC")},
		{"request_id", t.RequestID},
		{"products", strings.Join(lc.Products, ", ")},
		{"countries", strings.Join(lc.CountryCodes, ", ")},
		{"Link mode", string(env.mode)},
	}
	if lc.LinkCustomization != "" {
		rows = append(rows, [2]string{"customization", lc.LinkCustomization})
	}
	if t.HostedLinkURL != "" {
		rows = append(rows, [2]string{"hosted link", env.shownURL(t.HostedLinkURL)})
	}
	var b strings.Builder
	b.WriteString(st.good.Render("link_token created.") + "\n\n")
	for _, r := range rows {
		v := oneLine(r[1])
		if strings.Contains(v, "://") && ansi.StringWidth(v) > w-labelWidth { // a URL is never cut
			b.WriteString(st.lbl(r[0]) + "\n" + urlLines(v, w) + "\n")
			continue
		}
		b.WriteString(st.lbl(r[0]) + truncate(v, w-labelWidth) + "\n")
	}
	if env.urlHidesToken(t.HostedLinkURL) {
		b.WriteString(st.subtle.Render(wrapTo(env.urlKeysHint(false), w, 0)) + "\n")
	}
	b.WriteString("\n" + nextAction(env.mode, st))
	return b.String()
}

// nextAction says what Enter does next: the shortcut logs in without a browser.
func nextAction(mode linkMode, st styles) string {
	switch mode {
	case modeShortcut:
		return st.bold.Render("Press Enter to log in with the sandbox shortcut") + st.subtle.Render(" (no browser).")
	case modeHosted:
		return st.bold.Render("Press Enter to open Hosted Link") + st.subtle.Render(" (Plaid's page, in the browser).")
	}
	return st.bold.Render("Press Enter to open Link") + st.subtle.Render(" (in the browser).")
}
