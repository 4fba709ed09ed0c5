package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"

	"plaidwalk/plaidflow"
)

// tokenVars maps a request field holding a token to the shell variable that carries it from
// the response that produced it; list fields take a one-element array.
var tokenVars = map[string]string{
	"link_token": "LINK_TOKEN", "public_token": "PUBLIC_TOKEN", "access_token": "ACCESS_TOKEN",
	"asset_report_token": "ASSET_REPORT_TOKEN", "asset_report_id": "ASSET_REPORT_ID",
}

var tokenListVars = map[string]string{"access_tokens": "ACCESS_TOKEN", "report_tokens": "ASSET_REPORT_TOKEN"}

// responseVars is what each step's response hands to the later steps.
var responseVars = map[string][][2]string{
	"/link/token/create":           {{"LINK_TOKEN", ".link_token"}},
	"/sandbox/public_token/create": {{"PUBLIC_TOKEN", ".public_token"}},
	"/item/public_token/exchange":  {{"ACCESS_TOKEN", ".access_token"}},
	"/asset_report/create":         {{"ASSET_REPORT_TOKEN", ".asset_report_token"}, {"ASSET_REPORT_ID", ".asset_report_id"}},
}

// partnerTokenFields are the tokens a flow ends with; the script prints their kind.
var partnerTokenFields = map[string]string{
	"/processor/token/create":                     "processor_token",
	"/processor/stripe/bank_account_token/create": "stripe_bank_account_token",
	"/asset_report/create":                        "asset_report_token",
	"/credit/relay/create":                        "relay_token",
}

const curlPrelude = `set -euo pipefail
command -v curl >/dev/null && command -v jq >/dev/null || { echo "this script needs curl and jq" >&2; exit 2; }
: "${PLAID_CLIENT_ID:?set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys}"
: "${PLAID_SECRET:?set PLAID_SECRET to your Plaid secret}"
BASE_URL="${PLAID_BASE_URL:-https://sandbox.plaid.com}"
BASE_URL="${BASE_URL%/}"
LINK_TOKEN="" PUBLIC_TOKEN="" ACCESS_TOKEN="" ACCOUNT_ID="" ASSET_REPORT_TOKEN="" ASSET_REPORT_ID=""
RESP="$(mktemp)"
trap 'rm -f "$RESP"' EXIT

# post PATH BODY: one API call; the keys go in headers read from a pipe, so they never show
# in the process list. Sets STATUS and leaves the response in $RESP.
post() {
  STATUS=$(curl -sS -o "$RESP" -w '%{http_code}' -X POST "$BASE_URL$1" \
    -H 'Content-Type: application/json' \
    -H '` + plaidflow.PlaidVersionHeader + `: ` + plaidflow.PlaidVersion + `' \
    -H @<(printf 'PLAID-CLIENT-ID: %s\nPLAID-SECRET: %s\n' "$PLAID_CLIENT_ID" "$PLAID_SECRET") \
    --data-binary "$2")
  echo "POST $1 -> $STATUS $(jq -r '.error_code // empty' "$RESP" 2>/dev/null)" >&2
}

# call PATH BODY: post, and stop the script on an API error (the error is printed).
call() {
  post "$1" "$2"
  if [ "$STATUS" -ge 400 ]; then jq . "$RESP" >&2 || cat "$RESP" >&2; exit 1; fi
}

# expect STATUS PATH BODY: a call that failed in the session, which went on after it (a
# later attempt, or an optional call): nothing later reads its answer, so the script goes on
# whatever comes back, and says so when the answer differs from the session's.
expect() {
  post "$2" "$3"
  if [ "$STATUS" != "$1" ]; then echo "note: the session saw $1 for $2, this run got $STATUS; going on as the session did" >&2; fi
}

# poll PATH BODY: call, asking again while the product is not ready (asset reports).
poll() {
  local attempt
  for attempt in $(seq 1 60); do
    post "$1" "$2"
    [ "$(jq -r '.error_code // empty' "$RESP")" = PRODUCT_NOT_READY ] || break
    sleep 1
  done
  if [ "$STATUS" -ge 400 ]; then jq . "$RESP" >&2 || cat "$RESP" >&2; exit 1; fi
}

# mask TOKEN: only the last four characters are ever printed.
mask() { printf '…%s' "${1: -4}"; }
`

// WriteCurl writes a bash script that makes the session's API calls again with curl, the keys
// from PLAID_CLIENT_ID / PLAID_SECRET / PLAID_BASE_URL, each token taken from the response
// before it with jq. A browser-mode session gets the sandbox shortcut in place of Link.
func WriteCurl(w io.Writer, s Session) error {
	if err := checkCalls(s.Calls); err != nil {
		return err
	}
	s = printable(s)
	in := s.Inputs
	fmt.Fprintf(w, "#!/usr/bin/env bash\n# plaidwalk session %s: %s, recorded %s in %s by plaidwalk %s.\n",
		clean(s.ID), clean(partnerLabel(in)), s.StartedAt.UTC().Format("2006-01-02 15:04 UTC"), clean(in.EnvLabel()), clean(s.Plaidwalk))
	fmt.Fprintf(w, "# The session ended with: %s.\n", clean(outcomeLine(s.Outcome)))
	fmt.Fprint(w, "# Needs bash, curl and jq. Keys come from PLAID_CLIENT_ID and PLAID_SECRET; PLAID_BASE_URL\n"+
		"# picks the host (default https://sandbox.plaid.com; 'plaidwalk emulator' prints its own).\n"+
		"# Neither the secret nor a whole token is ever printed.\n")
	io.WriteString(w, curlPrelude)
	browser := in.LinkMode != LinkModeShortcut
	needShortcut := true // a browser walk's exchange needs a public_token the script makes itself
	calls := collapseAssetPolls(s.Calls)
	for i, c := range calls {
		switch c.Path {
		case "/link/token/get":
			continue // Hosted Link's result: replaced by the shortcut
		case "/link/token/create":
			needShortcut = true
		case "/sandbox/public_token/create":
			needShortcut = false
		case "/item/public_token/exchange":
			if browser && needShortcut {
				writeShortcutStep(w, in)
			}
			needShortcut = true
		}
		if err := writeCurlStep(w, s, c, i == len(calls)-1); err != nil {
			return err
		}
	}
	fmt.Fprintln(w, "\necho \"done: the script made every call of the session\" >&2")
	return nil
}

// collapseAssetPolls keeps one call for each run of Asset Report polls (the script's poll
// asks again by itself); every other call is kept, failed tries and retries included.
func collapseAssetPolls(calls []Call) []Call {
	var out []Call
	for _, c := range calls {
		if n := len(out); n > 0 && c.Path == "/asset_report/get" && out[n-1].Path == c.Path {
			out[n-1] = c
			continue
		}
		out = append(out, c)
	}
	return out
}

// collapsePolls keeps one call for each run of the same endpoint (polling and retries).
func collapsePolls(calls []Call) []Call {
	var out []Call
	for _, c := range calls {
		if n := len(out); n > 0 && out[n-1].Method == c.Method && out[n-1].Path == c.Path {
			out[n-1] = c
			continue
		}
		out = append(out, c)
	}
	return out
}

func writeShortcutStep(w io.Writer, in Inputs) {
	body := map[string]any{
		"institution_id":   orDefault(in.InstitutionID, DefaultInstitution),
		"initial_products": in.Link.Products,
		"options":          map[string]any{"override_username": orDefault(in.Username, DefaultUsername), "override_password": orDefault(in.Password, DefaultPassword)},
	}
	raw, _ := json.Marshal(body)
	fmt.Fprintf(w, "\n# Link ran in a browser in this session; a script cannot, so the sandbox shortcut makes\n"+
		"# the public_token with the same institution and test user.\n")
	writeCall(w, "call", "/sandbox/public_token/create", string(raw), nil)
	fmt.Fprintln(w, `PUBLIC_TOKEN=$(jq -r '.public_token' "$RESP")`)
}

func writeCurlStep(w io.Writer, s Session, c Call, last bool) error {
	body, vars := curlBody(s, c)
	fmt.Fprintf(w, "\n# %s %s: the session saw %d%s.\n", clean(c.Method), clean(c.Path), c.Status, prefixed(" ", clean(c.ErrorCode)))
	if c.Status >= 400 && last {
		fmt.Fprintln(w, "# This is where the session stopped: expect the same error here.")
	}
	verb := "call"
	switch {
	case c.Path == "/asset_report/get" && (c.Status < 400 || last):
		verb = "poll"
	case c.Status >= 400 && !last:
		fmt.Fprintf(w, "# The session went on after this error; expect %d again. Later calls do not use its answer.\n", c.Status)
		writeCall(w, fmt.Sprintf("expect %d", c.Status), c.Path, body, vars)
		return nil
	}
	writeCall(w, verb, c.Path, body, vars)
	for _, rv := range responseVars[c.Path] {
		fmt.Fprintf(w, "%s=$(jq -r '%s // empty' \"$RESP\")\n", rv[0], rv[1])
	}
	if c.Path == "/accounts/get" && s.Inputs.Account != nil {
		a := s.Inputs.Account
		fmt.Fprintf(w, "ACCOUNT_ID=$(jq -r --arg mask %s --arg name %s '[.accounts[] | select(($mask == \"\" or .mask == $mask) and ($name == \"\" or .name == $name))][0].account_id // empty' \"$RESP\")\n",
			shellQuote(a.Mask), shellQuote(a.Name))
		fmt.Fprintf(w, "[ -n \"$ACCOUNT_ID\" ] || { echo %s >&2; exit 1; }\n", shellQuote("no account "+a.Label()+" in this Item"))
	}
	if kind, ok := partnerTokenFields[c.Path]; ok {
		fmt.Fprintf(w, "echo \"partner token: %s $(mask \"$(jq -r '.%s' \"$RESP\")\")\"\n", kind, kind)
	}
	return nil
}

func writeCall(w io.Writer, verb, path, body string, vars []string) {
	args := ""
	for _, v := range vars {
		args += fmt.Sprintf(" --arg %s \"$%s\"", strings.ToLower(v), v)
	}
	fmt.Fprintf(w, "%s %s \"$(jq -nc%s %s)\"\n", verb, shellQuote(path), args, shellQuote(body))
}

// curlBody turns a recorded (redacted) request body into a jq program: token fields become
// jq variables, the keys are dropped (they go in headers), the test user is the session's.
func curlBody(s Session, c Call) (string, []string) {
	var body map[string]any
	dec := json.NewDecoder(strings.NewReader(c.RequestBody))
	dec.UseNumber()
	if dec.Decode(&body) != nil || body == nil {
		body = map[string]any{}
	}
	delete(body, "client_id")
	delete(body, "secret")
	used := map[string]bool{}
	for field, v := range tokenVars {
		if _, ok := body[field]; ok {
			body[field] = varMarker(v)
			used[v] = true
		}
	}
	for field, v := range tokenListVars {
		if _, ok := body[field]; ok {
			body[field] = []any{varMarker(v)}
			used[v] = true
		}
	}
	if _, ok := body["account_id"]; ok && s.Inputs.Account != nil {
		body["account_id"] = varMarker("ACCOUNT_ID")
		used["ACCOUNT_ID"] = true
	}
	if opts, ok := body["options"].(map[string]any); ok && c.Path == "/sandbox/public_token/create" {
		keepSandboxUser(opts, s.Inputs)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(body)
	program := strings.TrimSpace(buf.String())
	var vars []string
	for v := range used {
		vars = append(vars, v)
		program = strings.ReplaceAll(program, `"`+varMarker(v)+`"`, "$"+strings.ToLower(v))
	}
	sort.Strings(vars)
	return program, vars
}

// keepSandboxUser leaves the test user the call was made with; only a password dropped when
// saving (not a sandbox test password) is replaced, by the session's or pass_good.
func keepSandboxUser(opts map[string]any, in Inputs) {
	if u, _ := opts["override_username"].(string); u == "" && in.Username != "" {
		opts["override_username"] = in.Username
	}
	if pw, _ := opts["override_password"].(string); !TestPassword(pw) && (pw != "" || in.Password != "") {
		opts["override_password"] = orDefault(in.Password, DefaultPassword)
	}
}

func varMarker(v string) string { return "@@plaidwalk:" + v + "@@" }

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
