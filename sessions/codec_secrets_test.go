package sessions

import (
	"encoding/json"
	"strings"
	"testing"
)

// strings of a decoded file, JSON bodies opened too: what a reader of the file gets back.
func decodedStrings(t *testing.T, data []byte) []string {
	t.Helper()
	var doc any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case string:
			out = append(out, v)
			var inner any
			if json.Unmarshal([]byte(v), &inner) == nil {
				walk(inner)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		case map[string]any:
			for k, x := range v {
				out = append(out, k)
				walk(x)
			}
		}
	}
	walk(doc)
	return out
}

// A secret JSON escapes (<, &, ", \, control characters, U+2028) is spelled differently in
// the encoded text than in the value; the scrub works on values, so it is caught anyway,
// wherever it sits: a field, a Link event, or inside a recorded body.
func TestEncodeScrubsSecretsThatJSONEscapes(t *testing.T) {
	secrets := []string{"sec<ret>&value", `sec"ret\value`, "sec\x01ret\tvalue", "sec\u2028ret\u2029value"}
	for _, secret := range secrets {
		r := dwollaRecord()
		body, _ := json.Marshal(map[string]string{"note": "said " + secret}) // Go's encoder: < as \u003c
		r.Calls[0].RequestBody = string(body)
		r.Link = &Link{Events: []LinkEvent{{Time: t0, Name: "ERROR", ErrorMessage: "bad " + secret}}}
		s := Build(r)
		s.Outcome.ErrorMessage = "it was " + secret
		data, err := Encode(s, secret)
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range decodedStrings(t, data) {
			if strings.Contains(v, secret) {
				t.Errorf("secret %q survived in %q", secret, v)
			}
		}
		if !strings.Contains(string(data), "it was "+Redacted) {
			t.Errorf("secret %q: the outcome's message lost more than the secret:\n%s", secret, data)
		}
	}
}
