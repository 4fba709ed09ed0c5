package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
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

// TestUnknownCommandSuggests: a mistyped command gets "did you mean" and exit 2.
func TestUnknownCommandSuggests(t *testing.T) {
	code, out, errOut := plaidwalkArgs("partnres")
	if code != 2 || out != "" || !strings.Contains(errOut, `unknown command "partnres"`) || !strings.Contains(errOut, "Did you mean partners?") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}

// TestCompletionScripts: `completion bash|zsh|fish` prints a script for plaidwalk that asks
// plaidwalk itself (__complete) for the words; bash accepts the bash one. The words it gets
// are the commands, the flags and, after --partner, the catalog's partner ids.
func TestCompletionScripts(t *testing.T) {
	for _, shell := range []string{"bash", "zsh", "fish"} {
		code, out, errOut := plaidwalkArgs("completion", shell)
		if code != 0 || !strings.Contains(out, "plaidwalk") || !strings.Contains(out, "__complete") {
			t.Errorf("completion %s: exit %d, stderr %q, script:\n%.300s", shell, code, errOut, out)
		}
		if shell == "bash" {
			file := filepath.Join(t.TempDir(), "plaidwalk.bash")
			if err := os.WriteFile(file, []byte(out), 0o600); err != nil {
				t.Fatal(err)
			}
			if msg, err := exec.Command("bash", "-n", file).CombinedOutput(); err != nil {
				t.Errorf("bash -n rejects the script: %v\n%s", err, msg)
			}
		}
	}
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"__complete", ""}, []string{"run\t", "partners\t", "sessions\t", "replay\t", "emulator\t", "version\t", "completion\t"}},
		{[]string{"__complete", "run", "--partner", ""}, []string{"dwolla\tDwolla", "stripe\tStripe", "alloy-credit\t"}},
		{[]string{"__complete", "run", "--js"}, []string{"--json\t"}},
		{[]string{"__complete", "replay", "latest", "--keep"}, []string{"--keep-webhook\t"}},
		{[]string{"__complete", "--part"}, []string{"--partner\t"}},
		{[]string{"__complete", "completion", ""}, []string{"bash\n", "zsh\n", "fish\n"}},
	} {
		code, out, errOut := plaidwalkArgs(tc.args...)
		for _, w := range tc.want {
			if code != 0 || !strings.Contains(out, w) {
				t.Errorf("%q: exit %d, stdout lacks %q:\n%s%s", tc.args, code, w, out, errOut)
			}
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
