package tui

import (
	"fmt"
	"path/filepath"
	"strings"

	"plaidwalk/plaidflow"
)

// The results page, top to bottom: the "Done" line (pinned while the rest scrolls), the
// tokens, the Item and account, and the API calls with the chosen one's curl. resultsExtent
// counts those lines from the model, so that pgup/pgdn can find the offset on screen without
// drawing the page; each section's text comes from one function that both share.

// resultsExtent is where things are on the results page, in lines: lines in all, pin lines
// on top, and the chosen call's line (-1 when no call was made).
type resultsExtent struct{ lines, pin, focus int }

func (m Model) resultsExtent(w int) resultsExtent {
	pin := lineCount(m.doneText(), w)
	top := pin + 1 + len(m.tokens()) + len(m.assetReportIDs()) + 2
	if m.results.revealed {
		top += len(m.tokens()) // a whole token has a line of its own
	}
	if saved := m.savedText(); saved != "" {
		top += lineCount(saved, w-labelWidth)
	}
	if len(m.resultCalls()) == 0 {
		return resultsExtent{lines: top, pin: pin, focus: -1}
	}
	head, curl := m.chosenCurl(w)
	calls := 2 + len(m.resultCalls()) + lineCount(head, w) + len(curl)
	return resultsExtent{lines: top + calls, pin: pin, focus: top + 2 + m.chosenCall()}
}

// lineCount is how many lines wrapTo makes of s at width w ("" makes none).
func lineCount(s string, w int) int {
	if s == "" {
		return 0
	}
	return strings.Count(wrapTo(s, w, 0), "\n") + 1
}

// doneText says what the last walk made ("" before any).
func (m Model) doneText() string {
	n := len(m.walk.runs)
	if n == 0 {
		return ""
	}
	r := m.walk.runs[n-1]
	if r.Partner.Flow == plaidflow.FlowCreditRelay {
		return "Done: " + r.Partner.Name + "'s relay token, for an Asset Report of the whole Item."
	}
	return fmt.Sprintf("Done: %s's token for %s %s.", r.Partner.Name, oneLine(r.Account.Name), oneLine(r.Account.Mask))
}

// savedText lists the last two files saved for the newest token's walk ("" when none).
func (m Model) savedText() string {
	p := m.ownSavedPaths()
	if len(p) == 0 {
		return ""
	}
	return joinPaths(p[max(len(p)-2, 0):], m.deps.getenv("HOME"))
}

// ownSavedPaths leaves out the files of the other partners' walks (the state dir names a
// file after its session's id): after "another partner", the first one's file is not this
// walk's.
func (m Model) ownSavedPaths() []string {
	s := m.walk.session
	mine := len(s.earlier) + len(m.walk.runs) - 1 // the newest run's place in sessionRecords
	others := map[string]bool{}
	for k, id := range s.savedIDs {
		if k != mine {
			others[id.id] = true
		}
	}
	var out []string
	for _, p := range s.savedPaths {
		if !others[strings.TrimSuffix(filepath.Base(p), ".json")] {
			out = append(out, p)
		}
	}
	return out
}

func (m Model) assetReportIDs() []string {
	var ids []string
	for i := len(m.walk.runs) - 1; i >= 0; i-- {
		if id := m.walk.runs[i].Result.AssetReportID; id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// resultsTop is the page above the API calls, and how many of its lines are pinned.
func (m Model) resultsTop(w int) (lines []string, pin int) {
	st := m.st
	if done := m.doneText(); done != "" {
		lines = strings.Split(st.good.Render(wrapTo(done, w, 0)), "\n")
		pin = len(lines)
	}
	lines = append(lines, st.subtle.Render("Tokens: ↑/↓ choose · c copy · v reveal all · a another partner with this Item"))
	lines = append(lines, m.tokenRows()...)
	for _, id := range m.assetReportIDs() {
		lines = append(lines, st.lbl("asset_report_id")+oneLine(id))
	}
	return append(lines, m.itemRows(w)...), pin
}

// tokenRows list the tokens, masked until v; each row names its partner, as several
// processor_token rows look alike otherwise.
func (m Model) tokenRows() []string {
	st := m.st
	toks := m.tokens()
	ownerW, kindW := columnWidths(toks)
	var rows []string
	for i, t := range toks {
		cursor := "  "
		if i == m.results.sel {
			cursor = st.selected.Render("> ")
		}
		label := cursor + st.subtle.Render(fmt.Sprintf("%-*s %-*s ", ownerW, oneLine(t.owner), kindW, t.kind))
		if m.results.revealed { // whole tokens get a line of their own so they are never cut
			rows = append(rows, label, "    "+oneLine(t.value))
			continue
		}
		rows = append(rows, label+oneLine(plaidflow.Mask(t.value)))
	}
	return rows
}

// itemRows are the Item, the account and where the session was saved.
func (m Model) itemRows(w int) []string {
	st := m.st
	a := m.walk.account
	accountLabel := "account"
	if m.walk.partner.Flow == plaidflow.FlowCreditRelay {
		accountLabel = "account (noted)" // the report covers them all
	}
	rows := []string{
		st.lbl("item_id") + oneLine(m.walk.item.ItemID),
		st.lbl(accountLabel) + oneLine(fmt.Sprintf("%s %s %s/%s (%s)", a.Name, a.Mask, a.Type, a.Subtype, a.ID)),
	}
	if saved := m.savedText(); saved != "" {
		rows = append(rows, strings.Split(st.lbl("session saved")+wrapTo(saved, w-labelWidth, labelWidth), "\n")...)
	}
	return rows
}

// resultCalls are the calls of the newest token's walk: the Item's, then that partner's own.
// After "another partner" the first partner's calls are not this one's path (l shows them all).
func (m Model) resultCalls() []plaidflow.Call {
	if len(m.walk.runs) == 0 {
		return nil
	}
	return m.filled(m.walk.runs[len(m.walk.runs)-1].session).Record.Calls
}

// chosenCall is the index in resultCalls of the call whose curl is shown.
func (m Model) chosenCall() int {
	n := len(m.resultCalls())
	return n - 1 - min(m.results.call, n-1)
}

// chosenCurl is the chosen call's curl as screen lines, and the line that heads it.
func (m Model) chosenCurl(w int) (head string, curl []string) {
	curl, cut := curlScreenLines(sanitize(plaidflow.CurlFor(m.deps.Config.BaseURL, m.resultCalls()[m.chosenCall()])), w)
	head = "curl (keys as $PLAID_CLIENT_ID / $PLAID_SECRET"
	if cut {
		head += "; … cuts, y copies whole"
	}
	if m.deps.Config.Env == plaidflow.EnvOffline {
		// The built-in emulator lives as long as the UI: a copied curl run later finds nothing.
		head += "; this port is the built-in emulator's, gone when plaidwalk quits"
	}
	return head + "):", curl
}

// viewCalls lists every call on one line and shows the curl of the chosen one (←/→); focus
// is the chosen call's line (-1: no calls).
func (m Model) viewCalls(w int) (lines []string, focus int) {
	st := m.st
	calls := m.resultCalls()
	if len(calls) == 0 {
		return nil, -1
	}
	head := st.bold.Render("API calls") + st.subtle.Render(" (←/→ choose the curl shown; pgup/pgdn scroll)")
	if n := len(m.walk.runs); n > 1 { // the earlier partners' calls are left out: say whose these are
		head = st.bold.Render("API calls for "+m.walk.runs[n-1].Partner.Name) + st.subtle.Render(" (←/→ choose the curl; l all calls)")
	}
	lines = []string{"", head}
	chosen := m.chosenCall()
	for i, c := range calls {
		cursor := "  "
		if i == chosen {
			cursor, focus = st.selected.Render("> "), len(lines)
		}
		lines = append(lines, cursor+truncate(callLine(c), w-2))
	}
	head, curl := m.chosenCurl(w)
	lines = append(lines, strings.Split(st.subtle.Render(wrapTo(head, w, 0)), "\n")...)
	for _, line := range curl {
		lines = append(lines, st.faint.Render(line))
	}
	return lines, focus
}

// columnWidths are the widths of the partner and kind columns of the token list.
func columnWidths(toks []namedToken) (owner, kind int) {
	for _, t := range toks {
		owner = max(owner, len([]rune(oneLine(t.owner))))
		kind = max(kind, len(t.kind))
	}
	return owner, kind
}
