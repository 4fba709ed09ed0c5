package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"plaidwalk/plaidflow"
)

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
	steps, err := ExportSteps(s)
	if err != nil {
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
	for _, st := range steps {
		writeCurlStep(w, st)
	}
	if HandoffEnd(s.Calls) < len(s.Calls) {
		fmt.Fprintln(w, "\n# The session went on after the hand-off (the partner's reads, a repair in Link's update mode):")
		fmt.Fprintln(w, "# the partner makes those calls with its own keys, and a repair needs a person in Link.")
		fmt.Fprintln(w, "echo \"done: the script made every call of the session up to the partner's token\" >&2")
		return nil
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

func writeCurlStep(w io.Writer, st ExportStep) {
	body, vars := curlBody(st.Body)
	if st.Inserted {
		fmt.Fprintf(w, "\n# Link ran in a browser in this session; a script cannot, so the sandbox shortcut makes\n"+
			"# the public_token with the same institution and test user.\n")
		writeCall(w, "call", st.Path, body, vars)
		fmt.Fprintln(w, `PUBLIC_TOKEN=$(jq -r '.public_token' "$RESP")`)
		return
	}
	fmt.Fprintf(w, "\n# %s %s: the session saw %d%s.\n", clean(st.Method), clean(st.Path), st.Status, prefixed(" ", clean(st.ErrorCode)))
	if st.Status >= 400 && st.Last {
		fmt.Fprintln(w, "# This is where the session stopped: expect the same error here.")
	}
	verb := "call"
	switch st.Kind {
	case StepPoll:
		verb = "poll"
	case StepExpect:
		fmt.Fprintf(w, "# The session went on after this error; expect %d again. Later calls do not use its answer.\n", st.Status)
		writeCall(w, fmt.Sprintf("expect %d", st.Status), st.Path, body, vars)
		return
	}
	writeCall(w, verb, st.Path, body, vars)
	for _, o := range st.Sets {
		fmt.Fprintf(w, "%s=$(jq -r '.%s // empty' \"$RESP\")\n", o.Var, o.Field)
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "ACCOUNT_ID=$(jq -r --arg mask %s --arg name %s '[.accounts[] | select(($mask == \"\" or .mask == $mask) and ($name == \"\" or .name == $name))][0].account_id // empty' \"$RESP\")\n",
			shellQuote(a.Mask), shellQuote(a.Name))
		fmt.Fprintf(w, "[ -n \"$ACCOUNT_ID\" ] || { echo %s >&2; exit 1; }\n", shellQuote("no account "+a.Label()+" in this Item"))
	}
	if kind := st.PartnerToken; kind != "" {
		fmt.Fprintf(w, "echo \"partner token: %s $(mask \"$(jq -r '.%s' \"$RESP\")\")\"\n", kind, kind)
	}
}

func writeCall(w io.Writer, verb, path, body string, vars []string) {
	args := ""
	for _, v := range vars {
		args += fmt.Sprintf(" --arg %s \"$%s\"", strings.ToLower(v), v)
	}
	fmt.Fprintf(w, "%s %s \"$(jq -nc%s %s)\"\n", verb, shellQuote(path), args, shellQuote(body))
}

// curlBody turns a step's body into a jq program: each Ref becomes a jq variable.
func curlBody(body map[string]any) (string, []string) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(withMarkers(body))
	program := strings.TrimSpace(buf.String())
	var vars []string
	for _, r := range Refs(body) {
		v := string(r)
		vars = append(vars, v)
		program = strings.ReplaceAll(program, `"`+varMarker(v)+`"`, "$"+strings.ToLower(v))
	}
	return program, vars
}

// withMarkers is v with each Ref as a marker string that the jq program replaces.
func withMarkers(v any) any {
	switch v := v.(type) {
	case Ref:
		return varMarker(string(v))
	case []any:
		out := make([]any, len(v))
		for i, x := range v {
			out[i] = withMarkers(x)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, x := range v {
			out[k] = withMarkers(x)
		}
		return out
	}
	return v
}

func varMarker(v string) string { return "@@plaidwalk:" + v + "@@" }

func shellQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'" }

func prefixed(p, s string) string {
	if s == "" {
		return ""
	}
	return p + s
}
