package sessions

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"

	"plaidwalk/plaidflow"
)

// One session that stopped with a long reason does not widen every row: its outcome is cut
// with an ellipsis, each row fits in about 100 columns with the id last, and `sessions show`
// keeps the whole reason.
func TestListCutsLongOutcomesSoTheIDStaysOnScreen(t *testing.T) {
	long := savedDwolla(t)
	long.Outcome = Outcome{Result: ResultStopped, Step: "accounts", Reason: strings.Repeat("no account of this Item fits Dwolla; ", 12)}
	entries := []Entry{
		{ID: "20261122-044653.123-dwolla-abcd", Session: savedDwolla(t)},
		{ID: "20261122-044654.456-dwolla-ef01", Session: long},
		{ID: "empty", Err: &FileError{Problem: "the file is empty"}},
	}
	var buf bytes.Buffer
	if err := WriteList(&buf, entries); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimRight(buf.String(), "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a header and 3 rows:\n%s", buf.String())
	}
	for i, line := range lines[1:] {
		if n := utf8.RuneCountInString(line); n > listWidth+5 {
			t.Errorf("row %d is %d columns wide:\n%s", i+1, n, line)
		}
		f := strings.Fields(line)
		if f[len(f)-1] != entries[i].ID {
			t.Errorf("row %d does not end with its id %s: %q", i+1, entries[i].ID, line)
		}
	}
	if !strings.Contains(lines[2], "stopped at accounts (no") || !strings.Contains(lines[2], "…") {
		t.Errorf("the long outcome should be cut with an ellipsis: %q", lines[2])
	}
	if !strings.Contains(lines[1], "success: processor_token") || strings.Contains(lines[1], "…") {
		t.Errorf("a short outcome stays whole: %q", lines[1])
	}
	if !strings.Contains(lines[3], "unreadable: the file is empty") {
		t.Errorf("unreadable row: %q", lines[3])
	}
	var show bytes.Buffer
	if err := WriteTimeline(&show, long); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(show.String(), long.Outcome.Reason[:len(long.Outcome.Reason)-2]) {
		t.Errorf("show should print the whole outcome:\n%s", show.String())
	}
}

// A walk against a host other than Plaid's is recorded and shown as such; Plaid's own host
// records nothing more than the environment.
func TestSessionNamesAHostThatIsNotPlaids(t *testing.T) {
	r := dwollaRecord()
	r.Config = plaidflow.Config{Env: plaidflow.EnvSandbox, ClientID: "cid", Secret: testSecret, BaseURL: "http://127.0.0.1:8765"}
	s := Build(r)
	if s.Inputs.Env != "sandbox" || s.Inputs.Host != "http://127.0.0.1:8765" {
		t.Fatalf("inputs env %q host %q", s.Inputs.Env, s.Inputs.Host)
	}
	var md, show, list, curl bytes.Buffer
	if err := WriteMarkdown(&md, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteTimeline(&show, s); err != nil {
		t.Fatal(err)
	}
	if err := WriteList(&list, []Entry{{ID: "x", Session: s}}); err != nil {
		t.Fatal(err)
	}
	if err := WriteCurl(&curl, s); err != nil {
		t.Fatal(err)
	}
	for name, out := range map[string]string{"markdown": md.String(), "show": show.String(), "curl": curl.String()} {
		if !strings.Contains(out, "sandbox at http://127.0.0.1:8765") {
			t.Errorf("%s should name the host:\n%s", name, out)
		}
	}
	if !strings.Contains(list.String(), "sandbox at 127.0.0.1:8765") {
		t.Errorf("list should name the host:\n%s", list.String())
	}
	r.Config.BaseURL = plaidflow.SandboxURL
	if s := Build(r); s.Inputs.Host != "" || s.Inputs.EnvLabel() != "sandbox" {
		t.Errorf("Plaid's own host: host %q label %q", s.Inputs.Host, s.Inputs.EnvLabel())
	}
}
