package plaidflow

import (
	"strings"
	"testing"
)

// The hosted_link_url comes from the host: only an https page, or http on loopback (an
// emulator), with no control characters, is printed, copied or opened.
func TestHostedLinkURLIsCheckedBeforeItIsOpened(t *testing.T) {
	for _, tt := range []struct {
		raw, want string // want "" means refused
	}{
		{"https://secure.plaid.com/hl/abc123", "https://secure.plaid.com/hl/abc123"},
		{"http://127.0.0.1:4000/link/emulated/hosted/link-sandbox-1", "http://127.0.0.1:4000/link/emulated/hosted/link-sandbox-1"},
		{"http://localhost:4000/x", "http://localhost:4000/x"},
		{"", ""},
		{"http://plaid.example.com/hl/abc", ""},
		{"javascript:alert(1)", ""},
		{"file:///etc/passwd", ""},
		{"https://secure.plaid.com/\x1b]0;pwned\x07", ""},
		{"ftp://127.0.0.1/x\x1b[2J", ""},
	} {
		got, err := CheckHostedLinkURL(tt.raw)
		if got != tt.want || (err == nil) != (tt.want != "") {
			t.Errorf("CheckHostedLinkURL(%q) = %q, %v; want %q", tt.raw, got, err, tt.want)
		}
		if err != nil && (strings.ContainsAny(err.Error(), "\x1b\x07") || !strings.Contains(err.Error(), "open Link in the browser")) {
			t.Errorf("CheckHostedLinkURL(%q): error %q should be clean and name the way out", tt.raw, err)
		}
	}
}
