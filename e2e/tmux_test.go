package e2e

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
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

// built is the binary the package's tests share: linking it takes seconds on a busy machine,
// and no test changes it. TestMain removes its directory.
var built struct {
	once     sync.Once
	dir, bin string
	err      error
}

// buildBinary builds plaidwalk once for the whole package and returns its path.
func buildBinary(t *testing.T) string {
	t.Helper()
	built.once.Do(func() {
		if built.dir, built.err = os.MkdirTemp("", "plaidwalk-e2e-"); built.err != nil {
			return
		}
		built.bin = filepath.Join(built.dir, "plaidwalk")
		cmd := exec.Command("go", "build", "-o", built.bin, "plaidwalk/cmd/plaidwalk")
		cmd.Env = os.Environ()
		if out, err := cmd.CombinedOutput(); err != nil {
			built.err = fmt.Errorf("go build: %w\n%s", err, out)
		}
	})
	if built.err != nil {
		t.Fatal(built.err)
	}
	return built.bin
}

func TestMain(m *testing.M) {
	code := m.Run()
	if built.dir != "" {
		_ = os.RemoveAll(built.dir)
	}
	os.Exit(code)
}

// startOffline runs the built binary offline in a w x h tmux window, in a directory of its
// own, and waits for the partner list.
func startOffline(t *testing.T, w, h int) (*tmuxTerm, string) {
	t.Helper()
	term, dir := startOfflineWith(t, buildBinary(t), w, h, "")
	term.waitFor(`Step 1/7(.|\n)*partners`, 10*time.Second)
	return term, filepath.Join(dir, "exit")
}

// startOfflineWith starts bin offline with --no-browser and args in a w x h tmux
// window, in a directory of its own (dir): its state in dir/state, its exit code in dir/exit,
// its stdout in dir/stdout.txt.
func startOfflineWith(t *testing.T, bin string, w, h int, args string) (*tmuxTerm, string) {
	t.Helper()
	dir := t.TempDir()
	env := []string{"XDG_STATE_HOME=" + filepath.Join(dir, "state"), "HOME=" + dir, "PLAID_CLIENT_ID=", "PLAID_SECRET="}
	cmd := "cd " + dir + " && exec " + bin + " --no-browser " + args + " > " + filepath.Join(dir, "stdout.txt")
	return startTmux(t, w, h, env, filepath.Join(dir, "exit"), "sh", "-c", cmd), dir
}

// TestSlashFilterInTmux types /dwolla, as a user of bubbles list apps does to filter: the
// slash opens the filter, it is not part of it, so Dwolla is found.
func TestSlashFilterInTmux(t *testing.T) {
	term, _ := startOffline(t, 80, 24)
	term.sendText("/dwolla")
	// The count follows the filter's text on the same line: this screen is the filtered one.
	screen := term.waitFor(`Filter: \S*dwolla\s+\d+ of \d+ partners`, 5*time.Second)
	if !regexp.MustCompile(`Filter: dwolla\s+1 of \d+ partners`).MatchString(screen) || !strings.Contains(screen, "> Dwolla") {
		t.Fatalf("/dwolla did not filter the list to Dwolla:\n%s", screen)
	}
	term.send("C-c")
}

// walkDwollaByShortcut takes a fresh UI from the partner list to Dwolla's results with the
// defaults and the sandbox shortcut, and returns the first results screen.
func walkDwollaByShortcut(term *tmuxTerm) string {
	term.sendText("dwolla")
	term.waitFor(`Filter: dwolla\s+1 of \d+ partners`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`Step 2/7 · Link options`, 5*time.Second)
	term.send("Enter")
	term.waitFor(`Step 3/7(.|\n)*Press Enter to open Link`, 10*time.Second)
	term.send("Enter")
	term.waitFor(`Step 4/7 · Plaid Link(.|\n)*http://127`, 10*time.Second)
	term.send("s")
	term.waitFor(`Step 5/7(.|\n)*Choose the account for Dwolla`, 20*time.Second)
	term.send("Enter")
	// The help bar is the page's last line: once it is drawn below the Done line, so is the page.
	return term.waitFor(`Done: Dwolla's token(.|\n)*q quit`, 20*time.Second)
}

// TestResultsAt80x24ShowTheTokenFirst walks Dwolla in an 80x24 terminal (Link by the sandbox
// shortcut) and reads the first results screen: the Tokens header and the processor_token
// row, cursor on it, are there without scrolling.
func TestResultsAt80x24ShowTheTokenFirst(t *testing.T) {
	term, exitFile := startOffline(t, 80, 24)
	screen := walkDwollaByShortcut(term)
	saveScreen(t, "results-80x24", screen)
	if !strings.Contains(screen, "Tokens: ") || !regexp.MustCompile(`(?m)^> Dwolla +processor_token +processor-sandbox-…`).MatchString(screen) {
		t.Errorf("the first results screen at 80x24 lacks the Tokens header or the processor_token row:\n%s", screen)
	}
	term.send("q")
	if code := waitExit(t, exitFile, 10*time.Second); code != "0" {
		t.Fatalf("exit code %s, want 0; screen:\n%s", code, term.screen())
	}
}
