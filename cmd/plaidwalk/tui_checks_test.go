package main

import (
	"bytes"
	"context"
	"errors"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// TestTUIWithoutATerminalRefusesBeforeDrawing runs the built binary as `plaidwalk </dev/null`
// with its output in pipes: it must say the UI needs a terminal and point at `run`, exit 2,
// and write no escape sequence (no alternate screen, no hidden cursor left behind).
func TestTUIWithoutATerminalRefusesBeforeDrawing(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	dir := t.TempDir()
	code, out, errOut := execPlaidwalk(t, bin, dir, nil, "--partner", "dwolla")
	if code != 2 {
		t.Fatalf("exit %d, want 2\nstdout:\n%q\nstderr:\n%q", code, out, errOut)
	}
	for _, want := range []string{"needs a terminal", "stdin is not one", "plaidwalk run --partner ID"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(out+errOut, "\x1b") || out != "" {
		t.Errorf("the terminal was touched or stdout written:\nstdout %q\nstderr %q", out, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "plaidwalk")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("something was saved in the state dir: %v", err)
	}
}

// TestTUIRefusesAScreenThatIsNotATerminal: stderr, where the UI draws, redirected to a file
// is refused too, while readers that are not files (the tests' key seams) are let through.
func TestTUIRefusesAScreenThatIsNotATerminal(t *testing.T) {
	screen, err := os.Create(filepath.Join(t.TempDir(), "screen.txt"))
	if err != nil {
		t.Fatal(err)
	}
	defer screen.Close()
	var out bytes.Buffer
	c := &cli{deps: testDeps(), getenv: func(string) string { return "" }, stdin: &slowKeys{keys: "\x03"}, stdout: &out, stderr: screen}
	if code := cmdTUI(context.Background(), c, []string{"--no-browser"}); code != 2 {
		t.Fatalf("exit %d, want 2", code)
	}
	written, _ := os.ReadFile(screen.Name())
	if !strings.Contains(string(written), "stderr is not one") || strings.Contains(string(written), "\x1b") {
		t.Errorf("stderr file:\n%q", written)
	}
}

// TestPortOutOfRangeIsRefusedBeforeAnyCall: a --port no listener can take stops the UI and
// run at flag parsing, with exit 2, before a link_token is made or a session saved. The UI's
// cases run the built binary, so that without the check they end (in the terminal check)
// rather than open a UI.
func TestPortOutOfRangeIsRefusedBeforeAnyCall(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	for _, tc := range []struct {
		port string
		args []string
	}{
		{"99999", []string{"--port", "99999"}},
		{"-1", []string{"--partner", "dwolla", "--port", "-1"}},
		{"99999", []string{"run", "--partner", "dwolla", "--link", "browser", "--port", "99999", "--no-browser"}},
		{"65536", []string{"run", "--partner", "dwolla", "--port", "65536", "--json"}},
	} {
		dir := t.TempDir()
		code, out, errOut := execPlaidwalk(t, bin, dir, nil, tc.args...)
		if code != 2 || !strings.Contains(errOut, "--port "+tc.port+" is not a TCP port") || !strings.Contains(errOut, "65535") {
			t.Errorf("%v: exit %d, want 2 naming the port; stderr:\n%s", tc.args, code, errOut)
		}
		if out != "" || strings.Contains(errOut, "session saved") {
			t.Errorf("%v: something ran: stdout %.300q, stderr %q", tc.args, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, "plaidwalk")); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("%v: a session was saved (%v)", tc.args, err)
		}
	}
	e := newSessEnv(t) // 0 still means any free port
	if code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--port", "0"); code != 0 {
		t.Errorf("--port 0: exit %d\n%s", code, errOut)
	}
}

// busyPort holds a loopback port for the test's life.
func busyPort(t *testing.T) int {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	return ln.Addr().(*net.TCPAddr).Port
}

// TestLinkPortInUseNamesThePort: a free-looking but taken --port fails at the Link step with
// the port named and what to do, and no advice about the network (it is a local problem),
// in run and in the UI's Link server alike.
func TestLinkPortInUseNamesThePort(t *testing.T) {
	port := busyPort(t)
	want := "port " + strconv.Itoa(port) + " on 127.0.0.1 is already in use by another program: pick another --port, or leave --port out"
	e := newSessEnv(t)
	code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--link", "browser", "--no-browser", "--port", strconv.Itoa(port))
	if code != 1 || !strings.Contains(errOut, want) || strings.Contains(errOut, "network") || strings.Contains(errOut, "hint:") {
		t.Errorf("run: exit %d; stderr:\n%s", code, errOut)
	}
	c, _, _ := tuiCLI(nil, "")
	deps := tuiDeps(c, plaidflow.Config{Env: plaidflow.EnvSandbox}, plaidflow.Catalog{}, tuiOptions{port: port})
	_, err := deps.StartLink(context.Background(), linkserver.Options{LinkToken: "link-sandbox-x", ScriptURL: deps.Link.ScriptURL, Port: port})
	var ne net.Error
	if err == nil || !strings.Contains(err.Error(), want) || errors.As(err, &ne) {
		t.Errorf("the UI's Link server: %v (a net.Error would get the UI's network hint)", err)
	}
}
