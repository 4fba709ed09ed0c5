package codegen

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"plaidwalk/sessions"
)

const pythonPrelude = `import json
import os
import sys
import time

import plaid
from plaid.api import plaid_api
%s

if not os.environ.get("PLAID_CLIENT_ID") or not os.environ.get("PLAID_SECRET"):
    sys.exit("set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys")
hosts = {"sandbox": plaid.Environment.Sandbox, "production": plaid.Environment.Production}
configuration = plaid.Configuration(
    host=(os.environ.get("PLAID_BASE_URL") or hosts[os.environ.get("PLAID_ENV", "sandbox")]).rstrip("/"),
    api_key={"clientId": os.environ["PLAID_CLIENT_ID"], "secret": os.environ["PLAID_SECRET"]},
)
client = plaid_api.PlaidApi(plaid.ApiClient(configuration))


def show(name, token):
    """Prints a token the walk made: its last four characters unless PLAIDWALK_REVEAL=1."""
    print(f"{name}: {token if os.environ.get('PLAIDWALK_REVEAL') == '1' else chr(0x2026) + str(token)[-4:]}")


def plaid_error(err):
    """Plaid's error object from a failed call's response body."""
    try:
        return json.loads(err.body)
    except (TypeError, ValueError):
        return {}


def poll(call):
    """Makes a call again while Plaid answers PRODUCT_NOT_READY (an Asset Report being made)."""
    for attempt in range(1, 61):
        try:
            return call()
        except plaid.ApiException as err:
            if attempt == 60 or plaid_error(err).get("error_code") != "PRODUCT_NOT_READY":
                raise
            time.sleep(1)
`

func writePython(w io.Writer, p *program) {
	fmt.Fprintf(w, "# %s\n#\n# Repeats the walk with Plaid's Python library. Install it and run:\n#   pip install plaid-python\n"+
		"#   PLAID_CLIENT_ID=... PLAID_SECRET=... python3 walk.py\n"+
		"# PLAID_ENV picks sandbox (default) or production; PLAID_BASE_URL, when set, is the host\n"+
		"# instead ('plaidwalk emulator' prints one). Tokens print masked unless PLAIDWALK_REVEAL=1.\n", p.header)
	types := map[string]bool{}
	for _, st := range p.steps {
		collectTypes(st.req, types)
	}
	var imports []string
	for t := range types {
		imports = append(imports, fmt.Sprintf("from plaid.model.%s import %s", snake(t), t))
	}
	sort.Strings(imports)
	fmt.Fprintf(w, pythonPrelude, strings.Join(imports, "\n"))
	io.WriteString(w, "\n\ndef main():\n")
	for _, v := range vars {
		fmt.Fprintf(w, "    %s = None\n", varName(v, "python"))
	}
	for _, st := range p.steps {
		writePythonStep(w, st)
	}
	io.WriteString(w, "\n\ntry:\n    main()\nexcept plaid.ApiException as err:\n    e = plaid_error(err)\n"+
		"    sys.exit(f\"Plaid error {e.get('error_type')} {e.get('error_code')}: {e.get('error_message')} (request_id {e.get('request_id')})\")\n")
}

func writePythonStep(w io.Writer, st step) {
	io.WriteString(w, "\n")
	for _, l := range stepNote(st) {
		fmt.Fprintf(w, "    # %s\n", l)
	}
	fmt.Fprintf(w, "    request = %s\n", pyValue(st.req, "    "))
	call := fmt.Sprintf("client.%s(request)", snake(st.op.ID))
	switch st.Kind {
	case sessions.StepExpect:
		fmt.Fprintf(w, "    try:\n        %s\n    except plaid.ApiException as err:\n"+
			"        print(\"as in the session:\", plaid_error(err).get(\"error_code\"), file=sys.stderr)\n", call)
		return
	case sessions.StepPoll:
		fmt.Fprintf(w, "    response = poll(lambda: %s)\n", call)
	default:
		fmt.Fprintf(w, "    response = %s\n", call)
	}
	for _, o := range st.Sets {
		fmt.Fprintf(w, "    %s = response[%q]\n", varName(o.Var, "python"), o.Field)
		if o.Var != "ASSET_REPORT_ID" && o.Field != st.PartnerToken {
			fmt.Fprintf(w, "    show(%q, %s)\n", o.Field, varName(o.Var, "python"))
		}
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "    account = next((a for a in response[\"accounts\"] if (%s == \"\" or a[\"mask\"] == %s) and (%s == \"\" or a[\"name\"] == %s)), None)\n",
			pyString(a.Mask), pyString(a.Mask), pyString(a.Name), pyString(a.Name))
		fmt.Fprintf(w, "    if account is None:\n        sys.exit(%s)\n    account_id = account[\"account_id\"]\n", pyString("no account "+a.Label()+" in this Item"))
	}
	if f := st.PartnerToken; f != "" {
		fmt.Fprintf(w, "    show(\"partner token: %s\", response[%q])\n", f, f)
	}
}

// collectTypes adds the schema names v is built from: the model classes to import.
func collectTypes(v value, into map[string]bool) {
	if v.kind == kObject || v.enum() {
		into[v.typ] = true
	}
	for _, it := range v.items {
		collectTypes(it, into)
	}
	if v.kind == kObject {
		for _, f := range v.fields {
			collectTypes(f.val, into)
		}
	}
}

// pyValue is v as a Python expression with plaid-python's model classes.
func pyValue(v value, indent string) string {
	switch v.kind {
	case kString:
		if v.enum() {
			return v.typ + "(" + pyString(v.str) + ")"
		}
		return pyString(v.str)
	case kNumber:
		return v.str
	case kBool:
		return map[string]string{"true": "True", "false": "False"}[v.str]
	case kRef:
		return varName(sessions.Ref(v.str), "python")
	case kList:
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = pyValue(it, indent)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case kObject:
		var b strings.Builder
		b.WriteString(v.typ + "(\n")
		for _, f := range v.fields {
			fmt.Fprintf(&b, "%s    %s=%s,\n", indent, f.name, pyValue(f.val, indent+"    "))
		}
		return b.String() + indent + ")"
	case kMap:
		parts := make([]string, len(v.fields))
		for i, f := range v.fields {
			parts[i] = pyString(f.name) + ": " + pyValue(f.val, indent)
		}
		return "{" + strings.Join(parts, ", ") + "}"
	}
	return "None"
}
