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

// resultsPage is the results step at work: its own state and what it reads of the root.
type resultsPage struct {
	resultsModel
	env stepEnv
}

// namedToken is a row of the token list.
type namedToken struct {
	kind, value, requestID string
	owner                  string // the partner it was made for, or "the Item" for the access_token
}

func (p resultsPage) tokens() []namedToken {
	var out []namedToken
	for i := len(p.env.walk.runs) - 1; i >= 0; i-- {
		for _, t := range p.env.walk.runs[i].Result.Tokens {
			out = append(out, namedToken{kind: string(t.Kind), value: t.Value, requestID: t.RequestID, owner: p.env.walk.runs[i].Partner.Name})
		}
	}
	if at := p.env.walk.item.AccessToken; at != "" {
		out = append(out, namedToken{kind: "access_token", value: at, requestID: p.env.walk.item.RequestID, owner: "the Item"})
	}
	return out
}

// update handles the results' keys; a (another partner) finishes the step.
func (r resultsModel) update(msg tea.Msg, env stepEnv) (resultsModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return r, nil, nil
	}
	p := resultsPage{r, env}
	k := env.keys
	toks := p.tokens()
	switch {
	case key.Matches(km, k.Reveal): // the tokens are at the top of the page
		p.revealed = !p.revealed
		p.offset, p.follow = 0, false
	case key.Matches(km, k.Copy) && len(toks) > 0:
		t := toks[min(p.sel, len(toks)-1)]
		return r, env.copy(t.value, t.kind), nil
	case key.Matches(km, k.Up, k.Down): // the tokens are at the top of the page
		step := -1
		if key.Matches(km, k.Down) {
			step = 1
		}
		p.sel = min(max(p.sel+step, 0), max(len(toks)-1, 0))
		p.offset, p.follow = 0, false
	case key.Matches(km, k.CopyCurl) && len(p.resultCalls()) > 0:
		return r, p.copyCode(), nil
	case key.Matches(km, k.CodeLang):
		return r, nil, codeLangNextMsg{}
	case km.String() == "left":
		p.call = min(p.call+1, max(len(p.resultCalls())-1, 0))
		p.follow = true
	case km.String() == "right":
		p.call = max(p.call-1, 0)
		p.follow = true
	case key.Matches(km, k.PageDown, k.PageUp):
		page := max(env.height-2, 1)
		if key.Matches(km, k.PageUp) {
			page = -page
		}
		p.offset = max(p.resultsOffset(p.resultsExtent(env.width))+page, 0)
		p.follow = false
	case key.Matches(km, k.Another):
		return r, nil, anotherPartnerRequestedMsg{}
	case key.Matches(km, k.PartnerView) && len(env.walk.runs) > 0:
		return r, nil, partnerViewRequestedMsg{}
	case key.Matches(km, k.TryItem) && env.walk.item.AccessToken != "":
		return r, nil, tryItemRequestedMsg{}
	}
	return p.resultsModel, nil, nil
}

// copyCurl copies the chosen call's curl, ready to run.
func (p resultsPage) copyCurl() tea.Cmd {
	c := p.resultCalls()[p.chosenCall()]
	curl, vars := p.curlToCopy(c)
	what := "curl for " + c.Path
	if len(vars) > 0 {
		what += " (tokens as $" + strings.Join(vars, ", $") + ": set them, or v then y copies them whole)"
	}
	return p.env.copy(curl, what)
}

func (r resultsModel) view(env stepEnv) string { return resultsPage{r, env}.viewResults(env.width) }

func (r resultsModel) busy() bool { return false }

func (r resultsModel) help(env stepEnv) []key.Binding {
	k := env.keys
	// a comes after ctrl+s: the Tokens line names it too. g (code language) is named above
	// the calls: one more key would cut the full help at 80 columns.
	return join([]key.Binding{k.Reveal, withHelp(k.Copy, "copy"), k.Back}, env.saveKey(),
		[]key.Binding{k.Another, k.PartnerView, k.TryItem, withHelp(k.UpDown, "choose token"), k.Calls, k.CopyCurl, withHelp(k.PageDown, "scroll"), k.PageUp})
}

func (p resultsPage) viewResults(w int) string {
	top, pin := p.resultsTop(w)
	calls, focus := p.viewCalls(w)
	lines := append(top, calls...)
	ext := resultsExtent{lines: len(lines), pin: pin, focus: -1}
	if focus >= 0 {
		ext.focus = len(top) + focus
	}
	return strings.Join(append(lines[:pin:pin], lines[pin+p.resultsOffset(ext):]...), "\n")
}

// resultsOffset is the first line shown below the pinned "Done" lines: where the page opened
// or pgup/pgdn left it, else, once ←/→ chose a call, one that shows that call and as much of
// its curl as fits (at 80x24 it is below the fold otherwise; the curl ends the page).
func (p resultsPage) resultsOffset(e resultsExtent) int {
	n, focus := e.lines-e.pin, e.focus-e.pin
	h := p.env.height - e.pin
	off := p.offset
	if p.follow && e.focus >= 0 {
		off = min(max(n-h, 0), focus)
	}
	return max(min(off, n-h), 0)
}
