package linkserver

import (
	"fmt"
	"net/url"
	"strings"
	"text/template/parse"
)

// compilePage turns the page's template into ops, each value tagged with its context. Only what
// the page uses is understood: text, {{.Field}}, {{if .Flag}} and {{if eq .Field "literal"}}
// with {{else}}; anything else is an error, so the page cannot silently grow an unescaped form.
func compilePage(name, text string) ([]pageOp, error) {
	tree := parse.New(name)
	tree.Mode = parse.SkipFuncCheck
	if _, err := tree.Parse(text, "", "", map[string]*parse.Tree{}); err != nil {
		return nil, err
	}
	var h htmlScan
	ops, err := compileList(tree.Root, &h)
	if err != nil {
		return nil, fmt.Errorf("linkserver: page %s: %w", name, err)
	}
	if h.state != sText {
		return nil, fmt.Errorf("linkserver: page %s ends inside a tag, comment or script", name)
	}
	return ops, nil
}

func compileList(list *parse.ListNode, h *htmlScan) ([]pageOp, error) {
	if list == nil {
		return nil, nil
	}
	var ops []pageOp
	for _, n := range list.Nodes {
		switch n := n.(type) {
		case *parse.TextNode:
			h.feed(string(n.Text))
			ops = append(ops, pageOp{lit: string(n.Text)})
		case *parse.ActionNode:
			field, ok := loneField(n.Pipe)
			if !ok || !knownField(field) {
				return nil, fmt.Errorf("line %d: %s is not a page value", n.Line, n)
			}
			ctx, err := h.context(field)
			if err != nil {
				return nil, fmt.Errorf("line %d: %w", n.Line, err)
			}
			if h.state == sValue {
				h.valueLen++
			}
			ops = append(ops, pageOp{field: field, ctx: ctx})
		case *parse.IfNode:
			op, err := compileIf(n, h)
			if err != nil {
				return nil, err
			}
			ops = append(ops, op)
		default:
			return nil, fmt.Errorf("%s is not supported in the page", n)
		}
	}
	return ops, nil
}

// compileIf compiles both branches from the same position; they must end in the same context,
// as html/template requires, or what follows would be escaped for the wrong place.
func compileIf(n *parse.IfNode, h *htmlScan) (pageOp, error) {
	c := &pageCond{}
	if field, ok := loneField(n.Pipe); ok && knownFlag(field) {
		c.field = field
	} else if field, lit, ok := eqField(n.Pipe); ok && knownField(field) {
		c.field, c.equals, c.isEq = field, lit, true
	} else {
		return pageOp{}, fmt.Errorf("line %d: {{if %s}} is not a page condition", n.Line, n.Pipe)
	}
	hElse := *h
	var err error
	if c.then, err = compileList(n.List, h); err != nil {
		return pageOp{}, err
	}
	if c.els, err = compileList(n.ElseList, &hElse); err != nil {
		return pageOp{}, err
	}
	if h.where() != hElse.where() {
		return pageOp{}, fmt.Errorf("line %d: the branches of {{if %s}} end in different places in the HTML", n.Line, n.Pipe)
	}
	h.valueLen = max(h.valueLen, hElse.valueLen)
	return pageOp{cond: c}, nil
}

// loneField reads a pipeline that is just {{.Name}}.
func loneField(p *parse.PipeNode) (string, bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 1 {
		return "", false
	}
	f, ok := p.Cmds[0].Args[0].(*parse.FieldNode)
	if !ok || len(f.Ident) != 1 {
		return "", false
	}
	return f.Ident[0], true
}

// eqField reads a pipeline that is just eq .Name "literal".
func eqField(p *parse.PipeNode) (field, lit string, ok bool) {
	if p == nil || len(p.Decl) > 0 || len(p.Cmds) != 1 || len(p.Cmds[0].Args) != 3 {
		return "", "", false
	}
	args := p.Cmds[0].Args
	fn, isIdent := args[0].(*parse.IdentifierNode)
	f, isField := args[1].(*parse.FieldNode)
	s, isString := args[2].(*parse.StringNode)
	if !isIdent || fn.Ident != "eq" || !isField || len(f.Ident) != 1 || !isString {
		return "", "", false
	}
	return f.Ident[0], s.Text, true
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
