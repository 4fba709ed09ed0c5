package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
)

var stepTitles = [...]string{
	"Choose a partner", "Link options", "Create the link_token", "Plaid Link",
	"Exchange and pick an account", "Partner token", "Results",
	"After the hand-off · Partner view", "After the hand-off · Break and repair the Item",
	"Exchange and pick an account · Verification", "After the hand-off · Micro-deposit code",
	"After the hand-off · Try the Item",
}

// walkSteps is how many steps the walk has; the ones after the results are extras.
const walkSteps = int(stepResults) + 1

// stepHeading is the title line: "Step n/7 · title" on the walk, the title alone after it.
func stepHeading(s step) string {
	n := s
	if s == stepVerify {
		n = stepExchange // a part of the account's step, not one more of the walk
	}
	if int(n) >= walkSteps {
		return stepTitle(s)
	}
	return fmt.Sprintf("Step %d/%d · %s", int(n)+1, walkSteps, stepTitle(s))
}

func stepTitle(s step) string {
	if int(s) < len(stepTitles) {
		return stepTitles[s]
	}
	return s.String()
}

// View lays out banner, title, the step's body, the API log, a notice line and the help bar.
// Every line is clipped to the window so that resizing reflows instead of scrolling.
func (m Model) View() string {
	if m.quitting {
		return ""
	}
	w := m.width
	head := []string{
		m.st.banner(m.deps.Config, w),
		truncate(m.st.title.Render(stepHeading(m.step))+m.partnerTag(), w),
	}
	body := clipLines(m.viewBody(w), m.bodyHeight(), w)
	parts := append(head, body)
	if m.showLog && !m.detail.open {
		parts = append(parts, m.st.logPane.Width(w).Render(clipLines(m.logHeader(), 1, w)+"\n"+clipLines(m.logView.View(), m.logView.Height, w)))
	}
	notice := m.wrappedNotice()
	parts = append(parts, clipLines(m.st.warn.Render(notice.lines), notice.height, w), clipLines(m.helpView(), m.helpHeight(), w))
	return lipgloss.JoinVertical(lipgloss.Left, parts...)
}

// maxNoticeLines bounds the notice: it wraps rather than hide its point (where a file went,
// what a key does next), but a runaway message must not push the step off the screen.
const maxNoticeLines = 4

// wrappedNotice is the notice as wrapped for a width: Update wraps it again only when the
// notice or the width changed, not for every message (the clock ticks each second).
type wrappedNotice struct {
	text   string
	width  int
	lines  string
	height int // lines on screen: at least one, at most maxNoticeLines
}

func wrapNotice(text string, width int) wrappedNotice {
	w := wrappedNotice{text: text, width: width, height: 1}
	if text != "" {
		w.lines = wrapTo(text, width-2, 2) // 2: the indent of the lines after the first
		w.height = min(lipgloss.Height(w.lines), maxNoticeLines)
	}
	return w
}

// rewrapNotice wraps the notice if it or the width changed since it was last wrapped, and
// says whether that changed its height (and so the body's).
func (m *Model) rewrapNotice() (heightChanged bool) {
	if m.noticeWrap.text == m.notice && m.noticeWrap.width == m.width {
		return false
	}
	before := m.noticeWrap.height
	m.noticeWrap = wrapNotice(m.notice, m.width)
	return m.noticeWrap.height != before
}

// wrappedNotice is the notice wrapped to the window: Update's wrap, or a fresh one for a model whose
// notice was set without Update (a test's).
func (m Model) wrappedNotice() wrappedNotice {
	if m.noticeWrap.text == m.notice && m.noticeWrap.width == m.width {
		return m.noticeWrap
	}
	return wrapNotice(m.notice, m.width)
}

func (m Model) noticeHeight() int { return m.wrappedNotice().height }

// partnerTag follows the title: the partner being walked, or on the list while an Item is
// kept for another partner, that Item (the list looks like a fresh start otherwise).
func (m Model) partnerTag() string {
	if m.step == stepPartner && m.walk.reuseItem {
		return m.st.subtle.Render("  · Item " + maskID(oneLine(m.walk.item.ItemID)) + " kept, Link skipped")
	}
	if m.step == stepPartner || m.walk.partner.ID == "" {
		return ""
	}
	return m.st.subtle.Render("  · " + m.walk.partner.Name)
}

func (m Model) viewBody(w int) string {
	if m.detail.open {
		return m.viewCallDetail()
	}
	if m.confirming {
		return m.viewConfirm(w)
	}
	if m.failure != nil {
		return m.viewFailure(w)
	}
	if s, ok := m.slot(); ok {
		if m.webhookPaneShown() {
			return m.webhookPaneView(w) + "\n\n" + s.get().view(m.env())
		}
		return s.get().view(m.env())
	}
	return ""
}

func join(lists ...[]key.Binding) []key.Binding {
	var out []key.Binding
	for _, l := range lists {
		out = append(out, l...)
	}
	return out
}

func withHelp(b key.Binding, desc string) key.Binding {
	h := b.Help()
	b.SetHelp(h.Key, desc)
	return b
}

// clipLines cuts s to at most n lines of at most w cells, padding to n so the layout holds.
func clipLines(s string, n, w int) string {
	lines := strings.Split(s, "\n")
	if len(lines) > n {
		lines = lines[:n]
	}
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			lines[i] = truncate(l, w)
		}
	}
	for len(lines) < n {
		lines = append(lines, "")
	}
	return strings.Join(lines, "\n")
}

// wrapTo wraps plain text to width cells; continuation lines are indented by indent spaces.
// Widths are display cells, not runes, so wide characters never push a line past width. A URL
// longer than the line is never broken (a broken one cannot be clicked or copied): it gets a
// line of its own, and whoever draws the line truncates it if it must.
func wrapTo(s string, width, indent int) string {
	width = max(width, 10)
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if ansi.StringWidth(w) > width && strings.Contains(w, "://") {
			if line != "" {
				lines = append(lines, line)
			}
			lines, line = append(lines, w), ""
			continue
		}
		for ansi.StringWidth(w) > width { // a token longer than the line
			if line != "" {
				lines, line = append(lines, line), ""
			}
			head := ansi.Truncate(w, width, "")
			lines, w = append(lines, head), w[len(head):]
		}
		switch {
		case line == "":
			line = w
		case ansi.StringWidth(line)+1+ansi.StringWidth(w) <= width:
			line += " " + w
		default:
			lines, line = append(lines, line), w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n"+strings.Repeat(" ", indent))
}

// fitLines pads or cuts every line of s to exactly w cells, so that a bordered box drawn
// around it never re-wraps a line and its right edge stays straight.
func fitLines(s string, w int) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if lipgloss.Width(l) > w {
			l = truncate(l, w)
		}
		lines[i] = l + strings.Repeat(" ", max(w-lipgloss.Width(l), 0))
	}
	return strings.Join(lines, "\n")
}

func truncate(s string, w int) string { return ansi.Truncate(s, w, "…") }
