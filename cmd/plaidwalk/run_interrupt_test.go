package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"plaidwalk/sessions"
)

// TestRunLinkBrowserInterruptedBySignal sends SIGINT (ctrl+c), SIGTERM and SIGHUP (the
// terminal closed) to the built binary while `run --link browser` waits for Link: each time
// it says it was interrupted, exits 130 as a shell does for ctrl+c, and the session is saved
// as a walk the user stopped. Left to its default, SIGHUP would kill it with 129 unsaved.
func TestRunLinkBrowserInterruptedBySignal(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	for _, sig := range []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) { interruptRunBinary(t, bin, sig) })
	}
}

func interruptRunBinary(t *testing.T, bin string, sig os.Signal) {
	dir := t.TempDir()
	cmd := exec.Command(bin, "run", "--partner", "dwolla", "--link", "browser", "--no-browser", "--link-timeout", "60s") // a hang ends in a minute
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + dir}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	var errOut strings.Builder
	lines := bufio.NewScanner(stderr)
	for lines.Scan() { // wait for the state the signal must hit: Link is waiting
		errOut.WriteString(lines.Text() + "\n")
		if strings.HasPrefix(lines.Text(), "Link is waiting at ") {
			break
		}
	}
	if err := cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	rest, _ := io.ReadAll(stderr)
	errOut.Write(rest)
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if !errors.As(err, &exitErr) || exitErr.ExitCode() != 130 {
		t.Fatalf("exit %v, want 130; stderr:\n%s", err, errOut.String())
	}
	checkInterrupted(t, errOut.String())
	store, _ := sessions.OpenStore(func(k string) string { return map[string]string{"HOME": dir, "XDG_STATE_HOME": dir}[k] })
	s, _, err := store.Load("latest")
	if err != nil {
		t.Fatalf("no session saved: %v", err)
	}
	checkStoppedSession(t, s)
}

// TestRunLinkHostedInterrupted: ctrl+c (a cancelled context, as main's signal handler makes)
// while Hosted Link is open ends run the same way.
func TestRunLinkHostedInterrupted(t *testing.T) {
	e := newSessEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e.deps.openURL = func(string) error { cancel(); return nil }
	var out, errOut bytes.Buffer
	code := runWith(ctx, e.deps, []string{"run", "--partner", "dwolla", "--link", "hosted"}, e.getenv, strings.NewReader(""), &out, &errOut)
	if code != 130 {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, errOut.String())
	}
	checkInterrupted(t, errOut.String())
	checkStoppedSession(t, latestSession(t, e))
}

// TestRunInterruptedWhilePolling: plain run stopped while it polls for an Asset Report ends
// as interrupted too, not as the "not ready yet" answer the last poll happened to get.
func TestRunInterruptedWhilePolling(t *testing.T) {
	e := newSessEnv(t)
	e.deps.emulator.AssetReportDelay = time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	errOut := &cancelOnWrite{mark: "(poll 1)", cancel: cancel}
	var out bytes.Buffer
	code := runWith(ctx, e.deps, []string{"run", "--partner", "alloy-credit", "--secondary-client-id", "test-alloy"}, e.getenv, strings.NewReader(""), &out, errOut)
	if code != 130 {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, errOut.String())
	}
	checkInterrupted(t, errOut.String())
	if strings.Contains(errOut.String(), "PRODUCT_NOT_READY") {
		t.Errorf("the interrupted poll is reported as Plaid's answer:\n%s", errOut.String())
	}
	checkStoppedSession(t, latestSession(t, e))
}

// cancelOnWrite is a stderr that presses ctrl+c once mark is printed.
type cancelOnWrite struct {
	mu     sync.Mutex
	buf    bytes.Buffer
	mark   string
	cancel context.CancelFunc
}

func (w *cancelOnWrite) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if strings.Contains(string(p), w.mark) {
		w.cancel()
	}
	return w.buf.Write(p)
}

func (w *cancelOnWrite) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

func checkInterrupted(t *testing.T, stderr string) {
	t.Helper()
	if !strings.Contains(stderr, "plaidwalk run: interrupted before the walk finished; no further call was made") || !strings.Contains(stderr, "session saved: ") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if strings.Contains(stderr, "context canceled") || strings.Contains(stderr, "failed") {
		t.Errorf("the interruption reads as a failure:\n%s", stderr)
	}
}

func checkStoppedSession(t *testing.T, s sessions.Session) {
	t.Helper()
	if s.Outcome.Result != sessions.ResultStopped || s.Outcome.Reason != sessions.ReasonQuit {
		t.Errorf("saved outcome %+v, want stopped by the user", s.Outcome)
	}
}
