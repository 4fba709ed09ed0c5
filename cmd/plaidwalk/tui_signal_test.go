package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestTUIHangUpRestoresTheTerminalAndSaves runs the built binary's UI on a pseudo-terminal,
// creates a link_token, then sends SIGHUP as a closing terminal does: the UI must end as on
// SIGTERM, leaving the alternate screen (\x1b[?1049l) and saving the walk as stopped.
func TestTUIHangUpRestoresTheTerminalAndSaves(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	for _, sig := range []syscall.Signal{syscall.SIGTERM, syscall.SIGHUP} {
		t.Run(sig.String(), func(t *testing.T) {
			dir := t.TempDir()
			cmd := exec.Command(bin, "--no-browser", "--partner", "dwolla")
			cmd.Dir = dir
			cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + dir, "XDG_STATE_HOME=" + dir, "TERM=xterm-256color"}
			var out bytes.Buffer
			cmd.Stdout = &out
			screen := startOnPTY(t, cmd)
			waitForScreen(t, screen, "Step 2/7 · Link options")
			screen.master.WriteString("\r") // create the link_token: from here the walk is saved
			waitForScreen(t, screen, "Press Enter to open Link")
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			err := waitOrKill(t, cmd, 20*time.Second)
			<-screen.done
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Errorf("exit %d (%v), want 1 as for a walk stopped before its token", code, err)
			}
			drawn := screen.String()
			if !strings.Contains(drawn, "\x1b[?1049l") {
				t.Errorf("the alternate screen was left on; the terminal got, at the end:\n%q", drawn[max(len(drawn)-600, 0):])
			}
			files, _ := filepath.Glob(filepath.Join(dir, "plaidwalk", "sessions", "*.json"))
			if len(files) != 1 {
				t.Fatalf("sessions saved: %v, want one; stdout:\n%s", files, out.String())
			}
			data, _ := os.ReadFile(files[0])
			if !strings.Contains(string(data), `"result": "stopped"`) {
				t.Errorf("the saved walk is not a stopped one:\n%s", data)
			}
		})
	}
}

func waitForScreen(t *testing.T, s *ptyScreen, text string) {
	t.Helper()
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(s.String(), text); time.Sleep(20 * time.Millisecond) {
		if time.Now().After(deadline) {
			got := s.String()
			t.Fatalf("the screen never showed %q; it ends with:\n%q", text, got[max(len(got)-2000, 0):])
		}
	}
}

// waitOrKill waits for the process to end by itself, and fails the test (killing the
// process) when it is still running after d: a UI that ignores a signal must fail the test,
// not hang the suite.
func waitOrKill(t *testing.T, cmd *exec.Cmd, d time.Duration) error {
	t.Helper()
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		return err
	case <-time.After(d):
		_ = cmd.Process.Kill()
		t.Errorf("still running %v after the signal; killed", d)
		return <-done
	}
}
