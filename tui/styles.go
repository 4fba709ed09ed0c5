package tui

import "github.com/charmbracelet/lipgloss"

// styles are every look the UI uses, made from one renderer so that the output's colour
// profile (NO_COLOR, a dumb terminal, a forced ASCII profile in tests) applies everywhere.
type styles struct {
	bannerOffline, bannerSandbox, bannerProduction lipgloss.Style

	title, subtle, faint, bold, accent, good, warn, bad lipgloss.Style
	label, value, selected, greyed                      lipgloss.Style
	panel, errorPanel, logPane                          lipgloss.Style
}

func newStyles(r *lipgloss.Renderer) styles {
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	s := r.NewStyle
	return styles{
		bannerOffline: s().Bold(true).Padding(0, 1).
			Foreground(lipgloss.Color("0")).Background(lipgloss.Color("11")),
		bannerSandbox: s().Bold(true).Padding(0, 1).
			Foreground(lipgloss.Color("15")).Background(lipgloss.Color("4")),
		bannerProduction: s().Bold(true).Padding(0, 1).
			Foreground(lipgloss.Color("15")).Background(lipgloss.Color("1")),

		title:  s().Bold(true).Foreground(lipgloss.Color("12")),
		subtle: s().Foreground(lipgloss.Color("245")),
		faint:  s().Faint(true),
		bold:   s().Bold(true),
		accent: s().Foreground(lipgloss.Color("14")),
		good:   s().Foreground(lipgloss.Color("10")),
		warn:   s().Foreground(lipgloss.Color("11")),
		bad:    s().Foreground(lipgloss.Color("9")),

		label:    s().Foreground(lipgloss.Color("245")).Width(labelWidth),
		value:    s(),
		selected: s().Bold(true).Foreground(lipgloss.Color("14")),
		greyed:   s().Foreground(lipgloss.Color("240")),

		panel:      s().Border(lipgloss.NormalBorder()).BorderForeground(lipgloss.Color("240")).Padding(0, 1),
		errorPanel: s().Border(lipgloss.NormalBorder()).BorderForeground(lipgloss.Color("9")).Padding(0, 1),
		logPane:    s().Border(lipgloss.NormalBorder(), true, false, false, false).BorderForeground(lipgloss.Color("240")),
	}
}

// labelWidth is the column of field names; longer names are cut, never wrapped.
const labelWidth = 21

// lbl renders a field name in its column.
func (st styles) lbl(name string) string { return st.label.Render(truncate(name, labelWidth-1)) }
