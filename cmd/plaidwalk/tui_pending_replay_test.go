package main

import (
	"bytes"
	"context"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/sessions"
)

// TestTUIPendingAccountReplays walks Dwolla in the real UI with the sandbox shortcut and the
// Auth flow Automated Micro-deposits: the picked account waits on its micro-deposits, s makes
// the token while it waits, and the partner view reads the balance and explains
// PRODUCT_NOT_READY. The saved walk never moved the verification along, and `replay` walks it
// the same way (a replay that verified every pending account would not reproduce it).
func TestTUIPendingAccountReplays(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	toFlow := "\t\t\t\t\t\t" + "\x1b[C\x1b[C" + "\t" + "\x1b[C\x1b[C" // Link mode: shortcut; Auth flow: Automated Micro-deposits
	code, _, screen := runTUI(t, state, []string{"--no-browser", "--partner", "dwolla"},
		cue{"Step 2/7 · Link options", toFlow},
		cue{"microdeposits_good", "\r"},
		cue{"Press Enter to log in with the sandbox shortcut", "\r"},
		cue{"yes · pending", "\r"},
		cue{"linked through micro-deposits", "s"},
		cue{"Step 7/7 · Results", "p"},
		cue{"answered PRODUCT_NOT_READY", "q"})
	if code != 0 {
		t.Fatalf("exit %d, want 0 (the token was made); screen ends:\n%s", code, screen[max(len(screen)-2000, 0):])
	}
	stored := savedFiles(t, state)
	if len(stored) != 1 {
		t.Fatalf("state dir holds %v, want one session", stored)
	}
	s, err := sessions.ReadFile(stored[0])
	if err != nil {
		t.Fatal(err)
	}
	if sessions.WhereVerified(s.Calls) != sessions.VerifiedNever || strings.Join(s.Inputs.AfterHandoff, ",") != sessions.AfterPartnerView {
		t.Errorf("saved: verified at %d, after the hand-off %v; want never verified, partner_view", sessions.WhereVerified(s.Calls), s.Inputs.AfterHandoff)
	}
	env := map[string]string{"XDG_STATE_HOME": state, "HOME": filepath.Dir(state)}
	var out, errOut bytes.Buffer
	id := strings.TrimSuffix(filepath.Base(stored[0]), ".json")
	if code := runWith(context.Background(), testDeps(), []string{"replay", id}, func(k string) string { return env[k] }, strings.NewReader(""), &out, &errOut); code != 0 ||
		!strings.Contains(out.String(), "\nreproduced: ") {
		t.Errorf("replay %s: exit %d, want the walk reproduced:\n%s%s", id, code, out.String(), errOut.String())
	}
}
