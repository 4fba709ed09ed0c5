package tui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/viewport"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// One API call in full: the pane shows each body cut to a line, so d (ctrl+o in a text
// field) while the pane is open shows a call's whole request and response, redacted as the
// log holds them, indented and wrapped, in place of the step; ←/→ go to the other calls.

type callDetail struct {
	open  bool
	index int // into Model.calls
	view  viewport.Model
}

func (m Model) openCallDetail() (tea.Model, tea.Cmd) {
	m.detail = callDetail{open: true, index: len(m.calls) - 1, view: viewport.New(m.width, 1)}
	m.resize(m.width, m.height)
	return m, nil
}

func (m Model) handleCallDetailKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Back, k.CallDetail, k.CallDetailAnywhere):
		m.detail.open = false
		m.resize(m.width, m.height)
		return m, nil
	case msg.String() == "left" || msg.String() == "right":
		i := m.detail.index - 1
		if msg.String() == "right" {
			i = m.detail.index + 1
		}
		m.detail.index = min(max(i, 0), len(m.calls)-1)
		m.refreshCallDetail()
		m.detail.view.GotoTop()
		return m, nil
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.CodeLang, k.CopyCurl):
		return m.detailCodeKey(msg)
	}
	var cmd tea.Cmd
	m.detail.view, cmd = m.detail.view.Update(msg) // ↑/↓, pgup/pgdn
	return m, cmd
}

// refreshCallDetail lays the chosen call out at the window's width.
func (m *Model) refreshCallDetail() {
	if !m.detail.open || len(m.calls) == 0 {
		return
	}
	i := min(max(m.detail.index, 0), len(m.calls)-1)
	m.detail.view.Width, m.detail.view.Height = m.width, max(m.bodyHeight()-1, 1)
	m.detail.view.SetContent(formatCallDetail(m.calls[i], m.width) + "\n" + cutLines(detailCode(m.codeLang, m.deps.Config.BaseURL, m.calls[i]), m.width))
}

func (m Model) viewCallDetail() string {
	i := min(max(m.detail.index, 0), len(m.calls)-1)
	head := m.st.bold.Render(fmt.Sprintf("API call %d of %d", i+1, len(m.calls))) +
		m.st.subtle.Render(" · bodies redacted · ←/→ other calls · g code language · y copy code · esc close")
	return truncate(head, m.width) + "\n" + m.detail.view.View()
}

// formatCallDetail is one call with its bodies whole: JSON indented, every line wrapped to
// width, escape sequences stripped (the bodies come from the API).
func formatCallDetail(c plaidflow.Call, width int) string {
	var b strings.Builder
	b.WriteString(callLine(c) + "\n")
	if c.Err != "" {
		b.WriteString("error: " + oneLine(c.Err) + "\n")
	}
	for _, body := range []struct{ label, text string }{{"Request", c.RequestBody}, {"Response", c.ResponseBody}} {
		b.WriteString("\n" + body.label + ":\n")
		if body.text == "" {
			b.WriteString("  (none)\n")
			continue
		}
		b.WriteString(indentJSON(body.text) + "\n")
	}
	var out []string
	for _, line := range strings.Split(strings.TrimRight(b.String(), "\n"), "\n") {
		out = append(out, strings.Split(ansi.Hardwrap(line, max(width, 20), true), "\n")...)
	}
	return strings.Join(out, "\n")
}

func indentJSON(s string) string {
	var buf bytes.Buffer
	if err := json.Indent(&buf, []byte(s), "  ", "  "); err != nil {
		return "  " + oneLine(s) // not JSON: as it came, on one (wrapped) line
	}
	lines := strings.Split(buf.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(sanitize(l), " ")
	}
	return "  " + strings.Join(lines, "\n")
}
