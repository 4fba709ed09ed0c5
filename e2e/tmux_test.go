package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// tmuxTerm drives one program in a detached tmux session of a fixed size, the way a person at
// a terminal would: keys in, screen text out.
type tmuxTerm struct {
	t       *testing.T
	socket  string
	session string
}

// startTmux runs argv in a new tmux server of its own (so a developer's tmux is never touched)
// inside a w x h window. The program's exit code is written to exitFile when it ends.
func startTmux(t *testing.T, w, h int, env []string, exitFile string, argv ...string) *tmuxTerm {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Fatalf("tmux is needed for this test and was not found: %v (make test-deps installs it)", err)
	}
	tt := &tmuxTerm{t: t, socket: filepath.Join(t.TempDir(), "tmux.sock"), session: "plaidwalk"}
	shell := fmt.Sprintf("%s; echo $? > %s; sleep 30", shellJoin(argv), exitFile)
	args := []string{"new-session", "-d", "-s", tt.session, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h)}
	for _, kv := range env {
		args = append(args, "-e", kv)
	}
	args = append(args, "sh", "-c", shell)
	tt.run(args...)
	t.Cleanup(func() { _ = exec.Command("tmux", "-S", tt.socket, "kill-server").Run() })
	return tt
}

func (tt *tmuxTerm) run(args ...string) string {
	tt.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-S", tt.socket}, args...)...).CombinedOutput()
	if err != nil {
		tt.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

// send types keys; tmux key names (Enter, Escape, Down) are allowed.
func (tt *tmuxTerm) send(keys ...string) {
	tt.t.Helper()
	tt.run(append([]string{"send-keys", "-t", tt.session}, keys...)...)
}

// sendText types literal text.
func (tt *tmuxTerm) sendText(s string) {
	tt.t.Helper()
	tt.run("send-keys", "-t", tt.session, "-l", s)
}

// screen is the visible pane as plain text.
func (tt *tmuxTerm) screen() string {
	tt.t.Helper()
	return tt.run("capture-pane", "-p", "-J", "-t", tt.session)
}

// waitFor polls the screen until re matches, and returns the screen.
func (tt *tmuxTerm) waitFor(re string, within time.Duration) string {
	tt.t.Helper()
	rx := regexp.MustCompile(re)
	deadline := time.Now().Add(within)
	var last string
	for time.Now().Before(deadline) {
		last = tt.screen()
		if rx.MatchString(last) {
			return last
		}
		time.Sleep(100 * time.Millisecond)
	}
	tt.t.Fatalf("screen never matched %q within %s; last screen:\n%s", re, within, last)
	return ""
}

func shellJoin(argv []string) string {
	var b bytes.Buffer
	for i, a := range argv {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString("'" + strings.ReplaceAll(a, "'", `'\''`) + "'")
	}
	return b.String()
}

// buildBinary builds plaidwalk once into a temp dir.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "plaidwalk")
	cmd := exec.Command("go", "build", "-o", bin, "plaidwalk/cmd/plaidwalk")
	cmd.Env = os.Environ()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}
