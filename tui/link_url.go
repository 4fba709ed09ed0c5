package tui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// Hosted Link's URL can carry the whole link_token (the emulator's does). The link_token is
// masked on screen until v, so the URL shows it masked too: showing it in one line and hiding
// it in the next would protect nothing. o opens and c copies the real URL whatever is shown,
// and v shows the token and the URL whole, for opening it by hand (--no-browser).

// shownURL is url as the screen shows it: the link_token in it masked until revealed.
func (e stepEnv) shownURL(url string) string {
	tok := e.walk.token.Token
	if e.reveal || tok == "" || !strings.Contains(url, tok) {
		return url
	}
	return strings.ReplaceAll(url, tok, plaidflow.Mask(tok))
}

// shownLinkToken is the link_token as the screen shows it.
func (e stepEnv) shownLinkToken() string {
	if e.reveal {
		return e.walk.token.Token
	}
	return plaidflow.Mask(e.walk.token.Token)
}

// urlHidesToken: the URL on screen differs from the real one until v.
func (e stepEnv) urlHidesToken(url string) bool {
	tok := e.walk.token.Token
	return tok != "" && strings.Contains(url, tok)
}

// urlLines shows a URL on lines of its own, never with a line break of ours inside it when it
// fits the window: indented when there is room, else from the left edge. Bubble Tea cuts every
// line at the window's edge, so a wider URL cannot be left to the terminal to soft-wrap: it is
// split into pieces, each an OSC 8 hyperlink to the whole URL (a click opens it whole in
// terminals that know OSC 8), and c copies it whole anywhere. The pieces end after a / so
// that a token or secret in the path stays whole on a line; only a part wider than the window
// is cut at its edge.
func urlLines(url string, w int) string {
	switch {
	case ansi.StringWidth(url)+2 <= w:
		return "  " + url
	case ansi.StringWidth(url) <= w:
		return url
	}
	link := func(piece string) string { return ansi.SetHyperlink(url) + piece + ansi.ResetHyperlink() }
	var lines []string
	for rest := url; rest != ""; {
		head := ansi.Truncate(rest, max(w, 10), "")
		if cut := strings.LastIndex(head, "/") + 1; len(head) < len(rest) && cut > 0 && !strings.HasSuffix(head[:cut], "//") {
			head = head[:cut] // end the line after a /, never inside a path part
		}
		lines, rest = append(lines, link(head)), rest[len(head):]
	}
	return strings.Join(lines, "\n")
}

// urlKeysHint says how to get the real URL while the token in it is masked (or shown). The
// link_token screen has no c or o (the URL is not in use yet), so it asks without them.
func (e stepEnv) urlKeysHint(withCopyOpen bool) string {
	hint := "link_token masked: v shows the URL whole"
	if e.reveal {
		hint = "v masks the link_token again"
	}
	if !withCopyOpen {
		return hint
	}
	if e.reveal {
		return hint + " · c copies the URL · o opens it"
	}
	return hint + " · c copies it · o opens it"
}
