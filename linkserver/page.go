package linkserver

import (
	"html/template"
	"io/fs"
	"net/http"

	"plaidwalk/assets"
)

// pageMode is which of the two pages the template renders.
type pageMode string

const (
	pageModeLink  pageMode = "link"  // the page the terminal opens: starts Link with the link_token
	pageModeOAuth pageMode = "oauth" // the redirect_uri page: re-creates Link to finish a bank's OAuth
)

// pageData is everything the template shows; html/template escapes each value for its place.
type pageData struct {
	Nonce     string
	Mode      pageMode
	Base      string // "/<secret>": where the page's files and callbacks live
	LinkToken string // empty on the OAuth page, which reads it from /<secret>/session
	ScriptURL string
	EnvLabel  string
	Offline   bool
	CSS       template.CSS // the page's own style and script, inline under the nonce so the
	JS        template.JS  // OAuth page needs no second (secret-free) URL for its files
}

// pageFiles are the page's template and the files it inlines, read once at Start.
type pageFiles struct {
	tmpl *template.Template
	css  template.CSS
	js   template.JS
}

func parsePage() (*pageFiles, error) {
	t, err := template.ParseFS(assets.LinkPage, "linkpage/page.html")
	if err != nil {
		return nil, err
	}
	css, err := fs.ReadFile(assets.LinkPage, "linkpage/page.css")
	if err != nil {
		return nil, err
	}
	js, err := fs.ReadFile(assets.LinkPage, "linkpage/page.js")
	if err != nil {
		return nil, err
	}
	// Both are our own embedded files, never user input: safe to mark as trusted.
	return &pageFiles{tmpl: t, css: template.CSS(css), js: template.JS(js)}, nil
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
		EnvLabel: s.opts.EnvLabel, CSS: s.page.css, JS: s.page.js, Offline: s.opts.EnvLabel == "" || s.opts.EnvLabel == EnvOffline,
	}
	if data.EnvLabel == "" {
		data.EnvLabel = EnvOffline
	}
	if mode == pageModeLink {
		data.Base, data.LinkToken = "/"+s.secret, s.opts.LinkToken
	}
	w.Header().Set("Content-Security-Policy", s.csp(nonce))
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.page.tmpl.Execute(w, data); err != nil {
		http.Error(w, "plaidwalk: page failed to render", http.StatusInternalServerError)
	}
}
