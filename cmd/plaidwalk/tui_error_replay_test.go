package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTUIErrorWalkIsSavedAndReplayedAsThatError walks Stripe in the real UI with the sandbox
// shortcut and the test password error_ITEM_LOCKED: the error panel shows, esc leaves it and
// q quits. What the walk ran into is ITEM_LOCKED, not the quit that followed it: the summary,
// the saved session, `sessions`, `sessions show` and its Markdown say so, and `replay`
// reproduces it (exit 0).
func TestTUIErrorWalkIsSavedAndReplayedAsThatError(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	toShortcutPassword := "\t\t\t\t\t\t" + "\x1b[C\x1b[C" + "\t\t\t\t\t" + "\x15error_ITEM_LOCKED" // mode, then Auth flow, bank, Sandbox user, user, password
	code, out, screen := runTUI(t, state, []string{"--no-browser", "--partner", "stripe"},
		cue{"Step 2/7 · Link options", toShortcutPassword},
		cue{"error_ITEM_LOCKED", "\r"},
		cue{"Press Enter to log in with the sandbox shortcut", "\r"},
		cue{"ITEM_LOCKED", "\x1b"},
		cue{"Step 3/7", "q"})
	if code != 1 {
		t.Errorf("exit %d, want 1 (no partner token); screen ends:\n%s", code, screen[max(len(screen)-2000, 0):])
	}
	if !strings.Contains(out, "ITEM_LOCKED") {
		t.Errorf("the summary does not name the error the walk stopped on:\n%s", out)
	}
	stored := savedFiles(t, state)
	if len(stored) != 1 {
		t.Fatalf("state dir holds %v, want one session", stored)
	}
	data, err := os.ReadFile(stored[0])
	if err != nil || !strings.Contains(string(data), `"error_code": "ITEM_LOCKED"`) || strings.Contains(string(data), "quit by the user") {
		t.Errorf("the saved session's outcome is not ITEM_LOCKED (%v):\n%s", err, data)
	}
	env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
	getenv := func(k string) string { return env[k] }
	id := strings.TrimSuffix(filepath.Base(stored[0]), ".json")
	for _, args := range [][]string{{"sessions"}, {"sessions", "show", id}, {"sessions", "export", id, "--format", "markdown"}} {
		var o, e bytes.Buffer
		code := runWith(context.Background(), testDeps(), args, getenv, strings.NewReader(""), &o, &e)
		if code != 0 || !strings.Contains(o.String(), "ITEM_LOCKED") || strings.Contains(o.String(), "quit by the user") {
			t.Errorf("%s: exit %d, want ITEM_LOCKED as the outcome:\n%s%s", strings.Join(args, " "), code, o.String(), e.String())
		}
	}
	var replay, errOut bytes.Buffer
	if code := runWith(context.Background(), testDeps(), []string{"replay", id}, getenv, strings.NewReader(""), &replay, &errOut); code != 0 ||
		!strings.Contains(replay.String(), "\nreproduced: ") || !strings.Contains(replay.String(), "error: ITEM_LOCKED") {
		t.Errorf("replay %s: exit %d, want 0 and ITEM_LOCKED reproduced:\n%s%s", id, code, replay.String(), errOut.String())
	}
}
