package linkserver

import (
	"fmt"
	"io/fs"
	"net/http"
	"strings"

	"plaidwalk/assets"
)

// pageMode is which of the two pages the template renders.
type pageMode string

const (
	pageModeLink  pageMode = "link"  // the page the terminal opens: starts Link with the link_token
	pageModeOAuth pageMode = "oauth" // the redirect_uri page: re-creates Link to finish a bank's OAuth
)

// pageData is everything the page shows; each value is escaped for the place it sits in
// (pagehtml.go finds that place when the page is compiled).
type pageData struct {
	Nonce     string
	Mode      pageMode
	Base      string // "/<secret>": where the page's files and callbacks live
	LinkToken string // empty on the OAuth page, which reads it from /<secret>/session
	ScriptURL string
	EnvLabel  string
	Offline   bool
}

// field is the value the page names {{.Name}}; an explicit switch, not reflection (see
// pagehtml.go for why).
func (d *pageData) field(name string) string {
	switch name {
	case "Nonce":
		return d.Nonce
	case "Mode":
		return string(d.Mode)
	case "Base":
		return d.Base
	case "LinkToken":
		return d.LinkToken
	case "ScriptURL":
		return d.ScriptURL
	case "EnvLabel":
		return d.EnvLabel
	}
	return ""
}

func knownField(name string) bool {
	switch name {
	case "Nonce", "Mode", "Base", "LinkToken", "ScriptURL", "EnvLabel", "CSS", "JS":
		return true
	}
	return false
}

// flag is the condition the page names {{if .Name}}.
func (d *pageData) flag(name string) bool { return name == "Offline" && d.Offline }

func knownFlag(name string) bool { return name == "Offline" }

// pageFiles are the page's compiled template and the files it inlines, read once at Start. The
// style and script are inline under the nonce so the OAuth page needs no second (secret-free)
// URL for its files.
type pageFiles struct {
	ops     []pageOp
	css, js string
}

func parsePage() (*pageFiles, error) {
	text, err := fs.ReadFile(assets.LinkPage, "linkpage/page.html")
	if err != nil {
		return nil, err
	}
	ops, err := compilePage("page.html", string(text))
	if err != nil {
		return nil, err
	}
	p := &pageFiles{ops: ops}
	for _, f := range []struct {
		name, tag string
		into      *string
	}{{"page.css", "style", &p.css}, {"page.js", "script", &p.js}} {
		b, err := fs.ReadFile(assets.LinkPage, "linkpage/"+f.name)
		if err != nil {
			return nil, err
		}
		// Our own embedded files, never user input, inlined as they are; they must not be able
		// to end or confuse the element that holds them.
		low := strings.ToLower(string(b))
		if strings.Contains(low, "</"+f.tag) || strings.Contains(low, "<!--") {
			return nil, fmt.Errorf("linkserver: linkpage/%s contains </%s or <!--, which would break out of the page's <%s>", f.name, f.tag, f.tag)
		}
		*f.into = string(b)
	}
	return p, nil
}

// render writes the page for d, each value through its context's escaper.
func (p *pageFiles) render(b *strings.Builder, ops []pageOp, d *pageData) {
	for _, op := range ops {
		switch {
		case op.cond != nil:
			c := op.cond
			on := d.flag(c.field)
			if c.isEq {
				on = d.field(c.field) == c.equals
			}
			if on {
				p.render(b, c.then, d)
			} else {
				p.render(b, c.els, d)
			}
		case op.field == "":
			b.WriteString(op.lit)
		case op.ctx == ctxStyle:
			b.WriteString(p.css)
		case op.ctx == ctxScript:
			b.WriteString(p.js)
		case op.ctx == ctxURL:
			b.WriteString(escapeHTML(safeURL(d.field(op.field))))
		default:
			b.WriteString(escapeHTML(d.field(op.field)))
		}
	}
}

// servePage renders the page with a fresh nonce and a CSP that names it. The OAuth page carries
// no secret in its URL (the redirect_uri is fixed in the Dashboard), so it holds no token: its
// script finds the session's secret in the tab's sessionStorage.
func (s *Server) servePage(w http.ResponseWriter, r *http.Request, mode pageMode) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		writeRefusal(w, refuse(http.StatusMethodNotAllowed, "GET only"))
		return
	}
	nonce, err := randomToken(18)
	if err != nil {
		http.Error(w, "plaidwalk: "+err.Error(), http.StatusInternalServerError)
		return
	}
	data := pageData{
		Nonce: nonce, Mode: mode, ScriptURL: s.opts.ScriptURL,
		EnvLabel: s.opts.EnvLabel, Offline: s.opts.Offline,
	}
	if mode == pageModeLink {
		data.Base, data.LinkToken = "/"+s.secret, s.opts.LinkToken
	}
	var b strings.Builder
	s.page.render(&b, s.page.ops, &data)
	w.Header().Set("Content-Security-Policy", s.csp(nonce))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	_, _ = w.Write([]byte(b.String()))
}
