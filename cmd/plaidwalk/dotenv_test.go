package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDotEnvProblemsNameTheFileAndLine: run in a directory whose .env has a junk line and
// a PLAID_ENV that needs keys: the junk line is warned about by number, and the error names
// .env's line rather than telling the user to unset a variable they never exported.
func TestDotEnvProblemsNameTheFileAndLine(t *testing.T) {
	e := newSessEnv(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if err := os.WriteFile(".env", []byte("PLAID_ENV=sandbox\nthis is not a setting\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, ".env")
	code, out, errOut := e.plaidwalk("run", "--partner", "dwolla")
	if code != 2 || out != "" {
		t.Fatalf("exit %d, want 2; stdout %q", code, out)
	}
	for _, want := range []string{"warning: " + path + " line 2 is not KEY=VALUE", "PLAID_ENV is set on line 1 of " + path, "delete line 1 of " + path} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(errOut, "unset PLAID_ENV") {
		t.Errorf("stderr blames the environment:\n%s", errOut)
	}
}
