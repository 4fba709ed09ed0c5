package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// The help bar: one line with the screen's keys, most important first, then ? (help) and
// quit. Where the width is short, keys are dropped from the end of the screen's list, never
// those two, and the line ends with … as bubbles/help's does, so that a missing key is not a
// surprise: ? shows every key the screen takes, each listed once.

// maxHelpRows is the height of a column of the full help.
const maxHelpRows = 5

func (m Model) helpView() string {
	if m.help.ShowAll {
		return m.help.FullHelpView(m.fullHelpColumns())
	}
	keys, cut := m.shortHelpKeys()
	line := m.help.ShortHelpView(keys)
	if cut {
		line += " " + m.help.Styles.Ellipsis.Render(m.help.Ellipsis)
	}
	return line
}

// helpKeyFree says whether msg toggles the help: ? everywhere but in a text field, where it is
// typed (a redirect URI or a password may hold one) and f1 does it instead. The partner
// filter is a text field in which ? means nothing, so ? works there too.
func (m Model) helpKeyFree(msg interface{ String() string }) bool {
	return msg.String() == "f1" || !m.textFocused() || m.step == stepPartner
}

func (m Model) helpBinding() key.Binding {
	desc := "help"
	if m.help.ShowAll {
		desc = "less help"
	}
	b := m.keys.Help
	if m.textFocused() && m.step != stepPartner {
		b.SetHelp("f1", desc)
	} else {
		b.SetHelp("?", desc)
	}
	return b
}

func (m Model) quitBinding() key.Binding {
	if m.textFocused() || m.confirming {
		return m.keys.ForceQuit
	}
	return m.keys.Quit
}

// shortHelpKeys are the screen's keys that fit the width, then ? and quit; cut: some of
// the screen's keys were left out (room is kept for the … that says so).
func (m Model) shortHelpKeys() (keys []key.Binding, cut bool) {
	tail := []key.Binding{m.helpBinding(), m.quitBinding()}
	keys = append(m.logKeys(), m.stepKeys()...)
	measure := m.help
	measure.Width = 0 // unlimited: the help model would cut the line itself, losing the tail
	width := func(ks []key.Binding) int {
		return lipgloss.Width(measure.ShortHelpView(append(append([]key.Binding(nil), ks...), tail...)))
	}
	room := max(m.width, 20)
	if width(keys) <= room {
		return append(keys, tail...), false
	}
	room -= 1 + lipgloss.Width(m.help.Ellipsis)
	for len(keys) > 0 && width(keys) > room {
		keys = keys[:len(keys)-1]
	}
	return append(keys, tail...), true
}

// fullHelpKeys are every key the screen takes, each once.
func (m Model) fullHelpKeys() []key.Binding {
	k := m.keys
	all := m.stepKeys()
	if !m.textFocused() && !m.confirming {
		all = append(all, k.APILog)
	}
	all = append(all, k.APILogAnywhere, m.quitBinding(), k.ForceQuit, m.helpBinding())
	seen := map[string]bool{}
	var out []key.Binding
	for _, b := range all {
		if h := b.Help().Key; !seen[h] {
			seen[h] = true
			out = append(out, b)
		}
	}
	return out
}

func (m Model) fullHelpColumns() [][]key.Binding {
	keys := m.fullHelpKeys()
	var cols [][]key.Binding
	for len(keys) > maxHelpRows {
		cols, keys = append(cols, keys[:maxHelpRows]), keys[maxHelpRows:]
	}
	return append(cols, keys)
}

// stepKeys are the keys the current screen takes, most useful first (the step's own action,
// then esc, which every new user looks for): at 80 columns the bar shows only the first few.
// Quit, ? and the API log are added by the help bar.
func (m Model) stepKeys() []key.Binding {
	k := m.keys
	switch {
	case m.detail.open:
		return []key.Binding{withHelp(k.Back, "close"), withHelp(k.Calls, "other call"), withHelp(k.UpDown, "scroll"),
			key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "page"))}
	case m.confirming:
		return []key.Binding{k.Confirm, k.Deny}
	case m.failure != nil:
		return join([]key.Binding{k.Retry, k.Back}, m.saveKey())
	}
	if s, ok := m.slot(); ok {
		return s.get().help(m.keysEnv())
	}
	return nil
}

// logKeys come first while the API log is open: how to close and scroll it.
func (m Model) logKeys() []key.Binding {
	if !m.showLog || m.detail.open {
		return nil
	}
	closeLog, detail := withHelp(m.keys.APILog, "close log"), m.keys.CallDetail
	if m.textFocused() || m.confirming {
		closeLog, detail = withHelp(m.keys.APILogAnywhere, "close log"), m.keys.CallDetailAnywhere
	}
	keys := []key.Binding{closeLog}
	if len(m.calls) > 0 {
		keys = append(keys, detail)
	}
	return append(keys, key.NewBinding(key.WithKeys("pgup", "pgdown"), key.WithHelp("pgup/pgdn", "scroll log")))
}

// logHeader is the API log pane's fixed first line.
func (m Model) logHeader() string {
	closeKey, detailKey := "l", "d"
	if m.textFocused() || m.confirming {
		closeKey, detailKey = "ctrl+l", "ctrl+o"
	}
	return m.st.bold.Render("API log") + m.st.subtle.Render(" · "+closeKey+" close · "+detailKey+" whole bodies · pgup/pgdn scroll · newest last")
}
