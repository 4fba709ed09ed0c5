package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReplayTriedCalls: a saved walk whose Try the Item screen made /auth/get (after_handoff
// "try /auth/get", its call last) replays it on the new Item and reproduces every step; the
// Markdown write-up tells the call as tried on the Item. The file is a run's, given the step
// and the call the UI would have added, as the UI itself cannot run here.
func TestReplayTriedCalls(t *testing.T) {
	file := filepath.Join(t.TempDir(), "try.json")
	if code, _, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--no-save", "--save", file); code != 0 {
		t.Fatalf("run: exit %d %s", code, errOut)
	}
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	calls := doc["calls"].([]any)
	tried := map[string]any{}
	for k, v := range calls[len(calls)-1].(map[string]any) {
		tried[k] = v
	}
	tried["path"], tried["status"] = "/auth/get", 200
	doc["calls"] = append(calls, tried)
	doc["inputs"].(map[string]any)["after_handoff"] = []string{"try /auth/get"}
	if raw, err = json.Marshal(doc); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := runIn(t, nil, "replay", file)
	if code != 0 || !strings.Contains(out, "reproduced: 7 steps") || !strings.Contains(out, "the replay walks the saved steps too: try /auth/get") {
		t.Errorf("replay: exit %d\n%s%s", code, out, errOut)
	}
	code, out, errOut = runIn(t, nil, "sessions", "export", file, "--format", "markdown")
	if code != 0 || !strings.Contains(out, "/auth/get` 200: tried on the Item (Try the Item): account and routing numbers") {
		t.Errorf("markdown (exit %d):\n%s%s", code, out, errOut)
	}
}
