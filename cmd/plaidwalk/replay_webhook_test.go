package main

import (
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// TestReplayDropsTheSavedWebhookUnlessKept replays a saved walk whose link_token had a
// webhook URL: before the walk, the replay says the file held one; without --keep-webhook
// its /link/token/create body carries no webhook, with it the same URL.
func TestReplayDropsTheSavedWebhookUnlessKept(t *testing.T) {
	e := newSessEnv(t)
	const hook = "https://hooks.example.com/plaid-from-a-ticket"
	_, cfg, p := e.offline("dwolla")
	wo := plaidflow.WalkOptions{Link: plaidflow.DefaultLinkConfig(cfg, p)}
	wo.Link.Webhook = hook
	_, id := e.walkAndSave("dwolla", wo, "")
	for _, keep := range []bool{false, true} {
		file := filepath.Join(t.TempDir(), "replay.json")
		args := []string{"replay", id, "--save", file}
		if keep {
			args = append(args, "--keep-webhook")
		}
		code, out, errOut := e.plaidwalk(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d\n%s%s", args, code, out, errOut)
		}
		note := strings.Index(out, hook)
		if note < 0 || note > strings.Index(out, "reproduced") {
			t.Errorf("%v: the webhook URL is not named before the walk:\n%s", args, out)
		}
		if !keep && !strings.Contains(out, "--keep-webhook sends it") {
			t.Errorf("%v: the note does not say how to keep it:\n%s", args, out)
		}
		if body := linkTokenCreateBody(t, file); strings.Contains(body, hook) != keep {
			t.Errorf("%v: /link/token/create sent %s", args, body)
		}
	}
}

func linkTokenCreateBody(t *testing.T, file string) string {
	t.Helper()
	s, err := sessions.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range s.Calls {
		if c.Path == "/link/token/create" {
			return c.RequestBody
		}
	}
	t.Fatalf("%s has no /link/token/create", file)
	return ""
}
