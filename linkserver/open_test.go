package linkserver

import (
	"errors"
	"strings"
	"testing"
)

func TestAnnounce(t *testing.T) {
	const url = "http://127.0.0.1:1234/secret/"
	cases := []struct {
		name       string
		open       Opener
		wantOpened bool
		wantText   string
	}{
		{"opens", func(string) error { return nil }, true, "Opened it in your browser"},
		{"open fails", func(string) error { return errors.New("no display") }, false, "Could not open a browser (no display)"},
		{"no browser", nil, false, "Open that address in a browser"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out strings.Builder
			var got string
			open := c.open
			if open != nil {
				inner := open
				open = func(u string) error { got = u; return inner(u) }
			}
			if opened := Announce(&out, url, open); opened != c.wantOpened {
				t.Fatalf("opened = %v", opened)
			}
			if !strings.Contains(out.String(), url) || !strings.Contains(out.String(), c.wantText) {
				t.Fatalf("said %q", out.String())
			}
			if c.open != nil && got != url {
				t.Fatalf("opened %q", got)
			}
		})
	}
}
