package main

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestCompletionWords: the hidden __complete answers as the scripts expect: the words that
// start with what was typed, each with its description after a tab when it has one, then
// ":4" (offer nothing else) or ":0" (offer file names, after --save).
func TestCompletionWords(t *testing.T) {
	for _, tc := range []struct {
		args    []string
		want    []string
		without string
	}{
		{[]string{"__complete", ""}, []string{"run\t", "partners\t", "sessions\t", "replay\t", "emulator\t", "version\t", "completion\t", "help\t", ":4\n"}, "__complete"},
		{[]string{"__complete", "run", "--partner", ""}, []string{"dwolla\tDwolla", "stripe\tStripe", "alloy-credit\t", ":4\n"}, ""},
		{[]string{"__complete", "run", "--partner", "dw"}, []string{"dwolla\tDwolla\n"}, "stripe"},
		{[]string{"__complete", "run", "--js"}, []string{"--json\t", ":4\n"}, "--partner"},
		{[]string{"__complete", "run", "--save", ""}, []string{":0\n"}, ":4"},
		{[]string{"__complete", "replay", "latest", "--keep"}, []string{"--keep-webhook\t"}, ""},
		{[]string{"__complete", "--part"}, []string{"--partner\t"}, ""},
		{[]string{"__complete", "completion", ""}, []string{"bash\n", "zsh\n", "fish\n"}, "\t"},
		{[]string{"__complete", "help", "r"}, []string{"run\n", "replay\n"}, "partners"},
		{[]string{"__complete", "run", "--partner", "dwolla", ""}, []string{":4\n"}, "dwolla"},
	} {
		code, out, errOut := plaidwalkArgs(tc.args...)
		for _, w := range tc.want {
			if code != 0 || !strings.Contains(out, w) || (tc.without != "" && strings.Contains(out, tc.without)) {
				t.Errorf("%q: exit %d, stdout lacks %q or holds %q:\n%s%s", tc.args, code, w, tc.without, out, errOut)
			}
		}
		if !strings.HasSuffix(out, "\n") || !strings.HasPrefix(out[strings.LastIndex(out[:len(out)-1], "\n")+1:], ":") {
			t.Errorf("%q: the last line is not the directive:\n%s", tc.args, out)
		}
	}
}

// completionShells run each script the way its shell does, against the built plaidwalk on
// PATH, completing the last of words; each returns the shell's candidates, one a line.
// bash: the function with COMP_WORDS/COMP_CWORD set, as bash calls it, and COMPREPLY
// printed. zsh: outside the completion system, with _describe and _files standing in to
// print what they were given ("word:description") and the directory's files. fish: its own
// completion engine (complete -C). Each first checks the script registered itself.
var completionShells = map[string][]string{
	"bash": {"bash", "-c", `source "$0" && [[ $(complete -p plaidwalk) == "complete -F _plaidwalk plaidwalk" ]] || exit 3
COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _plaidwalk
(( ${#COMPREPLY[@]} == 0 )) || printf '%s\n' "${COMPREPLY[@]}"`},
	"zsh": {"zsh", "-fc", `compdef() { registered="$*" }; _describe() { print -rl -- "${(@P)argv[-1]}" }; _files() { print -rl -- *(N) }
source $0 && [[ $registered == "_plaidwalk plaidwalk" ]] || exit 3
words=("$@"); CURRENT=$#words; _plaidwalk`},
	"fish": {"fish", "--no-config", "-c", `source $argv[1]; or exit 3; complete -C (string join ' ' -- $argv[2..-1])`},
}

// TestCompletionScripts: `completion bash|zsh|fish` prints a script its shell accepts (bash
// -n, zsh -n, fish -n) and that, run by the shell, offers plaidwalk's words from __complete:
// partner ids after --partner, a flag from its first letters, a command, file names after
// --save and nothing after a flag's value; zsh and fish show the descriptions, bash cannot.
func TestCompletionScripts(t *testing.T) {
	dir := t.TempDir()
	buildBinary(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "walk.json"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	env := []string{"PATH=" + dir + string(os.PathListSeparator) + os.Getenv("PATH"), "HOME=" + dir, "XDG_CONFIG_HOME=" + dir, "XDG_DATA_HOME=" + dir, "XDG_CACHE_HOME=" + dir}
	jsonUsage := usageOf(runFlags(&runOptions{}), "json")
	run, _ := findCommand("run")
	cases := []struct {
		words      []string
		word, desc string // a candidate that must be offered
	}{
		{[]string{"run", "--partner", ""}, "dwolla", "Dwolla"},
		{[]string{"run", "--js"}, "--json", jsonUsage},
		{[]string{"ru"}, "run", run.summary},
		{[]string{"run", "--save", ""}, "walk.json", ""},
		{[]string{"run", "--partner", "dwolla", ""}, "", ""}, // nothing, not even walk.json
	}
	for shell, argv := range completionShells {
		code, script, errOut := plaidwalkArgs("completion", shell)
		file := filepath.Join(dir, "plaidwalk."+shell)
		if code != 0 || !strings.Contains(script, "plaidwalk __complete") || os.WriteFile(file, []byte(script), 0o600) != nil {
			t.Fatalf("completion %s: exit %d, stderr %q, script:\n%.300s", shell, code, errOut, script)
		}
		if msg, err := exec.Command(shell, "-n", file).CombinedOutput(); err != nil {
			t.Errorf("%s -n rejects the script: %v\n%s", shell, err, msg)
		}
		for _, tc := range cases {
			cmd := exec.Command(argv[0], append(argv[1:], append([]string{file, "plaidwalk"}, tc.words...)...)...)
			if shell == "fish" {
				cmd = exec.Command(argv[0], append(argv[1:], file, "plaidwalk "+strings.Join(tc.words, " "))...)
			}
			cmd.Dir, cmd.Env = dir, env
			out, err := cmd.Output()
			lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
			want := candidate(shell, tc.word, tc.desc)
			if tc.word == "" && (err != nil || len(out) > 0) {
				t.Errorf("%s after %q: %v; want no candidate, got:\n%s", shell, tc.words, err, out)
			}
			if tc.word != "" && (err != nil || !slices.Contains(lines, want)) {
				t.Errorf("%s after %q: %v; want %q among:\n%s", shell, tc.words, err, want, out)
			}
		}
	}
}

// candidate is how shell lists word with its description.
func candidate(shell, word, desc string) string {
	switch {
	case desc == "" || shell == "bash":
		return word
	case shell == "zsh":
		return word + ":" + desc
	default:
		return word + "\t" + desc
	}
}

func usageOf(fs *flag.FlagSet, name string) string {
	_, usage := flag.UnquoteUsage(fs.Lookup(name))
	return usage
}
