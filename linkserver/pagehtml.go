package linkserver

// The Link page is rendered without html/template. html/template executes through text/template,
// which calls reflect.Value.MethodByName with a name known only at run time; once that call is
// reachable the linker must keep every exported method of every type in the binary, and
// plaid-go's many accessors doubled plaidwalk's size. What html/template gave us is kept here: the
// page is read as HTML at Start, each {{.Value}} gets the escaper of the place it sits in (text,
// quoted attribute, URL attribute), and a value in a place no escaper here can make safe (inside a
// script or style, an event handler, a style attribute, an unquoted attribute, a tag or attribute
// name, a comment) is refused at Start rather than served.

import (
	"fmt"
	"strings"
)

// pageCtx is where in the HTML a value sits, which decides how it is escaped.
type pageCtx int

const (
	ctxText   pageCtx = iota // element text
	ctxAttr                  // a quoted attribute's value
	ctxURL                   // a quoted URL attribute whose value the slot starts
	ctxStyle                 // a <style> body: only the page's own CSS file may go there
	ctxScript                // a <script> body: only the page's own JS file may go there
)

// pageOp is one piece of the compiled page: literal markup, a value, or a branch.
type pageOp struct {
	lit   string
	field string // the value's name (pageData.field), when lit is empty and cond nil
	ctx   pageCtx
	cond  *pageCond
}

// pageCond is {{if .Flag}} or {{if eq .Field "literal"}}, with its two branches.
type pageCond struct {
	field, equals string
	isEq          bool
	then, els     []pageOp
}

// scanState is where the HTML scanner is between two bytes.
type scanState int

const (
	sText scanState = iota
	sTagOpen
	sTagName
	sInTag
	sAttrName
	sAfterName
	sBeforeValue
	sValue
	sUnquoted
	sRaw
	sComment
	sDecl
)

// htmlScan follows the page's markup far enough to know each value's context. It is strict on
// purpose: the page is our own file, so anything it does not follow is an error at Start.
type htmlScan struct {
	state    scanState
	tag      string // the tag being read, lower case
	closing  bool
	attr     string // the attribute being read, lower case
	quote    byte
	valueLen int    // bytes of the current attribute value so far (a slot counts as one)
	raw      string // "script" or "style" while inside their bodies
}

func (h *htmlScan) feed(s string) {
	for i := 0; i < len(s); i++ {
		i += h.step(s, i)
	}
}

// step moves over s[i] and returns how many more bytes it consumed.
func (h *htmlScan) step(s string, i int) int {
	c := s[i]
	switch h.state {
	case sText:
		if c == '<' {
			h.state, h.closing = sTagOpen, false
		}
	case sTagOpen, sTagName:
		return h.stepTagName(s, i)
	case sInTag, sAfterName, sAttrName, sBeforeValue:
		h.stepAttr(c)
	case sValue:
		if c == h.quote {
			h.state = sInTag
		} else {
			h.valueLen++
		}
	case sUnquoted:
		if c == '>' {
			h.endTag()
		} else if isSpace(c) {
			h.state = sInTag
		}
	case sComment:
		if strings.HasPrefix(s[i:], "-->") {
			h.state = sText
			return 2
		}
	case sDecl:
		if c == '>' {
			h.state = sText
		}
	case sRaw:
		if c == '<' && len(s)-i > len(h.raw)+1 && strings.EqualFold(s[i+1:i+2+len(h.raw)], "/"+h.raw) {
			h.state, h.tag, h.closing = sTagName, h.raw, true
			return 1 + len(h.raw)
		}
	}
	return 0
}

// stepTagName reads what follows '<': a comment, a declaration, or a tag's name.
func (h *htmlScan) stepTagName(s string, i int) int {
	c := s[i]
	if h.state == sTagName {
		switch {
		case c == '>':
			h.endTag()
		case isSpace(c) || c == '/':
			h.state = sInTag
		default:
			h.tag += string(lower(c))
		}
		return 0
	}
	switch {
	case strings.HasPrefix(s[i:], "!--"):
		h.state = sComment
		return 2
	case c == '!' || c == '?':
		h.state = sDecl
	case c == '/' && !h.closing:
		h.closing = true
	case isASCIILetter(c):
		h.state, h.tag = sTagName, string(lower(c))
	default:
		h.state = sText
	}
	return 0
}

// stepAttr reads a tag's attributes up to the opening quote of a value or the tag's end.
func (h *htmlScan) stepAttr(c byte) {
	switch {
	case c == '>':
		h.endTag()
	case h.state == sBeforeValue && (c == '"' || c == '\''):
		h.state, h.quote, h.valueLen = sValue, c, 0
	case h.state == sBeforeValue:
		if !isSpace(c) {
			h.state = sUnquoted
		}
	case c == '=' && (h.state == sAttrName || h.state == sAfterName):
		h.state = sBeforeValue
	case isSpace(c) || c == '/':
		if h.state == sAttrName {
			h.state = sAfterName
		}
	case h.state == sAttrName:
		h.attr += string(lower(c))
	default: // a new attribute's first letter, in a tag or after a name without a value
		h.state, h.attr = sAttrName, string(lower(c))
	}
}

// where is the part of the scanner's state that decides a value's context.
func (h *htmlScan) where() string {
	switch h.state {
	case sValue:
		return fmt.Sprintf("value of %s, quoted by %c", h.attr, h.quote)
	case sRaw:
		return "inside <" + h.raw + ">"
	case sText:
		return "text"
	}
	return fmt.Sprintf("state %d in <%s", h.state, h.tag)
}

// endTag is '>': a <script> or <style> opens a raw body, anything else returns to text.
func (h *htmlScan) endTag() {
	h.state = sText
	if !h.closing && (h.tag == "script" || h.tag == "style") {
		h.state, h.raw = sRaw, h.tag
	}
}

// context says how a value at the scanner's position is escaped, or why it cannot be.
func (h *htmlScan) context(field string) (pageCtx, error) {
	trusted := field == "CSS" || field == "JS"
	switch {
	case trusted && h.state != sRaw:
		return 0, fmt.Errorf("{{.%s}} is a file of the page's own and goes only in its <style> or <script>", field)
	case h.state == sText:
		return ctxText, nil
	case h.state == sValue && (strings.HasPrefix(h.attr, "on") || h.attr == "style"):
		return 0, fmt.Errorf("{{.%s}} sits in the %s attribute, which is script or CSS", field, h.attr)
	case h.state == sValue && urlAttrs[h.attr] && h.valueLen > 0:
		return 0, fmt.Errorf("{{.%s}} sits inside the %s URL; only a whole URL is checked", field, h.attr)
	case h.state == sValue && urlAttrs[h.attr]:
		return ctxURL, nil
	case h.state == sValue:
		return ctxAttr, nil
	case h.state == sRaw && h.raw == "style" && field == "CSS":
		return ctxStyle, nil
	case h.state == sRaw && h.raw == "script" && field == "JS":
		return ctxScript, nil
	case h.state == sRaw:
		return 0, fmt.Errorf("{{.%s}} sits inside a <%s>, where only the page's own file may go", field, h.raw)
	}
	return 0, fmt.Errorf("{{.%s}} sits where no value may go (a tag, an attribute name, an unquoted value or a comment)", field)
}

// urlAttrs are the attributes a browser loads or follows as URLs.
var urlAttrs = map[string]bool{"src": true, "href": true, "action": true, "formaction": true, "poster": true, "cite": true, "srcset": true}

func isSpace(c byte) bool       { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' }
func isASCIILetter(c byte) bool { return lower(c) >= 'a' && lower(c) <= 'z' }
func lower(c byte) byte {
	if c >= 'A' && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}
