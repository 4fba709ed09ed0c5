package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// TestFlagsAfterArguments: every command that takes an argument reads its flags on either
// side of it, as `partners --json dwolla` and `partners dwolla --json` alike.
func TestFlagsAfterArguments(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "walk.json")
	if code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--save", file); code != 0 {
		t.Fatalf("run: exit %d\n%s", code, errOut)
	}
	code, out, errOut := e.plaidwalk("partners", "dwolla", "--json")
	var p struct{ ID string }
	if code != 0 || json.Unmarshal([]byte(out), &p) != nil || p.ID != "dwolla" {
		t.Errorf("partners dwolla --json: exit %d, stdout %.200q, stderr %q", code, out, errOut)
	}
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"sessions", "show", file, "--help"}, 0, "Usage: plaidwalk sessions show"},
		{[]string{"sessions", "export", file, "--format", "markdown"}, 0, "dwolla"},
		{[]string{"replay", file, "--env", "offline"}, 0, "reproduced"},
		{[]string{"partners", "--", "dwolla"}, 0, "Dwolla (dwolla)"},
	}
	for _, tc := range cases {
		code, out, errOut := e.plaidwalk(tc.args...)
		if code != tc.code || !strings.Contains(out, tc.want) {
			t.Errorf("%v: exit %d, stdout lacks %q:\n%s%s", tc.args, code, tc.want, out, errOut)
		}
	}
	for _, args := range [][]string{{"sessions", "show", file, "--bogus"}, {"partners", "dwolla", "--bogus"}, {"partners", "dwolla", "stripe"}} {
		code, out, errOut := e.plaidwalk(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "--help") {
			t.Errorf("%v: exit %d, want 2 and a pointer to --help; stdout %q, stderr %q", args, code, out, errOut)
		}
	}
}

// TestHelpCommand: `help CMD` is CMD's own help; an unknown name is an error that lists the
// commands.
func TestHelpCommand(t *testing.T) {
	e := newSessEnv(t)
	for cmd, want := range map[string]string{"run": "Usage: plaidwalk run --partner ID", "sessions": "plaidwalk sessions show ID|FILE",
		"replay": "Usage: plaidwalk replay ID|FILE", "tui": "Usage: plaidwalk [flags]"} {
		code, out, errOut := e.plaidwalk("help", cmd)
		if code != 0 || !strings.HasPrefix(out, "Usage:") || !strings.Contains(out, want) || strings.Contains(out, "Commands:") {
			t.Errorf("help %s: exit %d, stdout:\n%s%s", cmd, code, out, errOut)
		}
	}
	if code, out, _ := e.plaidwalk("help"); code != 0 || !strings.Contains(out, "Commands:") {
		t.Errorf("help: exit %d\n%s", code, out)
	}
	code, out, errOut := e.plaidwalk("help", "nonsense")
	if code != 2 || out != "" || !strings.Contains(errOut, `no command "nonsense"`) || !strings.Contains(errOut, "run, partners, sessions, replay, emulator, listen, version") {
		t.Errorf("help nonsense: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestSessionsShowDirectory: a directory is named as one, with what to give instead, rather
// than reported as a missing file.
func TestSessionsShowDirectory(t *testing.T) {
	e := newSessEnv(t)
	dir := t.TempDir()
	for _, sub := range []string{"show", "export"} {
		args := []string{"sessions", sub, dir}
		if sub == "export" {
			args = append(args, "--format", "curl")
		}
		code, out, errOut := e.plaidwalk(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, dir+" is a directory") || !strings.Contains(errOut, "session file") ||
			!strings.Contains(errOut, "session id") || strings.Contains(errOut, "no such file") {
			t.Errorf("sessions %s DIR: exit %d, stderr:\n%s", sub, code, errOut)
		}
	}
}

// TestHelpSaysRunCanUseABrowser: run's summary does not claim it works without a browser,
// since --link browser and --link hosted open one.
func TestHelpSaysRunCanUseABrowser(t *testing.T) {
	e := newSessEnv(t)
	_, top, _ := e.plaidwalk("--help")
	_, runHelp, _ := e.plaidwalk("run", "--help")
	for _, text := range []string{top, runHelp} {
		lower := strings.ToLower(text)
		if strings.Contains(lower, "headless") || strings.Contains(lower, "without a browser") {
			t.Errorf("help says run needs no browser:\n%s", text)
		}
	}
	if !strings.Contains(top, "run        walk a partner flow without the terminal UI") || !strings.Contains(runHelp, "--link browser") {
		t.Errorf("help:\n%s\n%s", top, runHelp)
	}
}
