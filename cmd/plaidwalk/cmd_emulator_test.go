package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"strings"
	"sync"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
)

// lockedBuffer is a bytes.Buffer the command and the test may touch from two goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestEmulatorCommandHelpAndRefusals(t *testing.T) {
	code, out, _ := runIn(t, nil, "emulator", "--help")
	if code != 0 || !strings.Contains(out, "Usage: plaidwalk emulator") || !strings.Contains(out, "--asset-report-delay") {
		t.Fatalf("--help: %d %q", code, out)
	}
	for _, args := range [][]string{
		{"emulator", "--addr", "0.0.0.0:0"},
		{"emulator", "--addr", ":8080"},
		{"emulator", "--addr", "192.0.2.7:8080"},
		{"emulator", "--bogus"},
		{"emulator", "--asset-report-delay", "0s"},
		{"emulator", "extra"},
	} {
		code, out, errOut := runIn(t, nil, args...)
		if code != 2 || out != "" || errOut == "" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 with the reason on stderr", args, code, out, errOut)
		}
	}
}

// TestEmulatorCommandServesUntilCancelled runs the command as main would, reads the export
// lines, makes a real plaid-go call with them, then cancels and expects a clean exit.
func TestEmulatorCommandServesUntilCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	outR, outW := io.Pipe()
	var errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"emulator", "--addr", "127.0.0.1:0", "--asset-report-delay", "100ms"},
			func(string) string { return "" }, strings.NewReader(""), outW, &errOut)
		outW.Close()
	}()
	env := map[string]string{}
	lines := bufio.NewScanner(outR)
	for len(env) < 3 && lines.Scan() {
		name, value, found := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		if !found || !strings.HasPrefix(lines.Text(), "export ") {
			t.Fatalf("stdout line %q is not an export line", lines.Text())
		}
		env[name] = value
	}
	if env["PLAID_CLIENT_ID"] != emulator.TestClientID || env["PLAID_SECRET"] != emulator.TestSecret ||
		!strings.HasPrefix(env["PLAID_BASE_URL"], "http://127.0.0.1:") {
		t.Fatalf("exports: %v", env)
	}
	cfg := plaid.NewConfiguration()
	cfg.Servers = plaid.ServerConfigurations{{URL: env["PLAID_BASE_URL"]}}
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", env["PLAID_CLIENT_ID"])
	cfg.AddDefaultHeader("PLAID-SECRET", env["PLAID_SECRET"])
	api := plaid.NewAPIClient(cfg).PlaidApi
	req := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
	if _, _, err := api.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(*req).Execute(); err != nil {
		t.Fatalf("plaid-go against the standalone emulator: %v", err)
	}
	go io.Copy(io.Discard, outR)
	cancel()
	if code := <-done; code != 0 {
		t.Fatalf("exit %d after cancel, want 0; stderr %q", code, errOut.String())
	}
	if !strings.Contains(errOut.String(), "offline Plaid at "+env["PLAID_BASE_URL"]) {
		t.Errorf("stderr lacks the note: %q", errOut.String())
	}
}
