package linkserver

import (
	"fmt"
	"net/url"
	"strings"
)

// compilePage turns the page's template into ops, each value tagged with its context. The
// template uses Go's template syntax, but only what the page needs is understood: text,
// {{.Field}}, {{if .Flag}} and {{if eq .Field "literal"}}, with {{else}} and {{end}}; anything
// else is an error, so the page cannot silently grow an unescaped form. (text/template's parser
// is not used: the binary is smaller without it.)
func compilePage(name, text string) ([]pageOp, error) {
	p := &pageParser{text: text, line: 1}
	var h htmlScan
	ops, end, err := p.list(&h)
	switch {
	case err != nil:
		return nil, fmt.Errorf("linkserver: page %s: %w", name, err)
	case end != "":
		return nil, fmt.Errorf("linkserver: page %s: line %d: {{%s}} without {{if}}", name, p.line, end)
	case h.state != sText:
		return nil, fmt.Errorf("linkserver: page %s ends inside a tag, comment or script", name)
	}
	return ops, nil
}

// pageParser reads the template from text, one piece at a time.
type pageParser struct {
	text string
	line int
}

// list compiles pieces up to {{else}}, {{end}} or the end of the text, and says which ended it
// ("" for the text's end).
func (p *pageParser) list(h *htmlScan) ([]pageOp, string, error) {
	var ops []pageOp
	for p.text != "" {
		open := strings.Index(p.text, "{{")
		if open != 0 {
			if open < 0 {
				open = len(p.text)
			}
			lit := p.text[:open]
			h.feed(lit)
			ops, p.text, p.line = append(ops, pageOp{lit: lit}), p.text[open:], p.line+strings.Count(lit, "\n")
			continue
		}
		closing := strings.Index(p.text, "}}")
		if closing < 0 {
			return nil, "", fmt.Errorf("line %d: {{ without }}", p.line)
		}
		action := strings.TrimSpace(p.text[2:closing])
		p.text = p.text[closing+2:]
		switch words := strings.Fields(action); {
		case action == "else" || action == "end":
			return ops, action, nil
		case len(words) > 0 && words[0] == "if":
			op, err := p.branch(words[1:], h)
			if err != nil {
				return nil, "", err
			}
			ops = append(ops, op)
		case len(words) == 1 && strings.HasPrefix(action, ".") && knownField(action[1:]):
			op, err := valueOp(action[1:], h)
			if err != nil {
				return nil, "", fmt.Errorf("line %d: %w", p.line, err)
			}
			ops = append(ops, op)
		default:
			return nil, "", fmt.Errorf("line %d: {{%s}} is not a page value", p.line, action)
		}
	}
	return ops, "", nil
}

// valueOp is a {{.Field}} where the scanner stands.
func valueOp(field string, h *htmlScan) (pageOp, error) {
	ctx, err := h.context(field)
	if err != nil {
		return pageOp{}, err
	}
	if h.state == sValue {
		h.valueLen++
	}
	return pageOp{field: field, ctx: ctx}, nil
}

// branch compiles {{if ...}} from the words after "if". Both branches start where the scanner
// stands and must end in the same context, as html/template requires, or what follows would be
// escaped for the wrong place.
func (p *pageParser) branch(words []string, h *htmlScan) (pageOp, error) {
	c := &pageCond{}
	switch {
	case len(words) == 1 && strings.HasPrefix(words[0], ".") && knownFlag(words[0][1:]):
		c.field = words[0][1:]
	case len(words) == 3 && words[0] == "eq" && strings.HasPrefix(words[1], ".") && knownField(words[1][1:]) &&
		len(words[2]) >= 2 && strings.HasPrefix(words[2], `"`) && strings.HasSuffix(words[2], `"`):
		c.field, c.equals, c.isEq = words[1][1:], words[2][1:len(words[2])-1], true
	default:
		return pageOp{}, fmt.Errorf("line %d: {{if %s}} is not a page condition", p.line, strings.Join(words, " "))
	}
	line, hElse := p.line, *h
	then, end, err := p.list(h)
	if err == nil && end == "else" {
		c.els, end, err = p.list(&hElse)
	}
	switch {
	case err != nil:
		return pageOp{}, err
	case end != "end":
		return pageOp{}, fmt.Errorf("line %d: {{if}} without {{end}}", line)
	case h.where() != hElse.where():
		return pageOp{}, fmt.Errorf("line %d: the branches of {{if %s}} end in different places in the HTML", line, strings.Join(words, " "))
	}
	c.then = then
	h.valueLen = max(h.valueLen, hElse.valueLen)
	return pageOp{cond: c}, nil
}

// escapeHTML makes a value inert as element text and inside a quoted attribute: it escapes the
// five characters that could end either, and NUL, which parsers treat inconsistently.
var escapeHTML = strings.NewReplacer(
	"&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "\x00", "\uFFFD",
).Replace

// unsafeURL replaces a URL the page must not load, as html/template's #ZgotmplZ did.
const unsafeURL = "about:invalid#plaidwalk-unsafe-url"

// safeURL keeps only an http(s) URL with no spaces or control characters; a browser drops
// those inside a scheme, which is how "java\tscript:" gets past a naive check.
func safeURL(raw string) string {
	if strings.ContainsFunc(raw, func(r rune) bool { return r <= ' ' || r == 0x7f }) {
		return unsafeURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return unsafeURL
	}
	return raw
}
