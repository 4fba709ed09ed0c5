package main

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
)

// stateEmulator is the built binary serving `emulator --state dir`.
type stateEmulator struct {
	cmd    *exec.Cmd
	url    string
	errOut *lockedBuffer
}

// startStateEmulator starts the binary on a free port with its state in dir and waits for its
// base URL on stdout.
func startStateEmulator(t *testing.T, bin, dir string) *stateEmulator {
	t.Helper()
	cmd := exec.Command(bin, "emulator", "--addr", "127.0.0.1:0", "--state", dir)
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir}
	se := &stateEmulator{cmd: cmd, errOut: &lockedBuffer{}}
	cmd.Stderr = se.errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	lines := bufio.NewScanner(stdout)
	for se.url == "" && lines.Scan() {
		se.url, _ = strings.CutPrefix(lines.Text(), "export PLAID_BASE_URL=")
	}
	if se.url == "" {
		t.Fatalf("plaidwalk emulator --state printed no base URL; stderr:\n%s", se.errOut.String())
	}
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return se
}

func stateClient(url string) *plaid.PlaidApiService {
	cfg := plaid.NewConfiguration()
	cfg.Servers = plaid.ServerConfigurations{{URL: url}}
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", emulator.TestClientID)
	cfg.AddDefaultHeader("PLAID-SECRET", emulator.TestSecret)
	cfg.HTTPClient = &http.Client{Timeout: 10 * time.Second}
	return plaid.NewAPIClient(cfg).PlaidApi
}

// handedOut is what one flow was told: an access token and a processor token for its account.
type handedOut struct{ access, processor, accountID string }

// loadFlows runs shortcut flows from workers goroutines until the emulator stops answering,
// recording each token the moment its answer arrives.
func loadFlows(api *plaid.PlaidApiService, workers int, got chan<- handedOut) {
	ctx := context.Background()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for {
				pub, _, err := api.SandboxPublicTokenCreate(ctx).SandboxPublicTokenCreateRequest(
					*plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})).Execute()
				if err != nil {
					return
				}
				ex, _, err := api.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(
					*plaid.NewItemPublicTokenExchangeRequest(pub.PublicToken)).Execute()
				if err != nil {
					return
				}
				got <- handedOut{access: ex.AccessToken}
				accts, _, err := api.AccountsGet(ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(ex.AccessToken)).Execute()
				if err != nil {
					return
				}
				id := accts.Accounts[0].AccountId
				pt, _, err := api.ProcessorTokenCreate(ctx).ProcessorTokenCreateRequest(
					*plaid.NewProcessorTokenCreateRequest(ex.AccessToken, id, "dwolla")).Execute()
				if err != nil {
					return
				}
				got <- handedOut{access: ex.AccessToken, processor: pt.ProcessorToken, accountID: id}
			}
		})
	}
	wg.Wait()
	close(got)
}

// TestEmulatorStateSurvivesKill kills `plaidwalk emulator --state` (SIGKILL) while clients are
// making Items, restarts it on the same directory and checks every access and processor token
// it answered before dying still works; then a state from a newer version is refused.
func TestEmulatorStateSurvivesKill(t *testing.T) {
	bin, dir := buildBinary(t, t.TempDir()), t.TempDir()
	first := startStateEmulator(t, bin, dir)
	got := make(chan handedOut, 64)
	go loadFlows(stateClient(first.url), 4, got)
	var answered []handedOut
	for h := range got {
		answered = append(answered, h)
		if len(answered) == 60 { // mid-load: the workers are still calling
			if err := first.cmd.Process.Signal(syscall.SIGKILL); err != nil {
				t.Fatal(err)
			}
		}
	}
	if len(answered) < 60 {
		t.Fatalf("the load stopped after %d answers; stderr:\n%s", len(answered), first.errOut.String())
	}
	_ = first.cmd.Wait()

	second := startStateEmulator(t, bin, dir)
	api, ctx := stateClient(second.url), context.Background()
	for i, h := range answered {
		if _, _, err := api.AccountsGet(ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(h.access)).Execute(); err != nil {
			t.Fatalf("answer %d of %d: access token lost in the kill: %v", i, len(answered), err)
		}
		if h.processor == "" {
			continue
		}
		pa, _, err := api.ProcessorAccountGet(ctx).ProcessorAccountGetRequest(*plaid.NewProcessorAccountGetRequest(h.processor)).Execute()
		if err != nil || pa.Account.AccountId != h.accountID {
			t.Fatalf("answer %d: processor token after the restart: %v (account %v, want %s)", i, err, pa, h.accountID)
		}
	}
	refusesUnreadableState(t, bin)
}

// refusesUnreadableState: a damaged state file stops the command with exit 1 and the reason.
func refusesUnreadableState(t *testing.T, bin string) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "emulator.db"), bytes.Repeat([]byte("junk"), 2048), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := execPlaidwalk(t, bin, t.TempDir(), nil, "emulator", "--state", dir)
	if code != 1 || out != "" || !strings.Contains(errOut, "move it away") {
		t.Fatalf("damaged state: exit %d, stdout %q, stderr %q; want exit 1 naming the fix", code, out, errOut)
	}
}
