package tui

import (
	"bytes"
	"encoding/base64"
	"os/exec"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

// Inside tmux the copy is plain OSC 52 (tmux's set-clipboard handles it); a passthrough
// wrapper would be dropped by tmux 3.3's default allow-passthrough off.
func TestCopyInsideTmuxSendsPlainOSC52(t *testing.T) {
	var clip bytes.Buffer
	m := atResults(t)
	m.deps.Clipboard = &clip
	m.deps.Getenv = func(k string) string {
		if k == "TMUX" {
			return "/tmp/tmux-0/default,1234,0"
		}
		return ""
	}
	m, cmd := sendCmd(m, keyMsg("c"))
	send(m, cmd())
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte("processor-sandbox-99999999-8888-7777-6666-555555554321")) + "\x07"
	if clip.String() != want {
		t.Errorf("inside tmux the clipboard got %q, want plain OSC 52 %q", clip.String(), want)
	}
}

// copiedText decodes the OSC 52 sequence a copy wrote.
func copiedText(t *testing.T, seq string) string {
	t.Helper()
	b64, ok := strings.CutPrefix(strings.TrimSuffix(seq, "\x07"), "\x1b]52;c;")
	if !ok {
		t.Fatalf("not an OSC 52 copy: %q", seq)
	}
	text, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatalf("OSC 52 payload: %v", err)
	}
	return string(text)
}

// The API log masks tokens, so a copied curl must put them back to be runnable: whole once
// revealed, otherwise as shell variables the pasted command reads.
func TestCopiedCurlRunsWithTokensPutBack(t *testing.T) {
	const access = "access-sandbox-aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
	body := `{"access_token":"` + access + `","account_id":"acc-checking","processor":"dwolla","secret":"s3cr3t"}`
	m := atResultsWith(t, []plaidflow.Call{{Method: "POST", Path: "/processor/token/create", Status: 200,
		RequestBody: plaidflow.RedactJSON([]byte(body), "s3cr3t")}})
	copyCurl := func(m Model) (Model, string) {
		var clip bytes.Buffer
		m.deps.Clipboard = &clip
		m, cmd := sendCmd(m, keyMsg("y"))
		m = send(m, cmd())
		return m, copiedText(t, clip.String())
	}
	m, masked := copyCurl(m)
	if strings.Contains(masked, "…") || strings.Contains(masked, access) || !strings.Contains(masked, `'"$ACCESS_TOKEN"'`) ||
		!strings.Contains(masked, "# set ACCESS_TOKEN") {
		t.Errorf("unrevealed curl:\n%s", masked)
	}
	mustContain(t, m.View(), "$ACCESS_TOKEN")
	// The pasted command, run by a shell with curl standing in, sends the whole token.
	script := "ACCESS_TOKEN=" + access + "\ncurl() { for a in \"$@\"; do printf '%s\\n' \"$a\"; done; }\n" + masked
	out, err := exec.Command("sh", "-c", script).CombinedOutput()
	if err != nil || !strings.Contains(string(out), `"access_token":"`+access+`"`) {
		t.Errorf("running the copied curl: %v\n%s", err, out)
	}
	_, whole := copyCurl(send(m, keyMsg("v")))
	if strings.Contains(whole, "…") || strings.Contains(whole, "$ACCESS_TOKEN") || !strings.Contains(whole, access) ||
		strings.Contains(whole, "s3cr3t") {
		t.Errorf("revealed curl:\n%s", whole)
	}
	if !strings.Contains(send(m, keyMsg("v")).View(), "access-sandbox-…eeee") {
		t.Errorf("the curl on screen is no longer masked")
	}
}

// o opens the browser again on the same URL; c copies the URL through OSC 52.
func TestLinkReopenAndCopyURL(t *testing.T) {
	m, s := atLink(t, "dwolla")
	var opened []string
	m.deps.OpenBrowser = func(url string) error { opened = append(opened, url); return nil }
	m, cmd := sendCmd(m, keyMsg("o"))
	if cmd == nil {
		t.Fatal("o gave no command")
	}
	m = send(m, cmd())
	if len(opened) != 1 || opened[0] != s.url {
		t.Fatalf("o opened %v, want %s once", opened, s.url)
	}
	var clip bytes.Buffer
	m.deps.Clipboard = &clip
	m, cmd = sendCmd(m, keyMsg("c"))
	if cmd == nil {
		t.Fatal("c gave no command")
	}
	m = send(m, cmd())
	want := "\x1b]52;c;" + base64.StdEncoding.EncodeToString([]byte(s.url)) + "\x07"
	if clip.String() != want {
		t.Errorf("c wrote %q, want %q", clip.String(), want)
	}
	mustContain(t, m.View(), "Copied the Link URL")
	if m.step != stepLink || len(opened) != 1 {
		t.Errorf("after c: step %v, browser opened %d times", m.step, len(opened))
	}
}
