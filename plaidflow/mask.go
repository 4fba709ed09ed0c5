package plaidflow

import (
	"encoding/json"
	"strings"
)

// Mask shows the shape of a token without its value: "access-sandbox-…1a2b".
func Mask(token string) string {
	if token == "" {
		return ""
	}
	prefix := ""
	rest := token
	if strings.HasPrefix(token, "btok_") {
		prefix, rest = "btok_", token[len("btok_"):]
	} else if i := envMarkerEnd(token); i > 0 {
		prefix, rest = token[:i], token[i:]
	}
	if len(rest) <= 8 {
		return prefix + "…"
	}
	return prefix + "…" + rest[len(rest)-4:]
}

// envMarkerEnd finds the end of "<kind>-<environment>-" in a Plaid token, or -1.
func envMarkerEnd(token string) int {
	for _, env := range []string{"-sandbox-", "-production-", "-development-"} {
		if i := strings.Index(token, env); i > 0 {
			return i + len(env)
		}
	}
	return -1
}

// CurlFor renders a recorded call as a curl command against baseURL, keys as $PLAID_CLIENT_ID
// and $PLAID_SECRET placeholders. The body is the recorded (redacted) one, so masked tokens
// must be filled in before it is run.
func CurlFor(baseURL string, c Call) string {
	var b strings.Builder
	b.WriteString("curl -sS -X " + nonEmpty(c.Method, "POST") + " " + shellQuote(strings.TrimRight(baseURL, "/")+c.Path))
	b.WriteString(" \\\n  -H 'Content-Type: application/json'")
	b.WriteString(" \\\n  -H \"PLAID-CLIENT-ID: $PLAID_CLIENT_ID\" \\\n  -H \"PLAID-SECRET: $PLAID_SECRET\"")
	if v := c.RequestHeaders[PlaidVersionHeader]; v != "" {
		b.WriteString(" \\\n  -H " + shellQuote(PlaidVersionHeader+": "+v))
	}
	if body := withoutCredentials(c.RequestBody); body != "" {
		b.WriteString(" \\\n  -d " + shellQuote(body))
	}
	return b.String()
}

// withoutCredentials drops client_id and secret from a body: the headers carry them.
func withoutCredentials(body string) string {
	var m map[string]json.RawMessage
	if json.Unmarshal([]byte(body), &m) != nil {
		return body
	}
	delete(m, "client_id")
	delete(m, "secret")
	out, _ := json.Marshal(m) // map keys marshal sorted
	return string(out)
}

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func nonEmpty(s, def string) string {
	if s == "" {
		return def
	}
	return s
}
