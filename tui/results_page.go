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

func (p resultsPage) resultsExtent(w int) resultsExtent {
	pin := lineCount(p.doneText(), w)
	top := pin + 1 + len(p.tokens()) + len(p.assetReportIDs()) + 2
	if p.revealed {
		top += len(p.tokens()) // a whole token has a line of its own
	}
	if saved := p.savedText(); saved != "" {
		top += lineCount(saved, w-labelWidth)
	}
	if len(p.resultCalls()) == 0 {
		return resultsExtent{lines: top, pin: pin, focus: -1}
	}
	head, curl := p.chosenCode(w)
	calls := 2 + len(p.resultCalls()) + lineCount(head, w) + len(curl)
	return resultsExtent{lines: top + calls, pin: pin, focus: top + 2 + p.chosenCall()}
}

// lineCount is how many lines wrapTo makes of s at width w ("" makes none).
func lineCount(s string, w int) int {
	if s == "" {
		return 0
	}
	return strings.Count(wrapTo(s, w, 0), "\n") + 1
}

// doneText says what the last walk made ("" before any).
func (p resultsPage) doneText() string {
	n := len(p.env.walk.runs)
	if n == 0 {
		return ""
	}
	r := p.env.walk.runs[n-1]
	if r.Partner.Flow == plaidflow.FlowCreditRelay {
		return "Done: " + r.Partner.Name + "'s relay token, for an Asset Report of the whole Item."
	}
	return fmt.Sprintf("Done: %s's token for %s %s.", r.Partner.Name, oneLine(r.Account.Name), oneLine(r.Account.Mask))
}

// savedText lists the last two files saved for the newest token's walk ("" when none).
func (p resultsPage) savedText() string {
	paths := p.ownSavedPaths()
	if len(paths) == 0 {
		return ""
	}
	return joinPaths(paths[max(len(paths)-2, 0):], p.env.deps.getenv("HOME"))
}

// ownSavedPaths leaves out the files of the other partners' walks (the state dir names a
// file after its session's id): after "another partner", the first one's file is not this
// walk's.
func (p resultsPage) ownSavedPaths() []string {
	s := p.env.walk.session
	mine := len(s.earlier) + len(p.env.walk.runs) - 1 // the newest run's place in sessionRecords
	others := map[string]bool{}
	for k, id := range s.savedIDs {
		if k != mine {
			others[id.id] = true
		}
	}
	var out []string
	for _, path := range s.savedPaths {
		if !others[strings.TrimSuffix(filepath.Base(path), ".json")] {
			out = append(out, path)
		}
	}
	return out
}

func (p resultsPage) assetReportIDs() []string {
	var ids []string
	for i := len(p.env.walk.runs) - 1; i >= 0; i-- {
		if id := p.env.walk.runs[i].Result.AssetReportID; id != "" {
			ids = append(ids, id)
		}
	}
	return ids
}

// resultsTop is the page above the API calls, and how many of its lines are pinned.
func (p resultsPage) resultsTop(w int) (lines []string, pin int) {
	st := p.env.st
	if done := p.doneText(); done != "" {
		lines = strings.Split(st.good.Render(wrapTo(done, w, 0)), "\n")
		pin = len(lines)
	}
	lines = append(lines, st.subtle.Render("Tokens: ↑/↓ choose · c copy · v reveal all · a another partner with this Item"))
	lines = append(lines, p.tokenRows()...)
	for _, id := range p.assetReportIDs() {
		lines = append(lines, st.lbl("asset_report_id")+oneLine(id))
	}
	return append(lines, p.itemRows(w)...), pin
}

// tokenRows list the tokens, masked until v; each row names its partner, as several
// processor_token rows look alike otherwise.
func (p resultsPage) tokenRows() []string {
	st := p.env.st
	toks := p.tokens()
	ownerW, kindW := columnWidths(toks)
	var rows []string
	for i, t := range toks {
		cursor := "  "
		if i == p.sel {
			cursor = st.selected.Render("> ")
		}
		label := cursor + st.subtle.Render(fmt.Sprintf("%-*s %-*s ", ownerW, oneLine(t.owner), kindW, t.kind))
		if p.revealed { // whole tokens get a line of their own so they are never cut
			rows = append(rows, label, "    "+oneLine(t.value))
			continue
		}
		rows = append(rows, label+oneLine(plaidflow.Mask(t.value)))
	}
	return rows
}

// itemRows are the Item, the account and where the session was saved.
func (p resultsPage) itemRows(w int) []string {
	st := p.env.st
	a := p.env.walk.account
	accountLabel := "account"
	if p.env.walk.partner.Flow == plaidflow.FlowCreditRelay {
		accountLabel = "account (noted)" // the report covers them all
	}
	rows := []string{
		st.lbl("item_id") + oneLine(p.env.walk.item.ItemID),
		st.lbl(accountLabel) + oneLine(fmt.Sprintf("%s %s %s/%s (%s)", a.Name, a.Mask, a.Type, a.Subtype, a.ID)),
	}
	if saved := p.savedText(); saved != "" {
		rows = append(rows, strings.Split(st.lbl("session saved")+wrapTo(saved, w-labelWidth, labelWidth), "\n")...)
	}
	return rows
}

// resultCalls are the calls of the newest token's walk: the Item's, then that partner's own.
// After "another partner" the first partner's calls are not this one's path (l shows them all).
func (p resultsPage) resultCalls() []plaidflow.Call {
	if len(p.env.walk.runs) == 0 {
		return nil
	}
	return p.env.walk.session.filled(p.env.walk.runs[len(p.env.walk.runs)-1].session).Record.Calls
}

// chosenCall is the index in resultCalls of the call whose curl is shown.
func (p resultsPage) chosenCall() int {
	n := len(p.resultCalls())
	return n - 1 - min(p.call, n-1)
}

// chosenCurl is the chosen call's curl as screen lines, and the line that heads it.
func (p resultsPage) chosenCurl(w int) (head string, curl []string) {
	curl, cut := curlScreenLines(sanitize(plaidflow.CurlFor(p.env.deps.Config.BaseURL, p.resultCalls()[p.chosenCall()])), w)
	head = "curl (keys as $PLAID_CLIENT_ID / $PLAID_SECRET"
	if cut {
		head += "; … cuts, y copies whole"
	}
	if p.env.deps.Config.Env == plaidflow.EnvOffline {
		// The built-in emulator lives as long as the UI: a copied curl run later finds nothing.
		head += "; this port is the built-in emulator's, gone when plaidwalk quits"
	}
	return head + "):", curl
}

// viewCalls lists every call on one line and shows the curl of the chosen one (←/→); focus
// is the chosen call's line (-1: no calls).
func (p resultsPage) viewCalls(w int) (lines []string, focus int) {
	st := p.env.st
	calls := p.resultCalls()
	if len(calls) == 0 {
		return nil, -1
	}
	head := st.bold.Render("API calls") + st.subtle.Render(" (←/→ choose the curl shown; g as code; pgup/pgdn scroll)")
	if n := len(p.env.walk.runs); n > 1 { // the earlier partners' calls are left out: say whose these are
		head = st.bold.Render("API calls for "+p.env.walk.runs[n-1].Partner.Name) + st.subtle.Render(" (←/→ choose the curl; l all calls)")
	}
	lines = []string{"", head}
	chosen := p.chosenCall()
	for i, c := range calls {
		cursor := "  "
		if i == chosen {
			cursor, focus = st.selected.Render("> "), len(lines)
		}
		lines = append(lines, cursor+truncate(callLine(c), w-2))
	}
	head, curl := p.chosenCode(w)
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
