package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// savedRecord walks Dwolla offline and returns what run would hand to recordAndSave.
func savedRecord(t *testing.T, e *sessEnv) (*cli, *bytes.Buffer, sessions.Record) {
	t.Helper()
	c, cfg, p := e.offline("dwolla")
	var stderr bytes.Buffer
	c.stderr = &stderr
	wo := plaidflow.WalkOptions{Link: plaidflow.DefaultLinkConfig(cfg, p)}
	log := plaidflow.NewAPILog()
	client := plaidflow.NewClient(cfg, log)
	t.Cleanup(client.Close)
	res, err := plaidflow.Walk(t.Context(), client, p, wo)
	if err != nil {
		t.Fatal(err)
	}
	return c, &stderr, sessions.Record{Config: cfg, Partner: p, Options: wo, Result: res, Calls: log.Calls()}
}

// --save naming a directory: a clear error asking for a file path, no temporary file left in
// the directory's parent, and the sessions directory still gets its copy.
func TestSaveToADirectoryIsRefusedWithTheFix(t *testing.T) {
	e := newSessEnv(t)
	c, stderr, r := savedRecord(t, e)
	parent := t.TempDir()
	target := filepath.Join(parent, "out")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	err := recordAndSave(c, "run", r, target, false)
	if err == nil {
		t.Fatal("saving to a directory should fail")
	}
	msg := stderr.String()
	for _, want := range []string{"the walk finished, but the session was not saved to " + target + ": it is a directory",
		"give a file path", filepath.Join(target, "session.json"), "session saved: " + e.sessionsDir()} {
		if !strings.Contains(msg, want) {
			t.Errorf("stderr lacks %q:\n%s", want, msg)
		}
	}
	for _, dir := range []string{parent, target} {
		if names, _ := os.ReadDir(dir); len(names) != map[string]int{parent: 1, target: 0}[dir] {
			t.Errorf("%s holds %v: a temporary file was left behind", dir, names)
		}
	}
}

// --save in a directory that does not exist: refused, and the directory is not made.
func TestSaveIntoAMissingDirectoryDoesNotMakeIt(t *testing.T) {
	e := newSessEnv(t)
	c, stderr, r := savedRecord(t, e)
	missing := filepath.Join(t.TempDir(), "nonexistent")
	target := filepath.Join(missing, "x.json")
	if err := recordAndSave(c, "run", r, target, true); err == nil {
		t.Fatal("saving into a missing directory should fail")
	}
	if _, err := os.Stat(missing); !os.IsNotExist(err) {
		t.Errorf("%s was made (stat: %v)", missing, err)
	}
	if !strings.Contains(stderr.String(), "its directory "+missing+" does not exist") {
		t.Errorf("stderr: %s", stderr.String())
	}
}

// A file path in an existing directory is written, 0600, with nothing else beside it.
func TestSaveToAFilePathWritesOnlyThatFile(t *testing.T) {
	e := newSessEnv(t)
	c, stderr, r := savedRecord(t, e)
	dir := t.TempDir()
	target := filepath.Join(dir, "walk.json")
	if err := recordAndSave(c, "run", r, target, true); err != nil {
		t.Fatalf("%v\n%s", err, stderr.String())
	}
	info, err := os.Stat(target)
	if err != nil || info.Mode().Perm() != 0o600 {
		t.Fatalf("stat %s: %v %v", target, info, err)
	}
	if names, _ := os.ReadDir(dir); len(names) != 1 {
		t.Errorf("%s holds %v", dir, names)
	}
}

// checkSaveTarget lets run refuse a bad --save before any call is made, as a usage error.
func TestCheckSaveTargetRefusesBeforeTheWalk(t *testing.T) {
	dir := t.TempDir()
	for _, tt := range []struct {
		path, want string
		code       int
	}{
		{"", "", 0},
		{filepath.Join(dir, "new.json"), "", 0},
		{dir, "it is a directory", 2},
		{filepath.Join(dir, "no", "x.json"), "does not exist", 2},
	} {
		var stderr bytes.Buffer
		if code := checkSaveTarget(&cli{stderr: &stderr}, tt.path); code != tt.code || !strings.Contains(stderr.String(), tt.want) {
			t.Errorf("checkSaveTarget(%q) = %d, %q; want %d mentioning %q", tt.path, code, stderr.String(), tt.code, tt.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "no")); !os.IsNotExist(err) {
		t.Error("checking a target made its directory")
	}
}

// A --save path that cannot be written is refused before the walk, by run and by the UI:
// exit 2, no call made, nothing saved anywhere.
func TestBadSaveTargetIsRefusedBeforeTheWalk(t *testing.T) {
	e := newSessEnv(t)
	dir := t.TempDir()
	for _, args := range [][]string{
		{"run", "--partner", "dwolla", "--save", dir},
		{"run", "--partner", "dwolla", "--save", filepath.Join(dir, "missing", "s.json")},
		{"--partner", "dwolla", "--save", dir},
		{"replay", "latest", "--save", dir},
	} {
		code, out, errOut := e.plaidwalk(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "--save") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want 2 with a --save message and no output", args, code, out, errOut)
		}
		if strings.Contains(errOut, "/link/token/create") || strings.Contains(errOut, "session saved") {
			t.Errorf("%v: the walk started:\n%s", args, errOut)
		}
	}
	if names, _ := os.ReadDir(e.sessionsDir()); len(names) != 0 {
		t.Errorf("sessions were saved: %v", names)
	}
}

// run exits 1 when the file --save named was not written, even though the walk worked; a
// failure in the sessions directory alone stays a warning.
func TestSaveFileFailedOnlyForTheNamedFile(t *testing.T) {
	named := &SaveError{File: "/tmp/x.json", Err: os.ErrPermission}
	stateDir := &SaveError{Err: os.ErrPermission}
	if !saveFileFailed(named) || !saveFileFailed(errors.Join(stateDir, named)) {
		t.Error("a --save file that was not written must fail the run")
	}
	if saveFileFailed(stateDir) || saveFileFailed(nil) {
		t.Error("the sessions directory alone must only warn")
	}
}
