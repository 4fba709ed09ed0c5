package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"plaidwalk/sessions"
)

// Hostile session files: every field of a session file is untrusted input. These are files
// as someone could craft them (written with encoding/json, not by plaidwalk's writer, which
// refuses them), read through the real commands.

// escapes is terminal control a crafted field might carry: OSC 52 (write the clipboard),
// OSC 0 (the window title), CSI 2J (clear the screen), a bare ESC, BEL, and an 8-bit CSI.
const escapes = "\x1b]52;c;ZXZpbA==\x07\x1b]0;owned\x07\x1b[2J\x1bc\u009b31m\a"

// hostileSession is a session whose every text field carries escapes after a visible marker.
func hostileSession() sessions.Session {
	at := time.Date(2026, 11, 22, 4, 46, 53, 0, time.UTC)
	x := func(s string) string { return s + escapes }
	ev := sessions.LinkEvent{Time: at, Name: x("OPEN"), ViewName: x("CONSENT"), InstitutionID: x("ins_1"), InstitutionName: x("Bank"),
		ErrorType: x("ITEM_ERROR"), ErrorCode: x("ITEM_LOCKED"), ErrorMessage: x("locked"), ExitStatus: x("requires_credentials"), MFAType: x("code"), RequestID: x("ev-req")}
	return sessions.Session{
		Format: sessions.FormatName, Version: sessions.CurrentVersion, ID: "20261122-044653.000-dwolla-3fa1",
		Plaidwalk: x("0.1.0"), Source: x("run"), StartedAt: at, FinishedAt: at.Add(time.Second),
		Inputs: sessions.Inputs{Partner: x("dwolla"), PartnerName: x("Dwolla"), Env: x("offline"), Host: x("http://127.0.0.1:1"),
			Link:     sessions.LinkConfig{Products: []string{x("auth")}, CountryCodes: []string{x("US")}, ClientName: x("client"), Language: x("en"), Webhook: x("https://hook"), RedirectURI: x("https://r"), LinkCustomization: x("custom")},
			LinkMode: sessions.LinkModeBrowser, InstitutionID: x("ins_109508"), Institution: x("First Platypus"),
			Username: x("user_good"), Account: &sessions.AccountChoice{Mask: x("0000"), Name: x("Checking"), Type: x("depository"), Subtype: x("checking")},
			PartnerInputs: map[string]string{x("key"): x("value")}},
		Link: &sessions.Link{Events: []sessions.LinkEvent{ev}, Outcome: &sessions.LinkOutcome{Status: x("exit"), LinkSessionID: x("lsid"),
			InstitutionName: x("Bank"), ErrorType: x("ITEM_ERROR"), ErrorCode: x("ITEM_LOCKED"), ErrorMessage: x("locked")}},
		Calls: []sessions.Call{{Time: at, Method: x("POST"), Path: "/link/token/create", Status: 400, RequestID: x("req-1"), ErrorCode: x("INVALID_FIELD"),
			RequestBody: `{"client_name":"` + x("c") + `"}`, ResponseBody: `{"error_message":"` + x("bad") + `"}`}},
		Outcome: sessions.Outcome{Result: sessions.ResultError, Step: x("link token"), ErrorType: x("INVALID_REQUEST"), ErrorCode: x("INVALID_FIELD"),
			ErrorMessage: x("bad field"), RequestID: x("req-1"), ItemID: x("item"), Tokens: []sessions.Token{{Kind: x("processor_token"), Masked: x("…abcd")}}},
	}
}

// writeCrafted writes s as it is, bypassing plaidwalk's writer, into the sessions directory.
func writeCrafted(t *testing.T, e *sessEnv, s sessions.Session) string {
	t.Helper()
	data, err := json.Marshal(s)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(e.sessionsDir(), 0o700); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(e.sessionsDir(), s.ID+".json")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// noControl fails when out holds any character a terminal would act on.
func noControl(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Fatalf("%s printed the control character %U:\n%q", what, r, out)
		}
	}
}

// noEscapes fails when out holds control characters or what escape sequences leave behind
// when only their ESC is dropped.
func noEscapes(t *testing.T, what, out string) {
	t.Helper()
	noControl(t, what, out)
	if strings.Contains(out, "52;c;") || strings.Contains(out, "]0;owned") || strings.Contains(out, "[2J") {
		t.Fatalf("%s printed the body of an escape sequence:\n%q", what, out)
	}
}

func TestSessionsCommandsCleanEveryFieldOfAHostileFile(t *testing.T) {
	e := newSessEnv(t)
	path := writeCrafted(t, e, hostileSession())
	runs := map[string][]string{
		"sessions":                      {"sessions"},
		"sessions show":                 {"sessions", "show", path},
		"sessions export --format md":   {"sessions", "export", path, "--format", "markdown"},
		"sessions export --format curl": {"sessions", "export", path, "--format", "curl"},
	}
	for name, args := range runs {
		code, out, errOut := e.plaidwalk(args...)
		if code != 0 {
			t.Fatalf("%s: exit %d\n%s", name, code, errOut)
		}
		noEscapes(t, name, out+errOut)
	}
	// The fields are shown, cleaned, not dropped: the source among them.
	_, out, _ := e.plaidwalk("sessions", "show", path)
	for _, want := range []string{"plaidwalk 0.1.0 (run)", "Dwolla (dwolla)", "Link OPEN view=CONSENT institution=Bank error=ITEM_LOCKED", "key = value"} {
		if !strings.Contains(out, want) {
			t.Errorf("show lacks %q:\n%s", want, out)
		}
	}
}

// A call path is pasted after $BASE_URL in the script: any path but Plaid's could send the
// PLAID-SECRET header to another host. Such a file is refused, naming the call, and nothing
// of it is printed.
func TestSessionsCommandsRefuseAPathThatIsNotPlaids(t *testing.T) {
	paths := []string{"@evil.example/x", ".evil.example/x", "/link/token/create@evil.example", "//evil.example/x",
		"/link/token/create?x=1", "/link/../x", "/Link/Token/Create", "/link/token/create\x1b]0;owned\x07", ""}
	for _, bad := range paths {
		e := newSessEnv(t)
		s := hostileSession()
		s.Calls = append(s.Calls, sessions.Call{Time: s.StartedAt, Method: "POST", Path: bad, Status: 200})
		path := writeCrafted(t, e, s)
		for _, args := range [][]string{
			{"sessions", "export", path, "--format", "curl"},
			{"sessions", "export", path, "--format", "markdown"},
			{"sessions", "show", path},
		} {
			code, out, errOut := e.plaidwalk(args...)
			if code == 0 || out != "" {
				t.Fatalf("%q: %v: exit %d, printed\n%s", bad, args, code, out)
			}
			if !strings.Contains(errOut, "call 2 (") || !strings.Contains(errOut, "not a Plaid API path") {
				t.Errorf("%q: %v: the refusal does not name the call:\n%s", bad, args, errOut)
			}
			noControl(t, strings.Join(args, " "), errOut)
		}
	}
}
