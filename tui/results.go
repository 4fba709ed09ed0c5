package tui

import (
	"fmt"
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
	scrolled bool // pgup/pgdn moved the page: offset holds; else the chosen call is kept in view
}

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
		m.results.offset, m.results.scrolled = 0, true
	case key.Matches(msg, k.Copy) && len(toks) > 0:
		t := toks[min(m.results.sel, len(toks)-1)]
		return m, m.copy(t.value, t.kind)
	case key.Matches(msg, k.Up, k.Down): // the tokens are at the top of the page
		step := -1
		if key.Matches(msg, k.Down) {
			step = 1
		}
		m.results.sel = min(max(m.results.sel+step, 0), max(len(toks)-1, 0))
		m.results.offset, m.results.scrolled = 0, true
	case key.Matches(msg, k.CopyCurl) && len(m.calls) > 0:
		c := m.calls[m.chosenCall()]
		curl, vars := m.curlToCopy(c)
		what := "curl for " + c.Path
		if len(vars) > 0 {
			what += " (tokens as $" + strings.Join(vars, ", $") + ": set them, or v then y copies them whole)"
		}
		return m, m.copy(curl, what)
	case msg.String() == "left":
		m.results.call = min(m.results.call+1, max(len(m.calls)-1, 0))
		m.results.scrolled = false
	case msg.String() == "right":
		m.results.call = max(m.results.call-1, 0)
		m.results.scrolled = false
	case key.Matches(msg, k.PageDown, k.PageUp):
		page := max(m.bodyHeight()-2, 1)
		if key.Matches(msg, k.PageUp) {
			page = -page
		}
		lines, pin, focus, end := m.resultsPage(m.width)
		m.results.offset = max(m.resultsOffset(len(lines), pin, focus, end)+page, 0)
		m.results.scrolled = true
	case key.Matches(msg, k.Another):
		m.walk.reuseItem = true
		m.partner.clearFilter()
		m.step = stepPartner
		m.notice = "Pick another partner: Item " + maskID(m.walk.item.ItemID) + " is kept and Link is skipped."
	}
	return m, nil
}

func (m Model) viewResults(w int) string {
	lines, pin, focus, end := m.resultsPage(w)
	return strings.Join(append(lines[:pin:pin], lines[pin+m.resultsOffset(len(lines), pin, focus, end):]...), "\n")
}

// resultsOffset is the first line shown below the pinned "Done" lines: where pgup/pgdn left
// the page, else one that shows the chosen call and as much of its curl as fits (at 80x24 it
// is below the fold otherwise). n, focus and end count the whole page.
func (m Model) resultsOffset(n, pin, focus, end int) int {
	n, focus, end = n-pin, focus-pin, end-pin
	h := m.bodyHeight() - pin
	off := m.results.offset
	if !m.results.scrolled && focus >= 0 {
		off = min(max(end-h+1, 0), focus)
	}
	return max(min(off, n-h), 0)
}

// resultsPage is the results page as lines: pin lines ("Done") that stay on top, the chosen
// call's line and its curl's last line (-1 when no call was made).
func (m Model) resultsPage(w int) (lines []string, pin, focus, end int) {
	st := m.st
	var b strings.Builder
	defer func() { pin = min(pin, len(lines)) }()
	if n := len(m.walk.runs); n > 0 {
		r := m.walk.runs[n-1]
		done := fmt.Sprintf("Done: %s's token for %s %s.", r.Partner.Name, oneLine(r.Account.Name), oneLine(r.Account.Mask))
		if r.Partner.Flow == plaidflow.FlowCreditRelay {
			done = "Done: " + r.Partner.Name + "'s relay token, for an Asset Report of the whole Item."
		}
		b.WriteString(st.good.Render(wrapTo(done, w, 0)) + "\n")
		pin = strings.Count(b.String(), "\n")
	}
	b.WriteString(st.subtle.Render("Tokens: ↑/↓ choose · c copy · v reveal all · a another partner with this Item") + "\n")
	toks := m.tokens()
	ownerW, kindW := columnWidths(toks)
	for i, t := range toks {
		cursor := "  "
		if i == m.results.sel {
			cursor = st.selected.Render("> ")
		}
		// Each row names its partner: several processor_token rows look alike otherwise.
		label := fmt.Sprintf("%-*s %-*s ", ownerW, oneLine(t.owner), kindW, t.kind)
		if m.results.revealed { // whole tokens get a line of their own so they are never cut
			b.WriteString(cursor + st.subtle.Render(label) + "\n    " + oneLine(t.value) + "\n")
			continue
		}
		b.WriteString(cursor + st.subtle.Render(label) + oneLine(plaidflow.Mask(t.value)) + "\n")
	}
	for i := len(m.walk.runs) - 1; i >= 0; i-- {
		if id := m.walk.runs[i].Result.AssetReportID; id != "" {
			b.WriteString(st.lbl("asset_report_id") + oneLine(id) + "\n")
		}
	}
	a := m.walk.account
	b.WriteString(st.lbl("item_id") + oneLine(m.walk.item.ItemID) + "\n")
	accountLabel := "account"
	if m.walk.partner.Flow == plaidflow.FlowCreditRelay {
		accountLabel = "account (noted)" // the report covers them all
	}
	b.WriteString(st.lbl(accountLabel) + oneLine(fmt.Sprintf("%s %s %s/%s (%s)", a.Name, a.Mask, a.Type, a.Subtype, a.ID)) + "\n")
	if p := m.walk.session.savedPaths; len(p) > 0 {
		saved := joinPaths(p[max(len(p)-2, 0):], m.deps.getenv("HOME"))
		b.WriteString(st.lbl("session saved") + wrapTo(saved, w-labelWidth, labelWidth) + "\n")
	}
	lines = strings.Split(strings.TrimRight(b.String(), "\n"), "\n")
	calls, focus := m.viewCalls(w)
	if focus < 0 {
		return lines, pin, -1, -1
	}
	return append(lines, calls...), pin, len(lines) + focus, len(lines) + len(calls) - 1
}

// chosenCall is the index of the call whose curl is shown.
func (m Model) chosenCall() int { return len(m.calls) - 1 - min(m.results.call, len(m.calls)-1) }

// viewCalls lists every call on one line and shows the curl of the chosen one (←/→); focus
// is the chosen call's line (-1: no calls).
func (m Model) viewCalls(w int) (lines []string, focus int) {
	st := m.st
	if len(m.calls) == 0 {
		return nil, -1
	}
	var b strings.Builder
	b.WriteString("\n" + st.bold.Render("API calls") + st.subtle.Render(" (←/→ choose the curl shown; pgup/pgdn scroll)") + "\n")
	chosen := m.chosenCall()
	for i, c := range m.calls {
		cursor := "  "
		if i == chosen {
			cursor = st.selected.Render("> ")
			focus = strings.Count(b.String(), "\n")
		}
		b.WriteString(cursor + truncate(callLine(c), w-2) + "\n")
	}
	curl, cut := curlScreenLines(sanitize(plaidflow.CurlFor(m.deps.Config.BaseURL, m.calls[chosen])), w)
	head := "curl (keys as $PLAID_CLIENT_ID / $PLAID_SECRET):"
	if cut {
		head = "curl (keys as $PLAID_CLIENT_ID / $PLAID_SECRET; … cuts, y copies whole):"
	}
	b.WriteString(st.subtle.Render(wrapTo(head, w, 0)) + "\n")
	for _, line := range curl {
		b.WriteString(st.faint.Render(line) + "\n")
	}
	return strings.Split(strings.TrimRight(b.String(), "\n"), "\n"), focus
}

// columnWidths are the widths of the partner and kind columns of the token list.
func columnWidths(toks []namedToken) (owner, kind int) {
	for _, t := range toks {
		owner = max(owner, len([]rune(oneLine(t.owner))))
		kind = max(kind, len(t.kind))
	}
	return owner, kind
}
