package main

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// A real-looking password is dropped from the session, so the replay cannot send it again;
// when the walk failed at the login, the sandbox's error_<CODE> password fails the same way.
func TestDroppedPasswordLoginErrorReplaysWithItsSandboxPassword(t *testing.T) {
	e := newSessEnv(t)
	code, out, errOut := e.plaidwalk("run", "--partner", "dwolla", "--password", "hunter2")
	if code != 1 || !strings.Contains(out+errOut, "INVALID_CREDENTIALS") {
		t.Fatalf("run with a wrong password: exit %d\n%s\n%s", code, out, errOut)
	}
	saved, path, err := (&sessions.Store{Dir: e.sessionsDir()}).Load("latest")
	if err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	if saved.Inputs.Password != "" || saved.Inputs.PasswordKept || bytes.Contains(data, []byte("hunter2")) {
		t.Fatalf("the password was kept: %+v", saved.Inputs)
	}
	code, out, errOut = e.plaidwalk("replay", "latest")
	if code != 0 || !strings.Contains(out, "\nreproduced: ") {
		t.Fatalf("replay: exit %d\n%s\n%s", code, out, errOut)
	}
	if !strings.Contains(out, "note: the saved walk's password was not kept") || !strings.Contains(out, "logs in with the sandbox password error_INVALID_CREDENTIALS") {
		t.Fatalf("the replay does not say which password it used:\n%s", out)
	}
}

// A dropped password on a walk that failed after the login is replayed with pass_good: an
// error_<CODE> password would fail at the login instead.
func TestDroppedPasswordLaterErrorReplaysWithPassGood(t *testing.T) {
	s := sessions.Session{Inputs: sessions.Inputs{Partner: "dwolla", Env: "offline", LinkMode: sessions.LinkModeShortcut, Username: "user_good"},
		Outcome: sessions.Outcome{Result: sessions.ResultError, Step: "/processor/token/create", ErrorCode: "INTERNAL_SERVER_ERROR"}}
	wo, notes := replayWalkOptions(plaidflow.Config{Env: plaidflow.EnvOffline}, plaidflow.Partner{ID: "dwolla"}, s)
	if wo.Password != plaidflow.DefaultPassword || len(notes) != 1 || !strings.Contains(notes[0], "the replay uses pass_good") {
		t.Fatalf("password %q, notes %q", wo.Password, notes)
	}
}
