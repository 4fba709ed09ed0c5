package linkserver

import (
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"
)

// routes is the whole surface: the page and its files under /<secret>/, the callbacks under
// /<secret>/callback/<kind>, and the OAuth return path when a redirect_uri is set.
func (s *Server) routes() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		setPageHeaders(w.Header())
		if err := s.checkHost(r); err != nil {
			writeRefusal(w, err)
			return
		}
		if s.redirectPath != "" && r.URL.EscapedPath() == s.redirectPath {
			s.servePage(w, r, pageModeOAuth)
			return
		}
		rest, ok := s.stripSecret(r.URL.Path)
		if !ok {
			writeRefusal(w, refuse(http.StatusForbidden, "missing or wrong session secret"))
			return
		}
		switch {
		case rest == "":
			s.servePage(w, r, pageModeLink)
		case rest == "session":
			s.serveSession(w, r)
		case strings.HasPrefix(rest, "callback/"):
			s.serveCallback(w, r, EventKind(strings.TrimPrefix(rest, "callback/")))
		default:
			http.NotFound(w, r)
		}
	})
}

// stripSecret checks the first path segment against the secret in constant time and returns
// what follows it.
func (s *Server) stripSecret(path string) (string, bool) {
	path = strings.TrimPrefix(path, "/")
	first, rest, _ := strings.Cut(path, "/")
	if subtle.ConstantTimeCompare([]byte(first), []byte(s.secret)) != 1 {
		return "", false
	}
	return rest, true
}

func writeRefusal(w http.ResponseWriter, err error) {
	var r *errRefused
	if !errors.As(err, &r) {
		r = &errRefused{http.StatusBadRequest, err.Error()}
	}
	http.Error(w, "plaidwalk: "+r.why, r.status)
}

// serveSession gives the OAuth return page what it cannot carry in its URL: the link_token.
func (s *Server) serveSession(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		writeRefusal(w, refuse(http.StatusMethodNotAllowed, "GET only"))
		return
	}
	w.Header().Set("Content-Type", "application/json")
	json.NewEncoder(w).Encode(map[string]string{"link_token": s.opts.LinkToken}) //nolint:errcheck
}

// serveCallback receives one Link callback. Refusals never end the session: a stray or forged
// request gets its status and the wait goes on.
func (s *Server) serveCallback(w http.ResponseWriter, r *http.Request, kind EventKind) {
	if err := s.checkCallback(r); err != nil {
		writeRefusal(w, err)
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		writeRefusal(w, refuse(http.StatusRequestEntityTooLarge, "callback body too large"))
		return
	}
	ev, outcome, err := parseCallback(kind, body, time.Now())
	if err != nil {
		writeRefusal(w, err)
		return
	}
	if outcome != nil {
		if !s.finish(*outcome) {
			writeRefusal(w, refuse(http.StatusConflict, "this Link session already finished"))
			return
		}
	}
	s.publish(ev)
	w.Header().Set("Content-Type", "application/json")
	io.WriteString(w, `{"ok":true}`) //nolint:errcheck
}
