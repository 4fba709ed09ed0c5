package termtext

import (
	"encoding/json"
	"testing"
)

func TestJSONEscapesWhatATerminalWouldActOn(t *testing.T) {
	in := map[string]string{
		"csi8":  "a\u009b31mred",
		"bidi":  "Good\u202eknaB",
		"zw":    "pay\u200bpal",
		"tag":   "x\U000E0041y",
		"lsep":  "one\u2028two",
		"plain": "café ✓",
	}
	doc, _ := json.Marshal(in)
	out := JSON(doc)
	for _, r := range string(out) {
		if r >= 0x7f && !keptAsIs(r) {
			t.Fatalf("%q survived in %s", r, out)
		}
	}
	var back map[string]string
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatalf("output is not JSON: %v\n%s", err, out)
	}
	for k, v := range in {
		if back[k] != v {
			t.Errorf("%s: read back %q, want %q", k, back[k], v)
		}
	}
	if plain := []byte(`{"a":"b"}`); string(JSON(plain)) != string(plain) {
		t.Error("ASCII JSON changed")
	}
}
