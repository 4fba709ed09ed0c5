package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// The exported script must work on its own: bash, curl and jq against `plaidwalk emulator`
// (the built command, as a user would start it), with the keys and host it exports, ending
// with the partner token kind the session ended with.
func TestExportedCurlScriptRunsAgainstTheEmulatorCommand(t *testing.T) {
	for _, tool := range []string{"bash", "curl", "jq"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Fatalf("%s is needed for this test: run 'make test-deps'", tool)
		}
	}
	exports := startEmulatorCommand(t, buildBinary(t, t.TempDir()))
	cases := map[string]struct {
		partner string
		wo      plaidflow.WalkOptions
		tui     tuiWalk // set: the walk is saved as the terminal UI saves it, earlier attempts included
	}{
		"dwolla":       {"dwolla", plaidflow.WalkOptions{Account: "Plaid Saving"}, nil},
		"stripe":       {"stripe", plaidflow.WalkOptions{}, nil},
		"alloy-credit": {"alloy-credit", plaidflow.WalkOptions{Inputs: plaidflow.PartnerInputs{plaidflow.InputSecondaryClientID: "test-alloy"}}, nil},
		"locked":       {"dwolla", plaidflow.WalkOptions{Password: "error_ITEM_LOCKED"}, nil},
		"locked, then a new link_token and success": {"dwolla", plaidflow.WalkOptions{}, lockedThenGood},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			e := newSessEnv(t)
			var id string
			if tc.tui != nil {
				id = e.saveLikeTUI(tc.partner, tc.tui)
			} else {
				_, id = e.walkAndSave(tc.partner, tc.wo, "")
				id = filepath.Join(e.sessionsDir(), id+".json")
			}
			saved, err := sessions.ReadFile(id)
			if err != nil {
				t.Fatal(err)
			}
			code, script, errOut := e.plaidwalk("sessions", "export", id, "--format", "curl")
			if code != 0 {
				t.Fatalf("export: %d %s", code, errOut)
			}
			stdout, stderr, runErr := runScript(t, script, exports)
			if strings.Contains(stdout+stderr, exports["PLAID_SECRET"]) {
				t.Fatal("the script printed the secret")
			}
			if saved.Outcome.Result != sessions.ResultSuccess {
				// The script stops where the walk stopped, with the same Plaid error.
				if runErr == nil || !strings.Contains(stderr, `"error_code": "`+saved.Outcome.ErrorCode+`"`) {
					t.Fatalf("script for a failed walk: %v\nstderr:\n%s", runErr, stderr)
				}
				return
			}
			if runErr != nil {
				t.Fatalf("script failed: %v\nstdout:\n%s\nstderr:\n%s", runErr, stdout, stderr)
			}
			checkEveryCallMade(t, saved, script, stderr)
			wantKind := saved.Outcome.Tokens[len(saved.Outcome.Tokens)-1].Kind
			lines := strings.Split(strings.TrimSpace(stdout), "\n")
			if last := lines[len(lines)-1]; !strings.HasPrefix(last, "partner token: "+wantKind+" …") {
				t.Fatalf("script ended with %q, want the kind %s\nstderr:\n%s", last, wantKind, stderr)
			}
		})
	}
}

// checkEveryCallMade: the script makes the session's calls in order, failed ones included,
// each with the sandbox user its recorded body had, and each answers with the status the
// session saw (asset report polls may take fewer rounds).
func checkEveryCallMade(t *testing.T, saved sessions.Session, script, stderr string) {
	t.Helper()
	var want, got []string
	for _, c := range saved.Calls {
		if n := len(want); c.Path == "/asset_report/get" && n > 0 && strings.HasPrefix(want[n-1], "POST /asset_report/get") {
			want[n-1] = fmt.Sprintf("POST %s -> %d", c.Path, c.Status)
			continue
		}
		want = append(want, fmt.Sprintf("POST %s -> %d", c.Path, c.Status))
		if c.Path == "/sandbox/public_token/create" && strings.Contains(c.RequestBody, "error_ITEM_LOCKED") && !strings.Contains(script, `"override_password":"error_ITEM_LOCKED"`) {
			t.Errorf("the script does not send the recorded password error_ITEM_LOCKED:\n%s", script)
		}
	}
	for _, line := range strings.Split(stderr, "\n") {
		if f := strings.Fields(line); len(f) >= 4 && f[0] == "POST" && f[2] == "->" {
			if n := len(got); f[1] == "/asset_report/get" && n > 0 && strings.HasPrefix(got[n-1], "POST /asset_report/get") {
				got[n-1] = strings.Join(f[:4], " ")
				continue
			}
			got = append(got, strings.Join(f[:4], " "))
		}
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("the script's calls:\n%s\nthe session's:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// startEmulatorCommand runs `plaidwalk emulator` from the built binary, reads the export lines
// it prints on stdout, and stops it with SIGTERM when the test ends (checking it exits 0).
func startEmulatorCommand(t *testing.T, bin string) map[string]string {
	t.Helper()
	cmd := exec.Command(bin, "emulator", "--addr", "127.0.0.1:0", "--asset-report-delay", "50ms")
	cmd.Dir = t.TempDir()
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + cmd.Dir}
	var errOut bytes.Buffer
	cmd.Stderr = &errOut
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exports := map[string]string{}
	lines := bufio.NewScanner(stdout)
	for len(exports) < 3 && lines.Scan() {
		name, value, ok := strings.Cut(strings.TrimPrefix(lines.Text(), "export "), "=")
		if !ok || !strings.HasPrefix(lines.Text(), "export ") {
			_ = cmd.Process.Kill()
			t.Fatalf("stdout line %q is not an export line", lines.Text())
		}
		exports[name] = value
	}
	if len(exports) < 3 || !strings.HasPrefix(exports["PLAID_BASE_URL"], "http://127.0.0.1:") {
		_ = cmd.Process.Kill()
		_ = cmd.Wait()
		t.Fatalf("plaidwalk emulator exported %v\nstderr:\n%s", exports, errOut.String())
	}
	t.Cleanup(func() {
		if err := cmd.Process.Signal(syscall.SIGTERM); err != nil {
			t.Errorf("SIGTERM: %v", err)
		}
		_, _ = io.Copy(io.Discard, stdout)
		if err := cmd.Wait(); err != nil || !strings.Contains(errOut.String(), "stopped") {
			t.Errorf("plaidwalk emulator after SIGTERM: %v\nstderr:\n%s", err, errOut.String())
		}
	})
	return exports
}

// runScript runs an exported script with bash, with the exported keys and host in its
// environment and nothing else of ours.
func runScript(t *testing.T, script string, exports map[string]string) (string, string, error) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "walk.sh")
	if err := os.WriteFile(path, []byte(script), 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", path)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + t.TempDir()}
	for _, k := range []string{"PLAID_CLIENT_ID", "PLAID_SECRET", "PLAID_BASE_URL"} {
		cmd.Env = append(cmd.Env, k+"="+exports[k])
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

func TestReplayRefusesProductionWithoutYes(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "walk.json")
	e.walkAndSave("dwolla", plaidflow.WalkOptions{}, file)
	var requests atomic.Int32
	emu := emulator.New(emulator.Options{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		emu.ServeHTTP(w, r)
	}))
	defer srv.Close()
	// "Production" here is a stand-in host, so the test proves the gate without real calls.
	e.vars["PLAID_ENV"], e.vars["PLAID_BASE_URL"] = "production", srv.URL
	e.vars["PLAID_CLIENT_ID"], e.vars["PLAID_SECRET"] = emulator.TestClientID, emulator.TestSecret
	code, out, errOut := e.plaidwalk("replay", file)
	if code != 2 || !strings.Contains(errOut, "--yes") || out != "" || requests.Load() != 0 {
		t.Fatalf("exit %d, %d requests\n%s\n%s", code, requests.Load(), out, errOut)
	}
	// Past Link a replay needs the sandbox shortcut, which production lacks: refused before
	// any call even with --yes (a walk that stopped at its link_token does replay there; the
	// live production test covers that).
	code, out, errOut = e.plaidwalk("replay", file, "--yes")
	if code != 2 || requests.Load() != 0 || !strings.Contains(errOut, "sandbox shortcut") || out != "" {
		t.Fatalf("with --yes: exit %d, %d requests\n%s\n%s", code, requests.Load(), out, errOut)
	}
}

func TestBadSessionFilesAreRefusedAndLeftAlone(t *testing.T) {
	e := newSessEnv(t)
	good := filepath.Join(t.TempDir(), "good.json")
	e.walkAndSave("dwolla", plaidflow.WalkOptions{}, good)
	data, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	bad := map[string]struct{ content, says string }{
		"truncated.json": {string(data[:len(data)/3]), "not valid JSON (damaged or cut short"},
		"foreign.json":   {`{"name": "left-pad", "version": "1.3.0", "license": "WTFPL"}`, "not a plaidwalk session"},
		"future.json":    {strings.Replace(string(data), `"version": 2`, `"version": 9`, 1), "format version 9 was written by a newer plaidwalk"},
	}
	before := listDir(t, e.sessionsDir())
	for name, b := range bad {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(b.content), 0o644); err != nil {
			t.Fatal(err)
		}
		for _, args := range [][]string{{"sessions", "show", path}, {"sessions", "export", path, "--format", "markdown"}, {"replay", path}} {
			code, out, errOut := e.plaidwalk(args...)
			if code != 2 || out != "" || !strings.Contains(errOut, b.says) || !strings.Contains(errOut, path) {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 and %q", args, code, out, errOut, b.says)
			}
		}
		after, err := os.ReadFile(path)
		info, _ := os.Stat(path)
		if err != nil || string(after) != b.content || info.Mode().Perm() != 0o644 {
			t.Errorf("%s was changed", name)
		}
	}
	if got := listDir(t, e.sessionsDir()); strings.Join(got, ",") != strings.Join(before, ",") {
		t.Errorf("the sessions directory changed: %v -> %v", before, got)
	}
	if got := listDir(t, dir); len(got) != 3 {
		t.Errorf("files appeared beside the bad ones: %v", got)
	}
	// A bad file inside the store does not stop the list.
	if err := os.WriteFile(filepath.Join(e.sessionsDir(), "20990101-000000-x-0000.json"), []byte(bad["truncated.json"].content), 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, _ := e.plaidwalk("sessions")
	if code != 0 || !strings.Contains(out, "unreadable: not valid JSON") || !strings.Contains(out, "success: processor_token") {
		t.Fatalf("list with a bad file: %d\n%s", code, out)
	}
}

func listDir(t *testing.T, dir string) []string {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	return names
}

func TestSessionCommandsHaveHelpAndUsageErrors(t *testing.T) {
	e := newSessEnv(t)
	for _, args := range [][]string{{"sessions", "--help"}, {"sessions", "show", "--help"}, {"sessions", "export", "--help"}, {"replay", "--help"}} {
		code, out, _ := e.plaidwalk(args...)
		if code != 0 || !strings.Contains(out, "Usage: plaidwalk") && !strings.Contains(out, "Usage:\n  plaidwalk sessions") {
			t.Errorf("%v: exit %d\n%s", args, code, out)
		}
	}
	for _, args := range [][]string{{"sessions", "frobnicate"}, {"sessions", "show"}, {"sessions", "export", "x", "--format", "pdf"}, {"replay"}, {"replay", "a", "b"}, {"replay", "nope"}} {
		if code, _, errOut := e.plaidwalk(args...); code != 2 || errOut == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 with a message", args, code, errOut)
		}
	}
	code, out, _ := e.plaidwalk("sessions")
	if code != 0 || !strings.Contains(out, "No saved sessions") {
		t.Errorf("empty list: %d %s", code, out)
	}
}
