package plaidflow

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestPublicTokenFromEveryEnding(t *testing.T) {
	locked := LinkExitError("Link", "ITEM_ERROR", "ITEM_LOCKED", "locked\x1b]0;owned\x07", "Too many attempts", "req\u202e1")
	cases := []struct {
		name  string
		end   LinkEnd
		token string
		want  string // in the error's text
	}{
		{"success", LinkEnd{PublicToken: "public-sandbox-1"}, "public-sandbox-1", ""},
		{"a token wins over a later exit", LinkEnd{PublicToken: "public-sandbox-1", ExitError: locked, TimedOut: true}, "public-sandbox-1", ""},
		{"timeout", LinkEnd{What: "Hosted Link", TimedOut: true, Timeout: 30 * time.Minute}, "", "Hosted Link did not finish within 30m;"},
		{"exit with Plaid's error", LinkEnd{ExitError: locked, ExitStatus: "requires_credentials"}, "", "ITEM_LOCKED"},
		{"closed with a status", LinkEnd{ExitStatus: "requires_credentials\x1b[2J"}, "", "Link was closed before a bank was connected (status requires_credentials)"},
		{"closed", LinkEnd{}, "", "Link was closed before a bank was connected"},
	}
	for _, c := range cases {
		token, err := PublicTokenFrom(c.end)
		if token != c.token || (err == nil) != (c.want == "") {
			t.Errorf("%s: PublicTokenFrom = %q, %v", c.name, token, err)
			continue
		}
		if err != nil && !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %q lacks %q", c.name, err, c.want)
		}
	}
	_, err := PublicTokenFrom(LinkEnd{ExitError: locked})
	if pe := (*PlaidError)(nil); !errors.As(err, &pe) || pe != locked {
		t.Errorf("an exit with an error gives %v, want Plaid's error itself", err)
	}
	_, err = PublicTokenFrom(LinkEnd{TimedOut: true, Timeout: time.Minute})
	if ended := (*LinkEndedError)(nil); !errors.As(err, &ended) || !ended.TimedOut {
		t.Errorf("a timeout gives %#v, want a LinkEndedError that says so", err)
	}
}

// Link's onExit error becomes the same PlaidError the API's errors are: cleaned, with its
// documentation page and plaidflow's advice.
func TestLinkExitErrorIsAPlaidError(t *testing.T) {
	pe := LinkExitError("Hosted Link", "ITEM_ERROR", "ITEM_LOCKED", "locked\x1b]0;owned\x07", "Too many\u200b attempts", "req\u202e1")
	if pe.Endpoint != "Hosted Link onExit" || pe.Message != "locked" || pe.DisplayMessage != "Too many attempts" || pe.RequestID != "req1" {
		t.Errorf("LinkExitError = %+v", pe)
	}
	if pe.DocsURL != ErrorDocsURL("ITEM_ERROR", "ITEM_LOCKED") || pe.Hint == "" || pe.Hint != HintFor(pe) {
		t.Errorf("LinkExitError docs %q hint %q, want plaidflow's", pe.DocsURL, pe.Hint)
	}
}

func TestShortDuration(t *testing.T) {
	for d, want := range map[time.Duration]string{30 * time.Minute: "30m", 2 * time.Hour: "2h", 3 * time.Second: "3s", 90 * time.Second: "1m30s"} {
		if got := ShortDuration(d); got != want {
			t.Errorf("ShortDuration(%v) = %q, want %q", d, got, want)
		}
	}
}
