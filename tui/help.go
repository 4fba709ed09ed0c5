package tui

import (
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
)

// The help bar: one line with the screen's most useful keys, always ending with ? (help)
// and quit, cut from the end of the screen's list so that it fits the width and never loses
// those two; ? shows every key the screen takes, each listed once.

// maxHelpRows is the height of a column of the full help.
const maxHelpRows = 5

func (m Model) helpView() string {
	return m.help.View(helpKeys{short: m.shortHelpKeys(), full: m.fullHelpColumns()})
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

// shortHelpKeys are the screen's keys that fit the width, then ? and quit.
func (m Model) shortHelpKeys() []key.Binding {
	tail := []key.Binding{m.helpBinding(), m.quitBinding()}
	keys := append(m.logKeys(), m.stepKeys()...)
	measure := m.help
	measure.Width = 0 // unlimited: the help model would cut the line itself, losing the tail
	for len(keys) > 0 && lipgloss.Width(measure.ShortHelpView(append(append([]key.Binding(nil), keys...), tail...))) > max(m.width, 20) {
		keys = keys[:len(keys)-1]
	}
	return append(keys, tail...)
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

// stepKeys are the keys the current screen takes, most useful first; quit, ? and the API log
// are added by the help bar.
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
	switch m.step {
	case stepPartner:
		return []key.Binding{withHelp(k.Enter, "choose"), k.Filter, k.UpDown, withHelp(k.Back, "clear filter")}
	case stepOptions:
		if m.options.reuse {
			return []key.Binding{withHelp(k.Enter, "choose the account"), k.NextField, k.Back, k.PrevField}
		}
		return []key.Binding{withHelp(k.Enter, "create link_token"), k.NextField, k.Toggle, k.Back, k.PrevField}
	case stepLinkToken:
		enter := "open Link"
		if m.link.mode == modeShortcut {
			enter = "log in (shortcut)"
		}
		return join([]key.Binding{withHelp(k.Enter, enter), k.Back, withHelp(k.Reveal, "reveal token")}, m.saveKey())
	case stepLink:
		return m.linkKeys()
	case stepExchange:
		return join([]key.Binding{withHelp(k.Enter, "use account"), k.UpDown, k.Back}, m.saveKey())
	case stepPartnerToken:
		return []key.Binding{withHelp(k.Back, "cancel")}
	case stepResults:
		return join([]key.Binding{k.Reveal, withHelp(k.Copy, "copy"), k.Another}, m.saveKey(),
			[]key.Binding{k.Back, withHelp(k.UpDown, "choose token"), k.Calls, k.CopyCurl, withHelp(k.PageDown, "scroll"), k.PageUp})
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
