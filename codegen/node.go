package codegen

import (
	"fmt"
	"io"
	"strings"

	"plaidwalk/sessions"
)

const nodePrelude = `'use strict';
const { Configuration, PlaidApi, PlaidEnvironments } = require('plaid');

const env = process.env.PLAID_ENV || 'sandbox';
if (!process.env.PLAID_CLIENT_ID || !process.env.PLAID_SECRET) {
  console.error('set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys');
  process.exit(2);
}
const client = new PlaidApi(new Configuration({
  basePath: (process.env.PLAID_BASE_URL || PlaidEnvironments[env] || '').replace(/\/$/, ''),
  baseOptions: { headers: { 'PLAID-CLIENT-ID': process.env.PLAID_CLIENT_ID, 'PLAID-SECRET': process.env.PLAID_SECRET } },
}));

// show prints a token the walk made: its last four characters unless PLAIDWALK_REVEAL=1.
function show(name, token) {
  console.log(name + ': ' + (process.env.PLAIDWALK_REVEAL === '1' ? token : '\u2026' + String(token).slice(-4)));
}

// plaidError is Plaid's error object from a failed call's response body, or null.
function plaidError(err) {
  return err && err.response && err.response.data && err.response.data.error_code ? err.response.data : null;
}

// poll makes a call again while Plaid answers PRODUCT_NOT_READY (an Asset Report being made).
async function poll(call) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const e = plaidError(err);
      if (!e || e.error_code !== 'PRODUCT_NOT_READY' || attempt >= 60) throw err;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}
`

func writeNode(w io.Writer, p *program) {
	fmt.Fprintf(w, "// %s\n//\n// Repeats the walk with Plaid's Node library. Install it and run:\n//   npm install plaid\n"+
		"//   PLAID_CLIENT_ID=... PLAID_SECRET=... node walk.js\n"+
		"// PLAID_ENV picks sandbox (default) or production; PLAID_BASE_URL, when set, is the host\n"+
		"// instead ('plaidwalk emulator' prints one). Tokens print masked unless PLAIDWALK_REVEAL=1.\n\n", p.header)
	io.WriteString(w, nodePrelude)
	io.WriteString(w, "\nasync function main() {\n")
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = varName(v, "node")
	}
	fmt.Fprintf(w, "  let %s;\n", strings.Join(names, ", "))
	for _, st := range p.steps {
		writeNodeStep(w, st)
	}
	io.WriteString(w, "}\n\nmain().catch((err) => {\n  const e = plaidError(err);\n"+
		"  if (e) console.error(`Plaid error ${e.error_type} ${e.error_code}: ${e.error_message} (request_id ${e.request_id})`);\n"+
		"  else console.error(err && err.message ? err.message : err);\n  process.exit(1);\n});\n")
}

func writeNodeStep(w io.Writer, st step) {
	io.WriteString(w, "\n")
	for _, l := range stepNote(st) {
		fmt.Fprintf(w, "  // %s\n", l)
	}
	fmt.Fprintf(w, "  {\n    /** @type {import('plaid').%s} */\n    const request = %s;\n", st.op.Request, nodeValue(st.req, "    "))
	call := fmt.Sprintf("client.%s(request)", lowerCamel(st.op.ID))
	switch st.Kind {
	case sessions.StepExpect:
		fmt.Fprintf(w, "    try {\n      await %s;\n    } catch (err) {\n      const e = plaidError(err);\n"+
			"      console.error('as in the session: ' + (e ? e.error_code : err.message));\n    }\n  }\n", call)
		return
	case sessions.StepPoll:
		fmt.Fprintf(w, "    const response = await poll(() => %s);\n", call)
	default:
		fmt.Fprintf(w, "    const response = await %s;\n", call)
	}
	for _, o := range st.Sets {
		fmt.Fprintf(w, "    %s = response.data.%s;\n", varName(o.Var, "node"), o.Field)
		if o.Var != "ASSET_REPORT_ID" && o.Field != st.PartnerToken {
			fmt.Fprintf(w, "    show('%s', %s);\n", o.Field, varName(o.Var, "node"))
		}
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "    const account = response.data.accounts.find((a) => (%s === '' || a.mask === %s) && (%s === '' || a.name === %s));\n",
			jsString(a.Mask), jsString(a.Mask), jsString(a.Name), jsString(a.Name))
		fmt.Fprintf(w, "    if (!account) throw new Error(%s);\n    accountId = account.account_id;\n", jsString("no account "+a.Label()+" in this Item"))
	}
	if f := st.PartnerToken; f != "" {
		fmt.Fprintf(w, "    show('partner token: %s', response.data.%s);\n", f, f)
	}
	io.WriteString(w, "  }\n")
}

// nodeValue is v as a JavaScript expression; indent is the current line's.
func nodeValue(v value, indent string) string {
	switch v.kind {
	case kString:
		return jsString(v.str)
	case kNumber, kBool:
		return v.str
	case kRef:
		return varName(sessions.Ref(v.str), "node")
	case kList:
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = nodeValue(it, indent)
		}
		return "[" + strings.Join(parts, ", ") + "]"
	case kObject, kMap:
		if len(v.fields) == 0 {
			return "{}"
		}
		var b strings.Builder
		b.WriteString("{\n")
		for _, f := range v.fields {
			key := f.name
			if v.kind == kMap {
				key = jsString(f.name)
			}
			fmt.Fprintf(&b, "%s  %s: %s,\n", indent, key, nodeValue(f.val, indent+"  "))
		}
		return b.String() + indent + "}"
	}
	return "null"
}
