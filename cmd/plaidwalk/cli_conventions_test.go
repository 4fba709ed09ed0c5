package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

func plaidwalkArgs(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runWith(context.Background(), testDeps(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// TestVersionFlag: --version and -v print the version as `version` does, as gh and stripe do.
func TestVersionFlag(t *testing.T) {
	_, want, _ := plaidwalkArgs("version")
	for _, flag := range []string{"--version", "-v"} {
		if code, out, errOut := plaidwalkArgs(flag); code != 0 || out != want || !strings.HasPrefix(out, "plaidwalk ") {
			t.Errorf("%s: exit %d, stdout %q (want %q), stderr %q", flag, code, out, want, errOut)
		}
	}
}

// TestUnknownFlagIsShownAsTyped: a mistyped flag is named as typed (--jsno, not Go's -jsno)
// with the flags it may have meant, exit 2, in commands and in the UI's flags alike.
func TestUnknownFlagIsShownAsTyped(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"run", "--partner", "dwolla", "--jsno"}, "unknown flag --jsno; did you mean --json?"},
		{[]string{"partners", "--jsno"}, "unknown flag --jsno; did you mean --json?"},
		{[]string{"replay", "latest", "--keep-webhok"}, "unknown flag --keep-webhok; did you mean --keep-webhook?"},
		{[]string{"--no-browsr"}, "unknown flag --no-browsr; did you mean --no-browser?"},
		{[]string{"run", "--partner"}, "--partner needs a value"},
		{[]string{"run", "--partner", "dwolla", "--port=x"}, "for flag --port"},
	} {
		code, out, errOut := plaidwalkArgs(tc.args...)
		if code != 2 || out != "" || !strings.Contains(errOut, tc.want) || strings.Contains(errOut, " -jsno") {
			t.Errorf("%v: exit %d, stderr %q, want %q", tc.args, code, errOut, tc.want)
		}
	}
}

// TestUnknownCommandSuggests: a mistyped command (help included) gets "did you mean" and
// exit 2; one like no command gets no suggestion.
func TestUnknownCommandSuggests(t *testing.T) {
	for typed, want := range map[string]string{"partnres": "Did you mean partners?", "hepl": "Did you mean help?", "Emulater": "Did you mean emulator?", "xyzzy": "plaidwalk --help"} {
		code, out, errOut := plaidwalkArgs(typed)
		if code != 2 || out != "" || !strings.Contains(errOut, `unknown command "`+typed+`"`) || !strings.Contains(errOut, want) || (typed == "xyzzy" && strings.Contains(errOut, "Did you mean")) {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", typed, code, out, errOut)
		}
	}
}

// TestCompletionHelpAndErrors: completion is one of plaidwalk's commands like the others: its
// help is ours (also through `help completion`), and a missing or unknown shell is a usage
// error (2) that names the shells there are scripts for.
func TestCompletionHelpAndErrors(t *testing.T) {
	for _, args := range [][]string{{"completion", "--help"}, {"help", "completion"}} {
		code, out, _ := plaidwalkArgs(args...)
		if code != 0 || !strings.Contains(out, "Usage: plaidwalk completion bash|zsh|fish") || strings.Contains(out, "Generate the autocompletion") {
			t.Errorf("%q: exit %d, help:\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"completion"}, {"completion", "ksh"}} {
		code, out, errOut := plaidwalkArgs(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "bash, zsh") {
			t.Errorf("%q: exit %d, stdout %q, stderr %q; want 2 naming the shells", args, code, out, errOut)
		}
	}
}
