package emulator

import (
	"io/fs"
	"net/http"
	"strings"

	"plaidwalk/assets"
)

// linkScriptPath is where Plaid serves Link's script; the emulator serves its drop-in there.
const linkScriptPath = "/link/v2/stable/link-initialize.js"

// linkFramePath is the page Plaid.create frames, under the same path as Plaid's own frame, so
// a page's CSP that admits Plaid's frame admits this one; /link/emulated/frame is its old name.
const linkFramePath = "/link/v2/stable/link.html"

// linkFiles maps the emulated Link's static URLs to their embedded files and types.
var linkFiles = map[string]struct{ file, ctype string }{
	linkScriptPath:                          {"link-initialize.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/link.css":        {"link.css", "text/css; charset=utf-8"},
	"/link/emulated/static/link.js":         {"link.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/screens.js":      {"screens.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/screens-mfa.js":  {"screens-mfa.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/screens-end.js":  {"screens-end.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/screens-auth.js": {"screens-auth.js", "text/javascript; charset=utf-8"},
	"/link/emulated/static/bank.css":        {"bank.css", "text/css; charset=utf-8"},
	"/link/emulated/static/bank.js":         {"bank.js", "text/javascript; charset=utf-8"},
}

// linkPageCSP is the policy of the emulated Link's pages: everything from the emulator's own
// origin, nothing inline.
const linkPageCSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"connect-src 'self'; base-uri 'none'; form-action 'none'"

// serveLink serves the emulated Link (paths under /link/v2/ and /link/emulated/).
func (e *Emulator) serveLink(w http.ResponseWriter, r *http.Request) {
	path := r.URL.Path
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	switch {
	case strings.HasPrefix(path, "/link/emulated/api/"):
		e.serveLinkAPI(w, r, strings.TrimPrefix(path, "/link/emulated/api/"))
	case path == linkFramePath || path == "/link/emulated/frame":
		// The frame is what Plaid.create embeds in the host page, so any page may frame it.
		serveLinkPage(w, r, "link.html", "")
	case strings.HasPrefix(path, "/link/emulated/hosted/"):
		serveLinkPage(w, r, "link.html", "; frame-ancestors 'none'")
	case path == "/link/emulated/oauth/bank":
		// A consent page must never be framed (clickjacking).
		serveLinkPage(w, r, "bank.html", "; frame-ancestors 'none'")
	default:
		f, ok := linkFiles[path]
		if !ok || (r.Method != http.MethodGet && r.Method != http.MethodHead) {
			http.NotFound(w, r)
			return
		}
		serveLinkFile(w, f.file, f.ctype)
	}
}

func serveLinkPage(w http.ResponseWriter, r *http.Request, file, extraCSP string) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		http.Error(w, "GET only", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Security-Policy", linkPageCSP+extraCSP)
	w.Header().Set("Cache-Control", "no-store")
	serveLinkFile(w, file, "text/html; charset=utf-8")
}

func serveLinkFile(w http.ResponseWriter, name, ctype string) {
	b, err := fs.ReadFile(assets.EmulatedLink, "emulink/"+name)
	if err != nil {
		http.Error(w, "emulated Link file missing from the build: "+name, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Write(b) //nolint:errcheck // the browser went away
}
