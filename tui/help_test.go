package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/bubbles/key"

	"plaidwalk/plaidflow"
)

// everyScreen is one model per step (and the error panel), for checks that hold everywhere.
func everyScreen(t *testing.T) map[string]Model {
	t.Helper()
	link, _ := atLink(t, "dwolla")
	opts := atOptions(t, plaidflow.EnvOffline, "dwolla")
	failed := send(opts, keyMsg("enter"))
	failed = send(failed, stepFailedMsg{op: failed.op, step: stepLinkToken, err: plaidErr()})
	return map[string]Model{
		"partner": pureModel(t, plaidflow.EnvOffline), "options": opts,
		"options on a choice": send(opts, keyMsg("tab"), keyMsg("tab"), keyMsg("tab"), keyMsg("tab"), keyMsg("tab")),
		"link_token":          atLinkToken(t, "dwolla"), "link": link, "exchange": atAccounts(t, "dwolla"),
		"partner_token": send(atAccounts(t, "dwolla"), keyMsg("enter")), "results": atResults(t),
		"error": failed,
	}
}

func lastLine(v string) string {
	lines := strings.Split(strings.TrimRight(v, "\n"), "\n")
	return lines[len(lines)-1]
}

// Every screen's help line names quit and the help key, whole, at 80 and 100 columns, and
// ends with … exactly when some of the screen's keys did not fit (esc back, the key a new user
// looks for, always does); the full help lists each key once and fits 80 columns.
func TestHelpBarOnEveryScreen(t *testing.T) {
	for name, m := range everyScreen(t) {
		m.deps.SaveSession = func(Result) ([]string, error) { return nil, nil } // ctrl+s takes room too
		for _, w := range []int{80, 100} {
			m := send(m, resize(w, 24))
			line := strings.TrimRight(lastLine(m.View()), " ")
			if !strings.Contains(line, "quit") || !(strings.Contains(line, "? help") || strings.Contains(line, "f1 help")) {
				t.Errorf("%s at %d columns: help line %q lacks quit or the help key", name, w, line)
			}
			missing := false
			for _, b := range m.stepKeys() {
				missing = missing || !strings.Contains(line, b.Help().Key+" "+b.Help().Desc)
			}
			if missing != strings.HasSuffix(line, " …") {
				t.Errorf("%s at %d columns: keys left out %v, but the line %q says otherwise", name, w, missing, line)
			}
			if slices.ContainsFunc(m.stepKeys(), func(b key.Binding) bool { return b.Help().Desc == "back" }) && !strings.Contains(line, "esc back") {
				t.Errorf("%s at %d columns: help line %q lacks esc back", name, w, line)
			}
		}
		seen := map[string]bool{}
		for _, b := range m.fullHelpKeys() {
			if k := b.Help().Key; seen[k] {
				t.Errorf("%s: full help lists %q twice", name, k)
			} else {
				seen[k] = true
			}
		}
		key := "?"
		if !m.helpKeyFree(keyMsg("?")) {
			key = "f1"
		}
		full := send(m, resize(80, 24), keyMsg(key))
		if !full.help.ShowAll {
			t.Fatalf("%s: %s did not open the full help", name, key)
		}
		lines := strings.Split(full.View(), "\n")
		v := strings.Join(lines[len(lines)-full.helpHeight():], "\n")
		if strings.Contains(v, "…") {
			t.Errorf("%s: the full help is cut at 80 columns:\n%s", name, v)
		}
		for _, b := range full.fullHelpKeys() {
			if h := b.Help(); !strings.Contains(v, h.Key+" ") || !strings.Contains(v, " "+h.Desc) {
				t.Errorf("%s: full help at 80 columns lacks %q:\n%s", name, h.Key+" "+h.Desc, v)
			}
		}
	}
}

func TestLinkHelpOffersEscBack(t *testing.T) {
	m, _ := atLink(t, "dwolla")
	mustContain(t, lastLine(m.View()), "esc back")
	if b := send(m, keyMsg("esc")); b.step != stepLinkToken {
		t.Errorf("esc on the Link step: step %v, want link_token", b.step)
	}
}

// ? is typed into a text field that may hold one (a redirect URI): f1 opens the help there.
func TestHelpKeyInTextFields(t *testing.T) {
	m := atOptions(t, plaidflow.EnvOffline, "dwolla")
	if !m.textFocused() {
		t.Fatalf("the first option field is not a text field")
	}
	before := m.options.fields[m.options.focus].value()
	q := send(m, keyMsg("?"))
	if q.help.ShowAll || q.options.fields[q.options.focus].value() != before+"?" {
		t.Errorf("? in a text field: help %v, value %q", q.help.ShowAll, q.options.fields[q.options.focus].value())
	}
	if f := send(m, keyMsg("f1")); !f.help.ShowAll {
		t.Errorf("f1 in a text field did not open the help")
	}
	if p := send(pureModel(t, plaidflow.EnvOffline), keyMsg("?")); !p.help.ShowAll || p.partner.filter.Value() != "" {
		t.Errorf("? on the partner list: help %v, filter %q", p.help.ShowAll, p.partner.filter.Value())
	}
}
