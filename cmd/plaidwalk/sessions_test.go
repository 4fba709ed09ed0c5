package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
	"plaidwalk/tui"
)

// sessEnv is an offline environment whose state directory is the test's own.
type sessEnv struct {
	t     *testing.T
	vars  map[string]string
	state string
	deps  deps // what the program runs with; tests may change it before a run
}

func newSessEnv(t *testing.T) *sessEnv {
	t.Helper()
	home := t.TempDir()
	state := filepath.Join(home, "state")
	d := testDeps()
	d.emulator.AssetReportDelay = 20 * time.Millisecond
	return &sessEnv{t: t, state: state, deps: d, vars: map[string]string{"HOME": home, "XDG_STATE_HOME": state}}
}

func (e *sessEnv) getenv(k string) string { return e.vars[k] }

func (e *sessEnv) sessionsDir() string { return filepath.Join(e.state, "plaidwalk", "sessions") }

// plaidwalk runs the program as main would, returning the exit code, stdout and stderr.
func (e *sessEnv) plaidwalk(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runWith(context.Background(), e.deps, args, e.getenv, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// walkAndSave walks a partner offline through the real plaidflow and emulator, then saves it
// through the seam the run command and the TUI use. It returns what the walk produced.
func (e *sessEnv) walkAndSave(partner string, wo plaidflow.WalkOptions, file string) (plaidflow.WalkResult, string) {
	e.t.Helper()
	c, cfg, p := e.offline(partner)
	ctx := context.Background()
	if len(wo.Link.Products) == 0 {
		wo.Link = plaidflow.DefaultLinkConfig(cfg, p)
	}
	log := plaidflow.NewAPILog()
	started := time.Now()
	res, walkErr := plaidflow.Walk(ctx, plaidflow.NewClient(cfg, log), p, wo)
	s := buildSession("run", sessions.Record{Config: cfg, Partner: p, Options: wo, Result: res, Err: walkErr, Calls: log.Calls(), Started: started})
	paths, err := saveSession(c, cfg, s, file, false)
	if err != nil {
		e.t.Fatal(err)
	}
	return res, strings.TrimSuffix(filepath.Base(paths[len(paths)-1]), ".json")
}

// offline starts the in-process emulator for this test (stopped at cleanup) and finds the
// partner: what every walk these tests save starts from.
func (e *sessEnv) offline(partner string) (*cli, plaidflow.Config, plaidflow.Partner) {
	e.t.Helper()
	c := &cli{deps: e.deps, getenv: e.getenv, stdin: strings.NewReader(""), stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	cfg, stop, err := setupEnv(context.Background(), c, plaidflow.Overrides{})
	e.t.Cleanup(stop)
	if err != nil {
		e.t.Fatal(err)
	}
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		e.t.Fatal(err)
	}
	p, ok := catalog.Find(partner)
	if !ok {
		e.t.Fatalf("no partner %s", partner)
	}
	return c, cfg, p
}

func TestSessionRoundTripSavedListedShownReplayed(t *testing.T) {
	e := newSessEnv(t)
	res, id := e.walkAndSave("dwolla", plaidflow.WalkOptions{Account: "0000"}, "")
	if len(res.Result.Tokens) == 0 {
		t.Fatal("the walk made no token")
	}
	code, out, errOut := e.plaidwalk("sessions")
	if code != 0 {
		t.Fatalf("sessions: %d %s", code, errOut)
	}
	for _, want := range []string{"PARTNER", "dwolla", "offline", "success: processor_token", id} {
		if !strings.Contains(out, want) {
			t.Errorf("list lacks %q:\n%s", want, out)
		}
	}
	code, out, errOut = e.plaidwalk("sessions", "show", id[:len(id)-2])
	if code != 0 {
		t.Fatalf("show: %d %s", code, errOut)
	}
	for _, want := range []string{"Session " + id, "Dwolla (dwolla)", "user_good / pass_good", "Plaid Checking ••0000", "POST /link/token/create", "POST /processor/token/create", "Outcome: success: processor_token"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
	saved, err := sessions.ReadFile(filepath.Join(e.sessionsDir(), id+".json"))
	if err != nil {
		t.Fatal(err)
	}
	steps := len(sessions.Steps(saved.Calls, false))
	code, out, errOut = e.plaidwalk("replay", id)
	if code != 0 || steps < 6 || !strings.Contains(out, fmt.Sprintf("\nreproduced: %d steps", steps)) {
		t.Fatalf("replay: exit %d\n%s\n%s", code, out, errOut)
	}
}

func TestEditedSessionReplaysToADifference(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "ticket.json")
	e.walkAndSave("stripe", plaidflow.WalkOptions{}, file)
	// A support engineer edits the customer's session: the login now fails as a locked Item.
	var doc map[string]any
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	doc["inputs"].(map[string]any)["password"] = "error_ITEM_LOCKED"
	edited, _ := json.Marshal(doc)
	if err := os.WriteFile(file, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := e.plaidwalk("replay", file)
	if code != 1 {
		t.Fatalf("replay exit %d, want 1\n%s\n%s", code, out, errOut)
	}
	want := "not reproduced: step 2 differs (a different HTTP status)\n" +
		"  saved:    POST /sandbox/public_token/create -> 200\n" +
		"  replayed: POST /sandbox/public_token/create -> 400 ITEM_LOCKED\n"
	if !strings.Contains(out, want) {
		t.Fatalf("replay output:\n%s\nwant:\n%s", out, want)
	}
}

func TestBrowserSessionReplaysThroughTheShortcut(t *testing.T) {
	e := newSessEnv(t)
	file := filepath.Join(t.TempDir(), "browser.json")
	e.walkAndSave("dwolla", plaidflow.WalkOptions{}, file)
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	// Make it what a browser walk records: Link produced the public token, no shortcut call.
	s.Inputs.LinkMode, s.Inputs.Username, s.Inputs.Password = sessions.LinkModeBrowser, "", ""
	s.Calls = append(s.Calls[:1:1], s.Calls[2:]...)
	s.Link = &sessions.Link{Outcome: &sessions.LinkOutcome{Status: "success", InstitutionID: "ins_109508"}}
	if err := sessions.WriteFile(file, s); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := e.plaidwalk("replay", file)
	if code != 0 || !strings.Contains(out, "the replay uses the sandbox shortcut with the same institution, user and account") || !strings.Contains(out, "reproduced") {
		t.Fatalf("replay exit %d\n%s\n%s", code, out, errOut)
	}
}

var wholeTokenRE = regexp.MustCompile(`[a-z]+-(sandbox|production|development)-[0-9a-f]{8}-[0-9a-f]{4}|btok_[0-9A-Za-z]{8,}`)

func TestSavedBytesHoldNoSecretAndNoWholeToken(t *testing.T) {
	e := newSessEnv(t)
	var tokens []string
	for _, w := range []struct {
		partner string
		wo      plaidflow.WalkOptions
	}{
		{"dwolla", plaidflow.WalkOptions{}},
		{"stripe", plaidflow.WalkOptions{}},
		{"alloy-credit", plaidflow.WalkOptions{Inputs: plaidflow.PartnerInputs{plaidflow.InputSecondaryClientID: "test-alloy"}}},
		{"dwolla", plaidflow.WalkOptions{Password: "error_ITEM_LOCKED"}},
	} {
		res, id := e.walkAndSave(w.partner, w.wo, "")
		if w.wo.Password == "" && len(res.Result.Tokens) == 0 {
			t.Fatalf("%s walk made no token (session %s)", w.partner, id)
		}
		tokens = append(tokens, res.LinkToken.Token, res.Item.AccessToken)
		for _, tok := range res.Result.Tokens {
			tokens = append(tokens, tok.Value)
		}
	}
	files, err := os.ReadDir(e.sessionsDir())
	if err != nil || len(files) != 4 {
		t.Fatalf("store holds %v (%v), want 4 sessions", files, err)
	}
	if info, _ := os.Stat(e.sessionsDir()); info.Mode().Perm() != 0o700 {
		t.Errorf("sessions dir mode %v", info.Mode().Perm())
	}
	for _, f := range files {
		path := filepath.Join(e.sessionsDir(), f.Name())
		info, _ := os.Stat(path)
		if info.Mode().Perm() != 0o600 {
			t.Errorf("%s mode %v", f.Name(), info.Mode().Perm())
		}
		data, _ := os.ReadFile(path)
		if bytes.Contains(data, []byte(emulator.TestSecret)) {
			t.Errorf("%s holds the client secret", f.Name())
		}
		for _, tok := range tokens {
			if tok != "" && bytes.Contains(data, []byte(tok)) {
				t.Errorf("%s holds a whole token %s…", f.Name(), tok[:12])
			}
		}
		if m := wholeTokenRE.Find(data); m != nil {
			t.Errorf("%s holds something shaped like a whole token: %s", f.Name(), m)
		}
	}
}

func TestTUISaverKeepsLinkEventsAndOutcome(t *testing.T) {
	e := newSessEnv(t)
	c := &cli{deps: e.deps, getenv: e.getenv, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	at := time.Date(2026, 11, 22, 5, 0, 0, 0, time.UTC)
	events := []linkserver.Event{
		{Kind: linkserver.KindLoad, At: at},
		{Kind: linkserver.KindEvent, Name: "OPEN", Metadata: json.RawMessage(`{"view_name":"CONSENT","link_session_id":"s1"}`), At: at.Add(time.Second)},
		{Kind: linkserver.KindEvent, Name: "ERROR", Metadata: json.RawMessage(`{"error_code":"ITEM_LOCKED","error_type":"ITEM_ERROR","institution_name":"First Platypus Bank"}`), At: at.Add(2 * time.Second)},
	}
	out := &linkserver.Outcome{Exited: true, LinkSessionID: "s1", ExitStatus: "requires_credentials",
		Institution: &linkserver.Institution{Name: "First Platypus Bank", InstitutionID: "ins_109508"},
		ExitError:   &linkserver.LinkError{ErrorType: "ITEM_ERROR", ErrorCode: "ITEM_LOCKED", ErrorMessage: "locked"}}
	linkCall := plaidflow.Call{Time: at, Method: "POST", Path: "/link/token/create", Status: 200}
	dwolla := plaidflow.Partner{ID: "dwolla", Name: "Dwolla"}
	// The UI records its walk in attempts; the saver takes the record they fill.
	attempts := sessions.NewAttempts()
	id := attempts.Open(dwolla)
	attempts.AddCall(linkCall)
	attempts.LinkStarted(id, sessions.LinkModeBrowser)
	for _, ev := range events {
		attempts.LinkEvent(id, ev)
	}
	attempts.LinkEnded(id, *out)
	rec := attempts.WithAttempts(sessions.Record{Partner: dwolla, LinkMode: sessions.LinkModeBrowser}, id)
	paths, err := saveTUIRecord(c, plaidflow.Config{Env: plaidflow.EnvOffline}, tui.SessionRecord{Record: rec}, "", false)
	if err != nil || len(paths) != 1 {
		t.Fatalf("save: %v %v", paths, err)
	}
	s, err := sessions.ReadFile(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	if s.Source != "tui" || len(s.Link.Events) != 2 || s.Link.Events[1].ErrorCode != "ITEM_LOCKED" || s.Link.Outcome.Status != "exit" {
		t.Fatalf("link section = %+v / %+v", s.Link.Events, s.Link.Outcome)
	}
	if s.Outcome.Result != sessions.ResultError || s.Outcome.ErrorCode != "ITEM_LOCKED" || s.Inputs.InstitutionID != "ins_109508" {
		t.Fatalf("outcome %+v inputs %+v", s.Outcome, s.Inputs)
	}
	// Replayed, the Link error comes back through the matching sandbox password.
	code, stdout, stderr := e.plaidwalk("replay", paths[0])
	if code != 0 || !strings.Contains(stdout, "error_ITEM_LOCKED") || !strings.Contains(stdout, "reproduced") {
		t.Fatalf("replay: %d\n%s\n%s", code, stdout, stderr)
	}
}
