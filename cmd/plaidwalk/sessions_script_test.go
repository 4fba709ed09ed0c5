package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// shellHostile is a value that runs commands, expands the secret or ends the quoting if a
// script pastes it unquoted: it must reach the API exactly as it was recorded.
const shellHostile = `it's $(touch PWNED1) ` + "`touch PWNED2`" + ` "; touch PWNED3; \ ${PLAID_SECRET} $1 %s`

// callLineRE is how the script makes every call: the path and the body single-quoted, the
// tokens passed to jq as --arg values from quoted variables.
var callLineRE = regexp.MustCompile(`^(call|poll|expect [0-9]{3}) '(/[a-z0-9_]+)+' "\$\(jq -nc( --arg [a-z_]+ "\$[A-Z_]+")* '.*'\)"$`)

// The exported script, run by bash with curl against a stand-in Plaid, calls that host alone
// (with the Plaid-Version the walk used), runs no command hidden in a recorded value, and
// sends the value unchanged.
func TestExportedScriptQuotesValuesAndCallsOnlyItsHost(t *testing.T) {
	e := newSessEnv(t)
	_, id := e.walkAndSave("dwolla", plaidflow.WalkOptions{}, "")
	file := filepath.Join(e.sessionsDir(), id+".json")
	craftClientName(t, file, shellHostile)
	code, script, errOut := e.plaidwalk("sessions", "export", file, "--format", "curl")
	if code != 0 {
		t.Fatalf("export: %d %s", code, errOut)
	}
	for _, line := range strings.Split(script, "\n") {
		if verb, _, _ := strings.Cut(line, " "); (verb == "call" || verb == "poll" || verb == "expect") && !callLineRE.MatchString(line) {
			t.Errorf("a call line quotes something differently:\n%s", line)
		}
	}
	if out, err := exec.Command("bash", "-n", "-c", script).CombinedOutput(); err != nil {
		t.Fatalf("bash -n: %v\n%s", err, out)
	}
	plaid := newRecordingPlaid(t)
	dir, urls := t.TempDir(), filepath.Join(t.TempDir(), "urls")
	stdout, stderr, err := runInDir(t, dir, script, plaid.URL, urls)
	if err != nil {
		t.Fatalf("script: %v\n%s\n%s", err, stdout, stderr)
	}
	if files, _ := os.ReadDir(dir); len(files) != 0 {
		t.Fatalf("a recorded value ran as a command: %v", files)
	}
	sent, _ := os.ReadFile(urls)
	for _, raw := range strings.Fields(string(sent)) {
		u, err := url.Parse(raw)
		if err != nil || u.Scheme+"://"+u.Host != plaid.URL || u.User != nil || !sessions.IsAPIPath(u.Path) || u.RawQuery != "" {
			t.Errorf("the script addressed %q, not a Plaid path on %s", raw, plaid.URL)
		}
	}
	plaid.check(t, shellHostile)
}

// craftClientName rewrites the client_name of the session's /link/token/create body.
func craftClientName(t *testing.T, file, name string) {
	t.Helper()
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal([]byte(s.Calls[0].RequestBody), &body); err != nil || s.Calls[0].Path != "/link/token/create" {
		t.Fatalf("first call %s: %v", s.Calls[0].Path, err)
	}
	body["client_name"] = name
	raw, _ := json.Marshal(body)
	s.Calls[0].RequestBody = string(raw)
	data, _ := json.Marshal(s)
	if err := os.WriteFile(file, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// recordingPlaid is the emulator behind a front that notes each request's client_name and
// Plaid-Version header.
type recordingPlaid struct {
	*httptest.Server
	mu       sync.Mutex
	names    []string
	versions []string
}

func newRecordingPlaid(t *testing.T) *recordingPlaid {
	p := &recordingPlaid{}
	emu := emulator.New(emulator.Options{})
	p.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		var v struct {
			ClientName string `json:"client_name"`
		}
		_ = json.Unmarshal(body, &v)
		p.mu.Lock()
		p.versions = append(p.versions, r.Header.Get(plaidflow.PlaidVersionHeader))
		if v.ClientName != "" {
			p.names = append(p.names, v.ClientName)
		}
		p.mu.Unlock()
		r.Body = io.NopCloser(bytes.NewReader(body))
		emu.ServeHTTP(w, r)
	}))
	t.Cleanup(p.Close)
	return p
}

func (p *recordingPlaid) check(t *testing.T, clientName string) {
	t.Helper()
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.names) != 1 || p.names[0] != clientName {
		t.Errorf("client_name sent %q, want %q", p.names, clientName)
	}
	if len(p.versions) < 5 {
		t.Fatalf("only %d calls reached the stand-in Plaid", len(p.versions))
	}
	for i, v := range p.versions {
		if v != plaidflow.PlaidVersion {
			t.Errorf("call %d sent %s %q, want %q", i+1, plaidflow.PlaidVersionHeader, v, plaidflow.PlaidVersion)
		}
	}
}

// runInDir runs script with bash in dir, with a curl in front of the real one that notes the
// URL of every request in urls.
func runInDir(t *testing.T, dir, script, base, urls string) (string, string, error) {
	t.Helper()
	realCurl, err := exec.LookPath("curl")
	if err != nil {
		t.Fatal("curl is needed for this test: run 'make test-deps'")
	}
	bin := t.TempDir()
	wrapper := "#!/usr/bin/env bash\nprev=\nfor a in \"$@\"; do [ \"$prev\" = POST ] && printf '%s\\n' \"$a\" >> " + shellQuoted(urls) +
		"; prev=$a; done\nexec " + shellQuoted(realCurl) + " \"$@\"\n"
	if err := os.WriteFile(filepath.Join(bin, "curl"), []byte(wrapper), 0o700); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("bash", "-c", script)
	cmd.Dir = dir
	cmd.Env = []string{"PATH=" + bin + ":" + os.Getenv("PATH"), "HOME=" + t.TempDir(),
		"PLAID_CLIENT_ID=" + emulator.TestClientID, "PLAID_SECRET=" + emulator.TestSecret, "PLAID_BASE_URL=" + base}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	return stdout.String(), stderr.String(), err
}

func shellQuoted(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }
