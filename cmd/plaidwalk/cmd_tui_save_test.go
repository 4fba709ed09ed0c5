package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// screenBuffer is the UI's output (stderr), safe to read while the UI writes it.
type screenBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (s *screenBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.Write(p)
}

func (s *screenBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.buf.String()
}

// cue is a person at the keyboard: once the screen shows text, they type keys.
type cue struct{ text, keys string }

// cuedKeys types each cue's keys when its text has been drawn since the previous cue, the way
// a person waits for a screen before pressing Enter.
type cuedKeys struct {
	t      *testing.T
	screen *screenBuffer
	cues   []cue
	from   int
	ended  bool
	done   chan struct{} // closed when the UI has returned
}

func (k *cuedKeys) Read(p []byte) (int, error) {
	if len(k.cues) == 0 {
		// The last cue's keys should have ended the UI. Should they not have, end stdin
		// would leave it waiting for ever: a late ctrl+c ends it, and the test fails on
		// what it finds instead of hanging until the suite's timeout.
		if k.ended {
			return 0, io.EOF
		}
		k.ended = true
		select {
		case <-k.done:
			return 0, io.EOF
		case <-time.After(30 * time.Second):
			return copy(p, "\x03"), nil
		}
	}
	c := k.cues[0]
	for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(20 * time.Millisecond) {
		s := k.screen.String()
		if at := strings.Index(s[k.from:], c.text); at >= 0 {
			k.from += at + len(c.text)
			break
		}
		if time.Now().After(deadline) {
			k.t.Errorf("the screen never showed %q; it ends with:\n%s", c.text, s[max(len(s)-3000, 0):])
			k.cues = nil
			return copy(p, "\x03"), nil // ctrl+c: the UI ends instead of waiting for keys
		}
	}
	k.cues = k.cues[1:]
	return copy(p, c.keys), nil
}

// runTUI runs plaidwalk's UI offline with a state dir of its own and the cues as keys.
func runTUI(t *testing.T, state string, args []string, cues ...cue) (int, string, string) {
	t.Helper()
	env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
	return runTUIWith(t, testDeps(), env, args, cues...)
}

// runTUIWith runs the UI with the dependencies d and only the environment env.
func runTUIWith(t *testing.T, d deps, env map[string]string, args []string, cues ...cue) (int, string, string) {
	t.Helper()
	screen := &screenBuffer{}
	var out bytes.Buffer
	keys := &cuedKeys{t: t, screen: screen, cues: cues, done: make(chan struct{})}
	c := &cli{deps: d, getenv: func(k string) string { return env[k] }, stdin: keys, stdout: &out, stderr: screen}
	code := cmdTUI(context.Background(), c, args)
	close(keys.done)
	return code, out.String(), screen.String()
}

// walkToResults is Dwolla from its options (--partner) to the results, Link by the sandbox
// shortcut.
var walkToResults = []cue{
	{"Step 2/7 · Link options", "\r"},
	{"Press Enter to open Link", "\r"},
	{"Step 4/7 · Plaid Link", "s"},
	{"Choose the account for Dwolla", "\r"},
	{"Step 7/7 · Results", ""},
}

func savedFiles(t *testing.T, state string) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(state, "plaidwalk", "sessions", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	return files
}

// TestTUISavesTheWalkWhenItCloses walks Dwolla in the real UI and quits on the results: the
// session lands in the state dir and in --save's file, stderr says where, and the saved file
// is one `sessions show` reads and `replay` reproduces.
func TestTUISavesTheWalkWhenItCloses(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	file := filepath.Join(t.TempDir(), "dwolla.json")
	code, out, screen := runTUI(t, state, []string{"--no-browser", "--partner", "dwolla", "--save", file},
		append(walkToResults, cue{"Dwolla's token", "q"})...)
	if code != 0 {
		t.Fatalf("exit %d, want 0; screen ends:\n%s", code, screen[max(len(screen)-2000, 0):])
	}
	stored := savedFiles(t, state)
	if len(stored) != 1 {
		t.Fatalf("state dir holds %v, want one session", stored)
	}
	for _, p := range []string{file, stored[0]} {
		if !strings.Contains(screen, "session saved: "+p+"\n") {
			t.Errorf("stderr does not name %s:\n%s", p, screen[max(len(screen)-500, 0):])
		}
		if fi, err := os.Stat(p); err != nil || fi.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v, mode %v, want 0600", p, err, fi.Mode().Perm())
		}
	}
	if regexp.MustCompile(`processor-sandbox-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`).MatchString(out) ||
		!strings.Contains(out, "--reveal") {
		t.Errorf("the stdout summary shows a whole token or does not say how to reveal it:\n%s", out)
	}
	id := strings.TrimSuffix(filepath.Base(stored[0]), ".json")
	env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
	getenv := func(k string) string { return env[k] }
	var show, errOut bytes.Buffer
	if code := runWith(context.Background(), testDeps(), []string{"sessions", "show", id}, getenv, strings.NewReader(""), &show, &errOut); code != 0 ||
		!strings.Contains(show.String(), "Dwolla") || !strings.Contains(show.String(), "/processor/token/create") {
		t.Errorf("sessions show %s: exit %d\n%s%s", id, code, show.String(), errOut.String())
	}
	var replay bytes.Buffer
	errOut.Reset()
	if code := runWith(context.Background(), testDeps(), []string{"replay", file}, getenv, strings.NewReader(""), &replay, &errOut); code != 0 ||
		!strings.Contains(replay.String(), "reproduced") || strings.Contains(replay.String(), "not reproduced") {
		t.Errorf("replay %s: exit %d, want 0 and reproduced:\n%s%s", file, code, replay.String(), errOut.String())
	}
}

// TestTUICtrlSSavesOnRequest: with --no-save nothing is saved on closing, but ctrl+s on the
// results saves (and says where on screen), once.
func TestTUICtrlSSavesOnRequest(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	code, _, screen := runTUI(t, state, []string{"--no-browser", "--partner", "dwolla", "--no-save"},
		append(walkToResults, cue{"Dwolla's token", "\x13"}, cue{"Session saved: ", "q"})...)
	if code != 0 {
		t.Fatalf("exit %d, want 0", code)
	}
	stored := savedFiles(t, state)
	if len(stored) != 1 || strings.Count(screen, "session saved: "+stored[0]+"\n") != 1 {
		t.Fatalf("state dir holds %v; stderr after the UI:\n%s", stored, screen[max(len(screen)-500, 0):])
	}
}

// TestTUIAutoSaveNeedsALinkTokenAndRespectsNoSave quits on the link_token screen: saved by
// default, not with --no-save; quitting on the list saves nothing.
func TestTUIAutoSaveNeedsALinkTokenAndRespectsNoSave(t *testing.T) {
	toLinkToken := []cue{{"Step 2/7 · Link options", "\r"}, {"Press Enter to open Link", "q"}}
	for _, tc := range []struct {
		name  string
		args  []string
		cues  []cue
		saved int
	}{
		{"link_token made", []string{"--partner", "dwolla"}, toLinkToken, 1},
		{"--no-save", []string{"--partner", "dwolla", "--no-save"}, toLinkToken, 0},
		{"nothing called", nil, []cue{{"Step 1/7", "\x03"}}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state := filepath.Join(t.TempDir(), "state")
			if code, _, _ := runTUI(t, state, append(tc.args, "--no-browser"), tc.cues...); code != 1 {
				t.Errorf("exit %d, want 1 (no partner token)", code)
			}
			if got := savedFiles(t, state); len(got) != tc.saved {
				t.Errorf("state dir holds %v, want %d session(s)", got, tc.saved)
			}
		})
	}
}

// TestTUIWalkStoppedEarlyIsListedAndReplayedAsStopped quits the real UI before Dwolla's token:
// `sessions` lists where it stopped (never "success"), and `replay` goes only as far.
func TestTUIWalkStoppedEarlyIsListedAndReplayedAsStopped(t *testing.T) {
	toLink := []cue{{"Step 2/7 · Link options", "\r"}, {"Press Enter to open Link", "\r"}}
	for _, tc := range []struct {
		name, listed string
		cues         []cue
		notReplayed  string
	}{
		{"q on the Link step", "stopped at link (quit by", append(toLink[:2:2], cue{"Step 4/7 · Plaid Link", "q"}), "/item/public_token/exchange"},
		{"q on the account picker", "stopped at accounts (quit by", append(toLink[:2:2], cue{"Step 4/7 · Plaid Link", "s"}, cue{"Choose the account for Dwolla", "q"}), "/processor/token/create"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state := filepath.Join(t.TempDir(), "state")
			runTUI(t, state, []string{"--no-browser", "--partner", "dwolla"}, tc.cues...)
			if got := savedFiles(t, state); len(got) != 1 {
				t.Fatalf("state dir holds %v, want one session", got)
			}
			env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
			getenv := func(k string) string { return env[k] }
			var list, errOut bytes.Buffer
			if code := runWith(context.Background(), testDeps(), []string{"sessions"}, getenv, strings.NewReader(""), &list, &errOut); code != 0 ||
				!strings.Contains(list.String(), tc.listed) || strings.Contains(list.String(), "success") || strings.Contains(list.String(), "error") {
				t.Errorf("sessions: exit %d, want %q listed:\n%s%s", code, tc.listed, list.String(), errOut.String())
			}
			var replay bytes.Buffer
			replayFile := filepath.Join(t.TempDir(), "replay.json")
			if code := runWith(context.Background(), testDeps(), []string{"replay", "latest", "--save", replayFile}, getenv, strings.NewReader(""), &replay, &errOut); code != 0 ||
				!strings.Contains(replay.String(), "\nreproduced: ") {
				t.Errorf("replay: exit %d, want reproduced:\n%s%s", code, replay.String(), errOut.String())
			}
			if data, err := os.ReadFile(replayFile); err != nil || strings.Contains(string(data), `"path": "`+tc.notReplayed+`"`) {
				t.Errorf("the replay went past where the walk stopped (%v):\n%s", err, data)
			}
		})
	}
}

// TestTUISaveOnCloseOverwritesWhatCtrlSSaved saves with ctrl+s on the account picker, then
// makes Dwolla's token and quits: the save on closing rewrites that one file (now a success)
// instead of adding a second copy of the walk; ctrl+s then q on the results adds none either.
func TestTUISaveOnCloseOverwritesWhatCtrlSSaved(t *testing.T) {
	for _, tc := range []struct {
		name string
		cues []cue
	}{
		{"ctrl+s on the accounts, then the token", append(walkToResults[:3:3],
			cue{"Choose the account for Dwolla", "\x13"}, cue{"Session saved: ", "\r"}, cue{"Dwolla's token", "q"})},
		{"ctrl+s on the results", append(walkToResults, cue{"Dwolla's token", "\x13"}, cue{"Session saved: ", "q"})},
	} {
		t.Run(tc.name, func(t *testing.T) {
			state := filepath.Join(t.TempDir(), "state")
			if code, _, screen := runTUI(t, state, []string{"--no-browser", "--partner", "dwolla"}, tc.cues...); code != 0 {
				t.Fatalf("exit %d, want 0; screen ends:\n%s", code, screen[max(len(screen)-2000, 0):])
			}
			stored := savedFiles(t, state)
			if len(stored) != 1 {
				t.Fatalf("state dir holds %v, want the one session ctrl+s wrote", stored)
			}
			env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
			var list, errOut bytes.Buffer
			if code := runWith(context.Background(), testDeps(), []string{"sessions"}, func(k string) string { return env[k] }, strings.NewReader(""), &list, &errOut); code != 0 ||
				!strings.Contains(list.String(), "success") || strings.Contains(list.String(), "stopped") {
				t.Errorf("sessions: exit %d, want the walk listed once as a success:\n%s%s", code, list.String(), errOut.String())
			}
		})
	}
}
