package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
	"time"
)

func tuiCLI(env map[string]string, stdin string) (*cli, *bytes.Buffer, *bytes.Buffer) {
	var out, errOut bytes.Buffer
	return &cli{deps: testDeps(), getenv: func(k string) string { return env[k] }, stdin: &slowKeys{keys: stdin}, stdout: &out, stderr: &errOut}, &out, &errOut
}

// slowKeys types its keys after a pause, as a person would: the first screen is drawn first.
type slowKeys struct {
	keys string
	done bool
}

func (s *slowKeys) Read(p []byte) (int, error) {
	if s.done {
		return 0, io.EOF
	}
	time.Sleep(300 * time.Millisecond)
	s.done = true
	return copy(p, s.keys), nil
}

func TestTUIHelpListsFlagsAndKeys(t *testing.T) {
	c, out, _ := tuiCLI(nil, "")
	if code := cmdTUI(context.Background(), c, []string{"--help-tui"}); code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"-no-browser", "-partner", "-port", "-link-timeout", "-env",
		"ctrl+l API log", "sandbox shortcut", "reveal", "another partner",
		"-save FILE", "-no-save", "-reveal", "masked there too", "ctrl+s save the session", "plaidwalk/sessions"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("help lacks %q:\n%s", want, out.String())
		}
	}
}

func TestTUIRefusesBadInputBeforeStarting(t *testing.T) {
	cases := []struct {
		name string
		env  map[string]string
		args []string
		want string
	}{
		{"unknown flag", nil, []string{"--colour"}, "--help-tui"},
		{"stray argument", nil, []string{"--no-browser", "dwolla"}, "unexpected argument"},
		{"unknown partner", nil, []string{"--partner", "dwola"}, "dwolla"},
		{"retired environment", map[string]string{"PLAID_ENV": "development"}, nil, "PLAID_ENV"},
		{"production without keys", nil, []string{"--env", "production"}, "PLAID_CLIENT_ID"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			c, out, errOut := tuiCLI(tc.env, "")
			if code := cmdTUI(context.Background(), c, tc.args); code != 2 {
				t.Fatalf("exit %d, want 2; stderr:\n%s", code, errOut)
			}
			if !strings.Contains(errOut.String(), tc.want) {
				t.Errorf("stderr lacks %q:\n%s", tc.want, errOut)
			}
			if out.Len() != 0 {
				t.Errorf("stdout written before the UI: %q", out)
			}
		})
	}
}

// TestTUIQuitPrintsSummary runs the real UI offline, quits at once with ctrl+c, and checks
// that the screen went to stderr and the summary to stdout.
func TestTUIQuitPrintsSummary(t *testing.T) {
	c, out, errOut := tuiCLI(nil, "\x03")
	code := cmdTUI(context.Background(), c, []string{"--no-browser", "--partner", "stripe"})
	if code != 1 {
		t.Fatalf("exit %d, want 1 (no token made); stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut.String(), "OFFLINE EMULATOR") {
		t.Errorf("the UI did not draw on stderr")
	}
	for _, want := range []string{"plaidwalk result (offline emulator)", "No partner token was made"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out.String(), "not real") { // no token was made to be not real
		t.Errorf("summary talks of tokens although none was made:\n%s", out)
	}
	if strings.Contains(out.String(), "\x1b[") {
		t.Errorf("escape sequences in the stdout summary: %q", out)
	}
}
