package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/codegen"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// The code view: the chosen call as curl or as code with Plaid's library in one of
// codegen.Languages, on the results page and in the call detail. g switches the language (the
// choice is kept for the rest of the UI; --lang or PLAIDWALK_LANG picks the first); y copies
// what is shown. Code is never cut on screen at a place that would change it: long lines end
// with … and y copies them whole.

// codeLangs are the views g goes through, curl first.
var codeLangs = append([]string{"curl"}, codegen.Languages...)

// codeLangNextMsg: g: show the next language.
type codeLangNextMsg struct{}

// nextCodeLang is the language after cur ("" is curl).
func nextCodeLang(cur string) string {
	for i, l := range codeLangs {
		if l == cur {
			return codeLangs[(i+1)%len(codeLangs)]
		}
	}
	return codeLangs[1]
}

// isCurl reports whether the code view shows curl.
func isCurl(lang string) bool { return lang == "" || lang == "curl" }

// callCode is c in lang (not curl), or the reason there is none, cleaned for the screen.
func callCode(lang string, c plaidflow.Call) string {
	code, err := codegen.Snippet(lang, sessions.FromFlowCall(c))
	if err != nil {
		return "# " + oneLine(err.Error())
	}
	return sanitize(code)
}

// chosenCode is the chosen call's code in the view's language: a head line and the code's
// lines, each cut to w (curl keeps its own layout).
func (p resultsPage) chosenCode(w int) (head string, lines []string) {
	if isCurl(p.env.codeLang) {
		return p.chosenCurl(w)
	}
	code := callCode(p.env.codeLang, p.resultCalls()[p.chosenCall()])
	for _, l := range strings.Split(strings.TrimRight(code, "\n"), "\n") {
		lines = append(lines, truncate(strings.ReplaceAll(l, "\t", "  "), w))
	}
	return p.env.codeLang + " with Plaid's library (g: next language; … cuts, y copies whole):", lines
}

// copyCode copies the chosen call in the view's language; curl as copyCurl does.
func (p resultsPage) copyCode() tea.Cmd {
	if isCurl(p.env.codeLang) {
		return p.copyCurl()
	}
	c := p.resultCalls()[p.chosenCall()]
	return p.env.copy(callCode(p.env.codeLang, c), p.env.codeLang+" for "+c.Path)
}

// detailCode is the code section of the call detail: the call in the view's language.
func detailCode(lang, baseURL string, c plaidflow.Call) string {
	if isCurl(lang) {
		return "curl (g: code in another language):\n" + sanitize(plaidflow.CurlFor(baseURL, c))
	}
	return lang + " with Plaid's library (g: next language):\n" + strings.ReplaceAll(callCode(lang, c), "\t", "  ")
}

// detailCodeKey is g (next language) or y (copy the code) in the call detail.
func (m Model) detailCodeKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) {
	c := m.calls[min(max(m.detail.index, 0), len(m.calls)-1)]
	if key.Matches(msg, m.keys.CodeLang) {
		m.codeLang = nextCodeLang(m.codeLang)
		m.refreshCallDetail()
		return m, nil
	}
	if isCurl(m.codeLang) {
		return m, m.env().copy(plaidflow.CurlFor(m.deps.Config.BaseURL, c), "curl for "+c.Path)
	}
	return m, m.env().copy(callCode(m.codeLang, c), m.codeLang+" for "+c.Path)
}

// cutLines cuts each line of s to w cells (… marks a cut; y copies the whole).
func cutLines(s string, w int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	for i, l := range lines {
		lines[i] = truncate(l, w)
	}
	return strings.Join(lines, "\n")
}
