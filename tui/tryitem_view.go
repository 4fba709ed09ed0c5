package tui

import (
	"fmt"
	"strings"

	"plaidwalk/plaidflow"
)

// The Try the Item screen's two faces: the list of calls, and a call's outcome (its error,
// then each call it made in full, as the call detail lays them out, with its curl or code).

func (t tryItemModel) view(env stepEnv) string {
	switch {
	case t.running != "":
		return env.spin + " Calling " + t.running + " with the Item's access_token …"
	case t.tried != "":
		return t.viewOutcome(env)
	}
	return t.viewList(env)
}

func (t tryItemModel) viewList(env stepEnv) string {
	st, w := env.st, env.width
	calls := env.walk.tryCalls()
	products := strings.Join(env.walk.accounts.Products, ", ")
	intro := "Calls the Item's products (" + oneLine(products) + ") and accounts allow, made with the walk's access_token (masked in all shown)."
	head := append(strings.Split(st.subtle.Render(wrapTo(intro, w, 0)), "\n"), "")
	if env.deps.Config.Env == plaidflow.EnvProduction { // real data, and some calls are billed per call
		warn := "Production: these calls read the real account, and some are billed each time (balance, Signal, Asset Reports)."
		head = append(strings.Split(st.warn.Render(wrapTo(warn, w, 0)), "\n"), head...)
	}
	if len(calls) == 0 {
		return strings.Join(append(head, "No call to offer: the Item's products and accounts are unknown."), "\n")
	}
	sel := min(t.sel, len(calls)-1)
	pathW := 0
	for _, c := range calls {
		pathW = max(pathW, len(c.Path))
	}
	var rows []string
	for i, c := range calls {
		cursor := "  "
		line := fmt.Sprintf("%-*s  %s", pathW, c.Path, c.About)
		if i == sel {
			cursor, line = st.selected.Render("> "), st.selected.Render(truncate(line, w-2))
		} else {
			line = truncate(line, w-2)
		}
		rows = append(rows, cursor+line)
	}
	about := calls[sel].About + "."
	if p := calls[sel].Params; p != "" {
		about += " Made with defaults: " + p + "."
	}
	foot := append([]string{""}, strings.Split(st.subtle.Render(wrapTo(about, w, 0)), "\n")...)
	room := max(env.height-len(head)-len(foot), 1)
	first := min(max(sel-room+1, 0), max(len(rows)-room, 0))
	rows = rows[first:min(first+room, len(rows))]
	return strings.Join(append(append(head, rows...), foot...), "\n")
}

// outcomeLines are the whole outcome, before scrolling.
func (t tryItemModel) outcomeLines(env stepEnv) []string {
	st, w := env.st, env.width
	head := "Tried " + t.tried
	if tc, ok := plaidflow.TryCallFor(t.tried); ok && tc.Params != "" {
		head += " · made with defaults: " + tc.Params
	}
	lines := strings.Split(st.accent.Render(wrapTo(head, w, 0)), "\n")
	if t.err != nil {
		f := failureFrom(stepTryItem, t.err)
		lines = append(lines, strings.Split(failurePanel(st, f, w, "r call again · esc the calls"), "\n")...)
	}
	for i, c := range t.calls {
		if i > 0 || t.err != nil {
			lines = append(lines, "")
		}
		lines = append(lines, strings.Split(formatCallDetail(c, w), "\n")...)
		lines = append(lines, "")
		lines = append(lines, strings.Split(cutLines(detailCode(env.codeLang, env.deps.Config.BaseURL, c), w), "\n")...)
	}
	return lines
}

func (t tryItemModel) viewOutcome(env stepEnv) string {
	lines := t.outcomeLines(env)
	h := max(env.height-1, 1) // the last line says where the page is
	off := min(t.offset, max(len(lines)-h, 0))
	shown := lines[off:min(off+h, len(lines))]
	where := fmt.Sprintf("lines %d–%d of %d · ↑/↓ pgup/pgdn scroll · g code language · y copy", off+1, off+len(shown), len(lines))
	return strings.Join(append(shown, env.st.subtle.Render(truncate(where, env.width))), "\n")
}
