package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// `plaidwalk sessions` lists by when each walk ran, newest first, whatever the file names,
// and lists every file it cannot read last, each with the reason.
func TestSessionsListNewestFirstAndUnreadableLast(t *testing.T) {
	e := newSessEnv(t)
	var ids []string
	for _, w := range []struct {
		partner string
		wo      plaidflow.WalkOptions
	}{
		{"dwolla", plaidflow.WalkOptions{}},
		{"stripe", plaidflow.WalkOptions{}},
		{"alloy-credit", plaidflow.WalkOptions{Inputs: plaidflow.PartnerInputs{plaidflow.InputSecondaryClientID: "test-alloy"}}},
	} {
		_, id := e.walkAndSave(w.partner, w.wo, "")
		ids = append(ids, id)
	}
	dir := e.sessionsDir()
	// A session copied in under a name that is not a time, recorded an hour before the others.
	copied, err := sessions.ReadFile(filepath.Join(dir, ids[0]+".json"))
	if err != nil {
		t.Fatal(err)
	}
	copied.ID, copied.StartedAt, copied.FinishedAt = "future", copied.StartedAt.Add(-time.Hour), copied.FinishedAt.Add(-time.Hour)
	if err := sessions.WriteFile(filepath.Join(dir, "future.json"), copied); err != nil {
		t.Fatal(err)
	}
	broken := map[string]string{
		"20991231-235959.999-dwolla-0000": `{"format": "plaidwalk.session", "version": 2, "id": `,
		"empty":                           "",
		"newer":                           `{"format": "plaidwalk.session", "version": 9}`,
	}
	for id, content := range broken {
		if err := os.WriteFile(filepath.Join(dir, id+".json"), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink(filepath.Join(dir, "gone"), filepath.Join(dir, "dangling.json")); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := e.plaidwalk("sessions")
	if code != 0 {
		t.Fatalf("sessions: exit %d\n%s\n%s", code, out, errOut)
	}
	rows := strings.Split(strings.TrimSpace(out), "\n")[1:]
	want := []string{ids[2], ids[1], ids[0], "future"}
	if len(rows) != len(want)+len(broken)+1 {
		t.Fatalf("%d rows, want %d:\n%s", len(rows), len(want)+len(broken)+1, out)
	}
	for i, id := range want {
		if f := strings.Fields(rows[i]); f[len(f)-1] != id || strings.Contains(rows[i], "unreadable") {
			t.Errorf("row %d is %q, want the session %s", i+1, rows[i], id)
		}
	}
	wantBroken := map[string]string{
		"20991231-235959.999-dwolla-0000": "unreadable: not valid JSON (damaged or cut short",
		"empty":                           "unreadable: the file is empty",
		"newer":                           "unreadable: format version 9 was written by a newer plaidwalk",
		"dangling":                        "unreadable: a symbolic link to a file that does not exist",
	}
	for _, row := range rows[len(want):] {
		f := strings.Fields(row)
		says, ok := wantBroken[f[len(f)-1]]
		if !ok || !strings.Contains(row, says) {
			t.Errorf("row %q, want an unreadable line saying %q", row, says)
		}
		delete(wantBroken, f[len(f)-1])
	}
	if len(wantBroken) != 0 {
		t.Errorf("not listed: %v\n%s", wantBroken, out)
	}
	code, out, _ = e.plaidwalk("sessions", "show", "latest")
	if code != 0 || !strings.Contains(out, "Session "+ids[2]) {
		t.Fatalf("show latest: exit %d\n%s", code, out)
	}
}
