package plaidflow

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A bad value read from .env names the file, so the user does not hunt for an environment
// variable that was never set; the same value from the environment does not mention .env.
func TestConfigErrorSaysTheValueCameFromDotEnv(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte("PLAID_ENV=development\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(Overrides{}, envOf(nil), dir)
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Variable != VarEnv {
		t.Fatalf("want a PLAID_ENV ConfigError, got %v", err)
	}
	path := filepath.Join(dir, ".env")
	if !strings.Contains(ce.Problem, path) || !strings.Contains(ce.Fix, path) || !strings.Contains(ce.Problem, "development") {
		t.Errorf("the problem and fix should name %s: %+v", path, ce)
	}

	_, err = LoadConfig(Overrides{}, envOf(map[string]string{VarEnv: "development"}), t.TempDir())
	if !errors.As(err, &ce) || strings.Contains(ce.Error(), ".env") {
		t.Errorf("a value from the environment should not mention .env: %v", err)
	}
	// The environment wins over .env: its value is the one at fault, not the file's.
	_, err = LoadConfig(Overrides{}, envOf(map[string]string{VarEnv: "staging"}), dir)
	if !errors.As(err, &ce) || strings.Contains(ce.Error(), ".env") || !strings.Contains(ce.Problem, "staging") {
		t.Errorf("the environment's value should be reported without .env: %v", err)
	}
}

// A bad value from .env names its line, and the fix never says "unset" a variable that only
// .env holds (unsetting it changes nothing): here PLAID_ENV=sandbox without keys, where the
// variable at fault is PLAID_CLIENT_ID but the line to change is PLAID_ENV's.
func TestDotEnvErrorNamesTheLine(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	if err := os.WriteFile(path, []byte("# keys go here\n\nPLAID_ENV=sandbox\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err := LoadConfig(Overrides{}, envOf(nil), dir)
	var ce *ConfigError
	if !errors.As(err, &ce) {
		t.Fatalf("want a ConfigError, got %v", err)
	}
	if !strings.Contains(ce.Problem, "PLAID_ENV is set on line 3 of "+path) || strings.Contains(ce.Fix, "unset PLAID_ENV") ||
		!strings.Contains(ce.Fix, "delete line 3 of "+path) {
		t.Errorf("the error should name line 3 of .env and say to delete it: %+v", ce)
	}
	if err := os.WriteFile(path, []byte("PLAID_CLIENT_ID=x\nPLAID_SECRET=y\nPLAID_ENV=staging\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	_, err = LoadConfig(Overrides{}, envOf(nil), dir)
	if !errors.As(err, &ce) || ce.Variable != VarEnv || !strings.Contains(ce.Problem, "set on line 3 of "+path) {
		t.Errorf("PLAID_ENV=staging on line 3: %v", err)
	}
}

// Lines that are not KEY=VALUE are not dropped in silence: each gets a warning naming its
// line, without repeating its text (a mistyped line may be a secret).
func TestDotEnvJunkLinesAreWarnedAbout(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, ".env")
	data := "PLAID_ENV=offline\nPLAID_SECRET s3cr3t-value\n# fine\nPLAID CLIENT_ID=abc\nexport PLAID_PRODUCTS=auth\n"
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := LoadConfig(Overrides{}, envOf(nil), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{path + " line 2 is not KEY=VALUE (nor a # comment) and was ignored",
		path + " line 4 is not KEY=VALUE (nor a # comment) and was ignored"}
	if strings.Join(cfg.Warnings, "\n") != strings.Join(want, "\n") {
		t.Errorf("warnings %q, want %q", cfg.Warnings, want)
	}
	if strings.Contains(strings.Join(cfg.Warnings, " "), "s3cr3t") {
		t.Error("a warning repeats the line's text")
	}
}
