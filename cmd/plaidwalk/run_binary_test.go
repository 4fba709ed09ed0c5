package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// buildBinary compiles plaidwalk into dir, as `make build` would.
func buildBinary(tb testing.TB, dir string) string {
	tb.Helper()
	bin := filepath.Join(dir, "plaidwalk")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	if out, err := cmd.CombinedOutput(); err != nil {
		tb.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// execPlaidwalk runs the built binary in dir (a clean directory) with only PATH, HOME and
// extra in its environment, so no developer keys or .env leak into the test.
func execPlaidwalk(tb testing.TB, bin, dir string, extra map[string]string, args ...string) (int, string, string) {
	tb.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir, "XDG_STATE_HOME=" + cmd.Dir}
	for k, v := range extra {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case err == nil:
		return 0, out.String(), errOut.String()
	case errors.As(err, &exitErr):
		return exitErr.ExitCode(), out.String(), errOut.String()
	}
	tb.Fatalf("exec: %v", err)
	return -1, "", ""
}

func TestRunBinaryEndToEnd(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	base, stop, err := emulator.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	badKeys := map[string]string{"PLAID_BASE_URL": base, "PLAID_CLIENT_ID": emulator.TestClientID, "PLAID_SECRET": "wrong-secret-for-test"}

	tests := []struct {
		name   string
		env    map[string]string
		args   []string
		code   int
		stdout []string
		stderr []string
	}{
		{"processor partner", nil, []string{"--partner", "dwolla", "--json"}, 0, []string{`"processor_token": "processor-sandbox-…`, `"api_log"`}, nil},
		{"stripe", nil, []string{"--partner", "stripe"}, 0, []string{"stripe_bank_account_token", "btok_…", "request_id"}, nil},
		{"alloy credit", nil, []string{"--partner", "alloy-credit", "--secondary-client-id", "alloy-test", "--json"}, 0,
			[]string{`"relay_token"`, `"asset_report_token"`, `"error_code": "PRODUCT_NOT_READY"`}, nil},
		{"unknown partner", nil, []string{"--partner", "dwola"}, 2, nil, []string{"Did you mean: dwolla"}},
		{"item locked", nil, []string{"--partner", "dwolla", "--password", "error_ITEM_LOCKED"}, 1, nil, []string{"ITEM_LOCKED", "hint:"}},
		{"credit card for Dwolla", nil, []string{"--partner", "dwolla", "--account", "Plaid Credit Card"}, 1, nil, []string{"NO_AUTH_ACCOUNTS", "hint:"}},
		{"bad keys", badKeys, []string{"--partner", "dwolla"}, 1, nil, []string{"INVALID_API_KEYS", "PLAID_SECRET"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, out, errOut := execPlaidwalk(t, bin, t.TempDir(), tt.env, append([]string{"run"}, tt.args...)...)
			if code != tt.code {
				t.Fatalf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tt.code, out, errOut)
			}
			for _, want := range tt.stdout {
				if !strings.Contains(out, want) {
					t.Errorf("stdout lacks %q:\n%s", want, out)
				}
			}
			for _, want := range tt.stderr {
				if !strings.Contains(errOut, want) {
					t.Errorf("stderr lacks %q:\n%s", want, errOut)
				}
			}
			if strings.Contains(out+errOut, "wrong-secret-for-test") || strings.Contains(out+errOut, emulator.TestSecret) {
				t.Error("a secret reached the output")
			}
		})
	}
}

// BenchmarkRunProcess is `plaidwalk run --json` as a whole process, offline: start-up, the
// in-process emulator, the walk and the JSON output. alloy-credit includes the Asset Report's
// wait (offline mode's short delay and one poll).
func BenchmarkRunProcess(b *testing.B) {
	bin := buildBinary(b, b.TempDir())
	dir := b.TempDir()
	for _, args := range [][]string{
		{"--partner", "dwolla"},
		{"--partner", "alloy-credit", "--secondary-client-id", "test-alloy"},
	} {
		b.Run(args[1], func(b *testing.B) {
			for b.Loop() {
				if code, _, errOut := execPlaidwalk(b, bin, dir, nil, append([]string{"run", "--json"}, args...)...); code != 0 {
					b.Fatalf("exit %d: %s", code, errOut)
				}
			}
		})
	}
}
