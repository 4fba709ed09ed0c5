package tui

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// The copied curl must run once pasted. The API log keeps bodies with masked tokens
// (access-sandbox-…eeee), which Plaid would refuse, so the copy puts the tokens back: whole
// when the user revealed them on the results screen, otherwise as shell variables
// ("$ACCESS_TOKEN") with a comment naming what to set. The screen keeps showing the masked curl.

// varMark brackets a placeholder inside the JSON body until the curl is built; it holds no
// quote, so CurlFor's shell quoting leaves it as it is.
const varMark = "@@plaidwalk-var@@"

// curlToCopy is the curl for c, ready to run; vars are the shell variables it expects.
func (p resultsPage) curlToCopy(c plaidflow.Call) (curl string, vars []string) {
	full := map[string]string{} // masked form -> whole token
	if p.revealed {
		for _, t := range p.knownTokens() {
			if t != "" {
				full[plaidflow.Mask(t)] = t
			}
		}
	}
	seen := map[string]bool{}
	if body, ok := fillTokens(c.RequestBody, full, seen); ok {
		c.RequestBody = body
	}
	curl = plaidflow.CurlFor(p.env.deps.Config.BaseURL, c)
	for name := range seen {
		vars = append(vars, name)
		curl = strings.ReplaceAll(curl, varMark+name+varMark, `'"$`+name+`"'`)
	}
	sort.Strings(vars)
	if len(vars) > 0 {
		curl = "# set " + strings.Join(vars, ", ") + " first (plaidwalk copies whole tokens once v reveals them)\n" + curl
	}
	return curl, vars
}

// fillTokens replaces every masked token in a JSON body: by the whole token when full has it,
// else by a placeholder named after its field, recorded in vars.
func fillTokens(body string, full map[string]string, vars map[string]bool) (string, bool) {
	var v any
	dec := json.NewDecoder(strings.NewReader(body))
	dec.UseNumber()
	if body == "" || dec.Decode(&v) != nil {
		return body, false
	}
	v = fillValue("", v, full, vars)
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	if enc.Encode(v) != nil {
		return body, false
	}
	return strings.TrimRight(out.String(), "\n"), true
}

func fillValue(key string, v any, full map[string]string, vars map[string]bool) any {
	switch t := v.(type) {
	case map[string]any:
		for k, child := range t {
			t[k] = fillValue(k, child, full, vars)
		}
	case []any:
		for i, child := range t {
			if s, ok := child.(string); ok && len(t) > 1 {
				t[i] = fillToken(key, fmt.Sprintf("_%d", i+1), s, full, vars)
				continue
			}
			t[i] = fillValue(key, child, full, vars)
		}
	case string:
		return fillToken(key, "", t, full, vars)
	}
	return v
}

// fillToken puts back one masked token of the field key (suffix tells apart the tokens of a list).
func fillToken(key, suffix, s string, full map[string]string, vars map[string]bool) string {
	if !strings.Contains(s, "…") {
		return s
	}
	if whole, ok := full[s]; ok {
		return whole
	}
	if !strings.HasSuffix(key, "_token") && !strings.HasSuffix(key, "_tokens") && key != "token" {
		return s // not a token the log masked
	}
	name := strings.ToUpper(strings.TrimSuffix(key, "s")) + suffix
	vars[name] = true
	return varMark + name + varMark
}

// knownTokens are the whole tokens this walk has seen, to put back into a copied curl.
func (p resultsPage) knownTokens() []string {
	w := p.env.walk
	out := []string{w.item.AccessToken, w.publicToken, w.token.Token}
	for _, r := range w.runs {
		for _, t := range r.Result.Tokens {
			out = append(out, t.Value)
		}
	}
	for _, s := range w.session.earlier {
		res := s.Record.Result
		out = append(out, res.Item.AccessToken, res.LinkToken.Token)
		for _, t := range res.Result.Tokens {
			out = append(out, t.Value)
		}
	}
	return out
}

// curlScreenLines lays the shown curl out for a pane w cells wide. Lines break only where the
// curl itself continues (` \`): a break inside a quoted string would make a copied-by-hand
// curl wrong. The URL is never cut: when the first line is too wide the URL moves to a
// continuation line of its own. A line still too wide (a long JSON body) is cut with … at the
// right edge; cut reports that, so the pane can say y copies the whole curl.
func curlScreenLines(curl string, w int) (lines []string, cut bool) {
	const indent = "  "
	for _, line := range strings.Split(curl, "\n") {
		if len(lines) == 0 && ansi.StringWidth(indent+line) > w {
			if head, url, ok := strings.Cut(line, " '"); ok {
				lines = append(lines, indent+head+` \`)
				line = "  '" + url
				if ansi.StringWidth(indent+line) > w { // the URL keeps its whole self, indent or not
					lines = append(lines, "'"+url)
					continue
				}
			}
		}
		if ansi.StringWidth(indent+line) > w {
			line, cut = truncate(indent+line, w), true
			lines = append(lines, line)
			continue
		}
		lines = append(lines, indent+line)
	}
	return lines, cut
}
