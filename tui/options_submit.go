package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// choices is what the options form produced.
type choices struct {
	link     plaidflow.LinkConfig
	mode     linkMode
	shortcut shortcut
	inputs   plaidflow.PartnerInputs
	authFlow plaidflow.AuthFlow // the Auth flow chosen; zero for the login
}

// build reads the form; a non-empty problem names the field to fix.
func (o optionsModel) build(cfg plaidflow.Config, p plaidflow.Partner) (choices, string) {
	var c choices
	c.inputs = plaidflow.PartnerInputs{}
	for _, f := range o.fields {
		if name, ok := strings.CutPrefix(f.name, inputPrefix); ok {
			if f.required && f.value() == "" {
				return c, f.label + " is required by " + p.Name + ": " + f.hint
			}
			c.inputs[name] = f.value()
		}
	}
	// The partner's own checks (days_requested's range, ...) run now rather than at the
	// partner token step, after Link and an Item were already made.
	if err := plaidflow.ValidateInputs(p, c.inputs); err != nil {
		return c, oneLine(err.Error())
	}
	if o.reuse {
		return c, ""
	}
	lc := plaidflow.DefaultLinkConfig(cfg, p)
	lc.Products = splitComma(o.field(fieldProducts).value())
	lc.CountryCodes = splitComma(strings.ToUpper(o.field(fieldCountries).value()))
	lc.Language = o.field(fieldLanguage).value()
	lc.ClientName = o.field(fieldClientName).value()
	lc.RedirectURI = o.field(fieldRedirectURI).value()
	lc.Webhook = o.field(fieldWebhook).value() // empty offline: the transition gives the walk's own receiver
	lc.LinkCustomization = ""
	if o.field(fieldSelect).value() == "multiple" {
		lc.LinkCustomization = "multi_select"
	}
	c.mode = linkMode(o.field(fieldMode).value())
	if f, ok := o.authFlow(); ok {
		c.authFlow, lc = f, f.LinkWith(lc) // the link_token asks Link for the flow's screens
	}
	lc.HostedLink = c.mode == modeHosted
	c.link = lc
	c.shortcut = shortcut{
		institution: o.field(fieldInstitution).value(),
		username:    o.field(fieldUsername).value(),
		password:    o.field(fieldPassword).value(),
	}
	switch {
	case len(lc.Products) == 0:
		return c, "Products is empty: give at least one Link product, e.g. auth."
	case len(lc.CountryCodes) == 0:
		return c, "Country codes is empty: give at least one, e.g. US."
	case lc.ClientName == "":
		return c, "Client name is empty: Link shows it to the user."
	case c.mode == modeShortcut && c.shortcut.institution == "":
		return c, "Institution is empty: the sandbox shortcut needs one, e.g. " + plaidflow.DefaultInstitutionID + "."
	case o.authFlowProblem(c.mode) != "":
		return c, o.authFlowProblem(c.mode)
	}
	return c, ""
}

func splitComma(s string) []string {
	var out []string
	for _, v := range strings.Split(s, ",") {
		if v = strings.TrimSpace(v); v != "" {
			out = append(out, v)
		}
	}
	return out
}

func (m Model) handleConfirmKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Confirm):
		return m.transition(confirmedMsg{})
	case key.Matches(msg, m.keys.Deny):
		m.confirming = false
	}
	return m, nil
}

// viewConfirm is the production warning. Its text is wrapped to the window and every line
// fitted to the box, so that at 80 columns the border stays whole and nothing is cut.
func (m Model) viewConfirm(w int) string {
	inner := min(max(w-4, 20), 90) // 4: the border and padding on both sides
	text := "plaidwalk is about to create a real link_token; Link will connect a real bank account " +
		"and the partner token will move real money or share real data."
	if m.confirmFor == stepPartnerToken {
		a := m.walk.account
		text = "plaidwalk is about to create a real " + m.walk.partner.Name + " token for the real account " +
			oneLine(a.Name+" "+a.Mask) + " of Item " + maskID(m.walk.item.ItemID) + ": it can move real money or share real data."
	}
	body := m.st.bad.Bold(true).Render("This is PRODUCTION.") + "\n\n" + wrapTo(text, inner, 0) + "\n\nCreate it? y yes · n no"
	return m.st.errorPanel.Render(fitLines(body, inner))
}

func (o optionsModel) view(env stepEnv) string {
	st, w := env.st, env.width
	var b strings.Builder
	if o.reuse {
		b.WriteString(st.subtle.Render(fmt.Sprintf("Reusing Item %s: Link is skipped. %s needs:", maskID(env.walk.item.ItemID), env.walk.partner.Name)) + "\n\n")
	}
	labelW := labelWidth // wide enough for "Secondary client ID (Alloy)"
	for _, f := range o.fields {
		labelW = max(labelW, ansi.StringWidth(f.label)+1)
	}
	for i, f := range o.fields {
		if !o.visible(i) {
			continue
		}
		cursor := "  "
		if i == o.focus {
			cursor = st.selected.Render("> ")
		}
		value := fieldValueView(f, i == o.focus, st, w-2-labelW)
		if f.standIn != "" && f.value() == f.standIn {
			value += st.subtle.Render("  (offline stand-in)")
		}
		b.WriteString(cursor + st.label.Width(labelW).Render(f.label) + value + "\n")
	}
	if o.focus < len(o.fields) {
		b.WriteString("\n" + st.subtle.Render(wrapTo(o.hint(o.focus), w, 0)))
	}
	if o.err != "" { // wrapped, never cut: it says what to fix
		b.WriteString("\n" + st.bad.Render(wrapTo(o.err, w, 0)))
	}
	return b.String()
}

// hint is the help line of field i; the Auth flow's depends on the flow chosen.
func (o optionsModel) hint(i int) string {
	if o.fields[i].name == fieldAuthFlow {
		return o.authFlowHint()
	}
	return o.fields[i].hint
}

// fieldValueView draws a field's value in room cells: a choice lists its choices, or when
// they do not fit, shows the chosen one between arrows with its place in the list.
func fieldValueView(f optionField, focused bool, st styles, room int) string {
	if f.choices == nil {
		if focused {
			return f.input.View()
		}
		if f.input.Width > 0 { // a long value (a custom user's configuration) is cut to its line
			return ansi.Truncate(f.input.Value(), f.input.Width, "…")
		}
		return f.input.Value()
	}
	parts := make([]string, len(f.choices))
	for i, c := range f.choices {
		if i == f.choice {
			parts[i] = st.selected.Render("[" + c + "]")
		} else {
			parts[i] = st.subtle.Render(" " + c + " ")
		}
	}
	if all := strings.Join(parts, " "); ansi.StringWidth(all) <= room {
		return all
	}
	return st.selected.Render("‹ "+f.choices[f.choice]+" ›") + st.subtle.Render("  ←/→ shows the others")
}

// maskID shortens an id for a heading; ids are not secret, only long.
func maskID(id string) string {
	if len(id) <= 12 {
		return id
	}
	return id[:6] + "…" + id[len(id)-4:]
}
