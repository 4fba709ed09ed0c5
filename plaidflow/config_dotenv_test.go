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
