package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

// codeHostile ends a string literal, starts an interpolation or a comment, or hides a line
// end from javac in each language a program is written in: it must reach the API unchanged.
const codeHostile = `it's "q" \ \u000a \" ${PLAID_SECRET} #{ENV} %s */ ` + "`x`" + ` '); process.exit(3); //`

// The exported Node program (with the plaid npm package) and Go program (with plaid-go v43)
// each repeat a processor walk, a Stripe walk and an Alloy credit walk against the emulator:
// each prints the partner's token masked, sends the recorded client_name unchanged, and
// uses only names the libraries have.
func TestExportedProgramsRunWithPlaidsLibraries(t *testing.T) {
	nodeDir := nodePlaid(t)
	e := newSessEnv(t)
	mod := goModule(t)
	programs := map[string]map[string]string{}
	for _, partner := range []string{"dwolla", "stripe", "alloy-credit"} {
		wo := plaidflow.WalkOptions{}
		if partner == "alloy-credit" {
			wo.Inputs = plaidflow.PartnerInputs{plaidflow.InputSecondaryClientID: "test-alloy"}
		}
		_, id := e.walkAndSave(partner, wo, "")
		file := filepath.Join(e.sessionsDir(), id+".json")
		craftClientName(t, file, codeHostile)
		programs[partner] = map[string]string{}
		for _, lang := range []string{"node", "go", "python", "ruby"} {
			code, out, errOut := e.plaidwalk("sessions", "export", file, "--format", lang)
			if code != 0 {
				t.Fatalf("export %s %s: %d %s", partner, lang, code, errOut)
			}
			programs[partner][lang] = out
		}
		checkNodeNames(t, nodeDir, programs[partner]["node"])
		checkPythonLiteral(t, programs[partner]["python"])
		checkRubySyntax(t, programs[partner]["ruby"])
		dir := filepath.Join(mod, partner)
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(programs[partner]["go"]), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bins := buildGoPrograms(t, mod)
	want := map[string]string{"dwolla": "processor_token", "stripe": "stripe_bank_account_token", "alloy-credit": "relay_token"}
	for partner, kind := range want {
		node := filepath.Join(nodeDir, partner+".js")
		if err := os.WriteFile(node, []byte(programs[partner]["node"]), 0o644); err != nil {
			t.Fatal(err)
		}
		for lang, cmd := range map[string][]string{"node": {"node", node}, "go": {filepath.Join(bins, partner)}} {
			// In parallel: most of a run is waiting (the Asset Report's polls).
			t.Run(partner+"/"+lang, func(t *testing.T) {
				t.Parallel()
				plaid := newRecordingPlaid(t)
				out := runProgram(t, cmd, plaid.URL)
				if !regexp.MustCompile(`(?m)^partner token: ` + kind + `: …[A-Za-z0-9_-]{4}$`).MatchString(out) {
					t.Errorf("printed no masked %s:\n%s", kind, out)
				}
				plaid.check(t, codeHostile)
			})
		}
	}
}

// runProgram runs a program with the emulator's keys and base URL, and returns its stdout.
func runProgram(t *testing.T, argv []string, base string) string {
	t.Helper()
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"PLAID_CLIENT_ID=" + emulator.TestClientID, "PLAID_SECRET=" + emulator.TestSecret, "PLAID_BASE_URL=" + base}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s: %v\n%s\n%s", argv, err, stdout.String(), stderr.String())
	}
	return stdout.String()
}

// A Plaid error stops the exported Node program with a non-zero status and Plaid's error code;
// PLAIDWALK_REVEAL=1 shows the tokens whole.
func TestExportedNodeProgramExitsOnAPlaidErrorAndReveals(t *testing.T) {
	e := newSessEnv(t)
	_, id := e.walkAndSave("dwolla", plaidflow.WalkOptions{}, "")
	_, src, _ := e.plaidwalk("sessions", "export", id, "--format", "node")
	node := filepath.Join(nodePlaid(t), "error.js")
	if err := os.WriteFile(node, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", node)
	plaid := newRecordingPlaid(t)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PLAID_CLIENT_ID=" + emulator.TestClientID, "PLAID_SECRET=wrong-secret", "PLAID_BASE_URL=" + plaid.URL}
	out, err := cmd.CombinedOutput()
	if code := cmd.ProcessState.ExitCode(); err == nil || code != 1 || !strings.Contains(string(out), "INVALID_API_KEYS") {
		t.Fatalf("with a wrong secret: exit %d, %v\n%s", code, err, out)
	}
	// PLAIDWALK_REVEAL=1 prints the tokens whole.
	cmd = exec.Command("node", node)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "PLAID_CLIENT_ID=" + emulator.TestClientID, "PLAID_SECRET=" + emulator.TestSecret,
		"PLAID_BASE_URL=" + plaid.URL, "PLAIDWALK_REVEAL=1"}
	out, err = cmd.CombinedOutput()
	if err != nil || !regexp.MustCompile(`(?m)^partner token: processor_token: processor-sandbox-[0-9a-f-]{36}$`).Match(out) {
		t.Fatalf("with PLAIDWALK_REVEAL=1: %v\n%s", err, out)
	}
}

// goModule is a temporary module requiring plaid-go v43.0.0, with plaidwalk's go.sum (the
// same module versions), so building in it needs no network beyond the module cache.
func goModule(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	sum, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	mod := "module walk\n\ngo 1.26\n\nrequire github.com/plaid/plaid-go/v43 v43.0.0\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644); err != nil {
		t.Fatal(err)
	}
	return dir
}

// buildGoPrograms builds every program of the module in one go build; it returns the binaries'
// directory.
func buildGoPrograms(t *testing.T, mod string) string {
	t.Helper()
	bins := t.TempDir()
	cmd := exec.Command("go", "build", "-o", bins+string(os.PathSeparator), "./...")
	cmd.Dir = mod
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build of the exported programs: %v\n%s", err, out)
	}
	return bins
}

// checkPythonLiteral parses the Python program and finds the hostile value as one string
// constant: it neither broke the syntax nor leaked out of its literal.
func checkPythonLiteral(t *testing.T, src string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "walk.py")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	check := `import ast, sys
tree = ast.parse(open(sys.argv[1]).read())
sys.exit(0 if any(isinstance(n, ast.Constant) and n.value == sys.argv[2] for n in ast.walk(tree)) else 1)`
	if out, err := exec.Command("python3", "-c", check, file, codeHostile).CombinedOutput(); err != nil {
		t.Fatalf("the Python program does not hold the value as one literal: %v\n%s", err, out)
	}
	if out, err := exec.Command("python3", "-m", "py_compile", file).CombinedOutput(); err != nil {
		t.Fatalf("py_compile: %v\n%s", err, out)
	}
}

// --format markdown --lang adds the program in a fenced block; --lang alone is a usage error;
// the help names every language.
func TestMarkdownExportWithCodeAndTheUsage(t *testing.T) {
	e := newSessEnv(t)
	_, id := e.walkAndSave("dwolla", plaidflow.WalkOptions{}, "")
	code, out, errOut := e.plaidwalk("sessions", "export", id, "--format", "markdown", "--lang", "go")
	if code != 0 || !strings.Contains(out, "## The walk in go\n\n```go\n// plaidwalk session") || !strings.Contains(out, "client.PlaidApi.ProcessorTokenCreate(ctx)") {
		t.Fatalf("markdown with go: %d %s\n%s", code, errOut, out)
	}
	if code, _, errOut := e.plaidwalk("sessions", "export", id, "--format", "curl", "--lang", "node"); code != 2 || !strings.Contains(errOut, "--lang goes with --format markdown") {
		t.Fatalf("--lang with curl: %d %s", code, errOut)
	}
	if code, _, errOut := e.plaidwalk("sessions", "export", id, "--format", "cobol"); code != 2 || !strings.Contains(errOut, "curl, node, python, go, ruby, java or markdown") {
		t.Fatalf("--format cobol: %d %s", code, errOut)
	}
	_, help, _ := e.plaidwalk("sessions", "export", "--help")
	for _, lang := range []string{"node", "python", "go", "ruby", "java", "--lang"} {
		if !strings.Contains(help, lang) {
			t.Errorf("export --help does not mention %s:\n%s", lang, help)
		}
	}
}

// The UI's first code language is checked before any screen: an unknown --lang or
// PLAIDWALK_LANG exits 2 naming where it came from and the languages.
func TestTUICodeLanguageIsChecked(t *testing.T) {
	code, _, errOut := runIn(t, nil, "--lang", "cobol")
	if code != 2 || !strings.Contains(errOut, `--lang must be curl, node, python, go, ruby, java, not "cobol"`) {
		t.Fatalf("--lang cobol: %d %s", code, errOut)
	}
	code, _, errOut = runIn(t, map[string]string{"PLAIDWALK_LANG": "cobol\x1b[31m"})
	if code != 2 || !strings.Contains(errOut, `PLAIDWALK_LANG must be curl`) || strings.Contains(errOut, "\x1b") {
		t.Fatalf("PLAIDWALK_LANG: %d %q", code, errOut)
	}
	t.Chdir(t.TempDir()) // PLAIDWALK_LANG in .env is read with the rest of the configuration
	if err := os.WriteFile(".env", []byte("PLAIDWALK_LANG=cobol\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	code, _, errOut = runIn(t, nil)
	if code != 2 || !strings.Contains(errOut, `PLAIDWALK_LANG must be curl, node, python, go, ruby, java, not "cobol"`) {
		t.Fatalf("PLAIDWALK_LANG in .env: %d %q", code, errOut)
	}
}

// checkRubySyntax has ruby -c check the Ruby program (the gem is not needed to parse it).
func checkRubySyntax(t *testing.T, src string) {
	t.Helper()
	file := filepath.Join(t.TempDir(), "walk.rb")
	if err := os.WriteFile(file, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("ruby", "-c", file).CombinedOutput(); err != nil {
		t.Fatalf("ruby -c (run 'make test-deps' when ruby is missing): %v\n%s", err, out)
	}
}
