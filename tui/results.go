package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// Step 7: what the walk produced. Tokens stay masked until v; c copies the highlighted one
// through OSC 52; a starts again with another partner on the same Item, skipping Link.

type resultsModel struct {
	revealed bool
	sel      int
	call     int  // the call whose curl is shown, counted from the newest (0)
	offset   int  // first line shown when the page is taller than the screen
	follow   bool // ←/→ chose a call: the page keeps it and its curl in view; else offset holds
}

// newResults is the results page as it opens: at the top, where the token just made is (at
// 80x24 the calls and a curl below would push it off screen), with the cursor on it.
func newResults(made plaidflow.PartnerResult) resultsModel {
	return resultsModel{sel: partnerTokenRow(made)}
}

// partnerTokenRow is the token list's row of the token the partner takes: the newest run's
// tokens come first, and its last one is that token (Alloy's relay_token comes after the
// asset_report_token it was made from, which only Plaid reads).
func partnerTokenRow(made plaidflow.PartnerResult) int { return max(len(made.Tokens)-1, 0) }

// namedToken is a row of the token list.
type namedToken struct {
	kind, value, requestID string
	owner                  string // the partner it was made for, or "the Item" for the access_token
}

func (m Model) tokens() []namedToken {
	var out []namedToken
	for i := len(m.walk.runs) - 1; i >= 0; i-- {
		for _, t := range m.walk.runs[i].Result.Tokens {
			out = append(out, namedToken{kind: string(t.Kind), value: t.Value, requestID: t.RequestID, owner: m.walk.runs[i].Partner.Name})
		}
	}
	if at := m.walk.item.AccessToken; at != "" {
		out = append(out, namedToken{kind: "access_token", value: at, requestID: m.walk.item.RequestID, owner: "the Item"})
	}
	return out
}

func (m Model) updateResults(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	k := m.keys
	toks := m.tokens()
	switch {
	case key.Matches(msg, k.Reveal): // the tokens are at the top of the page
		m.results.revealed = !m.results.revealed
		m.results.offset, m.results.follow = 0, false
	case key.Matches(msg, k.Copy) && len(toks) > 0:
		t := toks[min(m.results.sel, len(toks)-1)]
		return m, m.env().copy(t.value, t.kind)
	case key.Matches(msg, k.Up, k.Down): // the tokens are at the top of the page
		step := -1
		if key.Matches(msg, k.Down) {
			step = 1
		}
		m.results.sel = min(max(m.results.sel+step, 0), max(len(toks)-1, 0))
		m.results.offset, m.results.follow = 0, false
	case key.Matches(msg, k.CopyCurl) && len(m.resultCalls()) > 0:
		c := m.resultCalls()[m.chosenCall()]
		curl, vars := m.curlToCopy(c)
		what := "curl for " + c.Path
		if len(vars) > 0 {
			what += " (tokens as $" + strings.Join(vars, ", $") + ": set them, or v then y copies them whole)"
		}
		return m, m.env().copy(curl, what)
	case msg.String() == "left":
		m.results.call = min(m.results.call+1, max(len(m.resultCalls())-1, 0))
		m.results.follow = true
	case msg.String() == "right":
		m.results.call = max(m.results.call-1, 0)
		m.results.follow = true
	case key.Matches(msg, k.PageDown, k.PageUp):
		page := max(m.bodyHeight()-2, 1)
		if key.Matches(msg, k.PageUp) {
			page = -page
		}
		m.results.offset = max(m.resultsOffset(m.resultsExtent(m.width))+page, 0)
		m.results.follow = false
	case key.Matches(msg, k.Another):
		return m.transition(anotherPartnerRequestedMsg{})
	}
	return m, nil
}

func (m Model) viewResults(w int) string {
	top, pin := m.resultsTop(w)
	calls, focus := m.viewCalls(w)
	lines := append(top, calls...)
	ext := resultsExtent{lines: len(lines), pin: pin, focus: -1}
	if focus >= 0 {
		ext.focus = len(top) + focus
	}
	return strings.Join(append(lines[:pin:pin], lines[pin+m.resultsOffset(ext):]...), "\n")
}

// resultsOffset is the first line shown below the pinned "Done" lines: where the page opened
// or pgup/pgdn left it, else, once ←/→ chose a call, one that shows that call and as much of
// its curl as fits (at 80x24 it is below the fold otherwise; the curl ends the page).
func (m Model) resultsOffset(e resultsExtent) int {
	n, focus := e.lines-e.pin, e.focus-e.pin
	h := m.bodyHeight() - e.pin
	off := m.results.offset
	if m.results.follow && e.focus >= 0 {
		off = min(max(n-h, 0), focus)
	}
	return max(min(off, n-h), 0)
}
