package codegen

import (
	"fmt"
	"io"
	"strings"

	"plaidwalk/sessions"
)

const goPrelude = `package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

// newClient reads the keys and the host from the environment.
func newClient() *plaid.APIClient {
	id, secret := os.Getenv("PLAID_CLIENT_ID"), os.Getenv("PLAID_SECRET")
	if id == "" || secret == "" {
		fmt.Fprintln(os.Stderr, "set PLAID_CLIENT_ID and PLAID_SECRET to your Plaid keys")
		os.Exit(2)
	}
	cfg := plaid.NewConfiguration()
	cfg.AddDefaultHeader("PLAID-CLIENT-ID", id)
	cfg.AddDefaultHeader("PLAID-SECRET", secret)
	switch base := os.Getenv("PLAID_BASE_URL"); {
	case base != "":
		cfg.UseEnvironment(plaid.Environment(strings.TrimSuffix(base, "/")))
	case os.Getenv("PLAID_ENV") == "production":
		cfg.UseEnvironment(plaid.Production)
	default:
		cfg.UseEnvironment(plaid.Sandbox)
	}
	return plaid.NewAPIClient(cfg)
}

// show prints a token the walk made: its last four characters unless PLAIDWALK_REVEAL=1.
func show(name, token string) {
	if os.Getenv("PLAIDWALK_REVEAL") != "1" && len(token) > 4 {
		token = "\u2026" + token[len(token)-4:]
	}
	fmt.Printf("%s: %s\n", name, token)
}

// check stops the program on an error, printing Plaid's error from the response body.
func check(call string, err error) {
	if err == nil {
		return
	}
	if perr, e := plaid.ToPlaidError(err); e == nil {
		fmt.Fprintf(os.Stderr, "%s: Plaid error %s %s: %s (request_id %s)\n", call, perr.ErrorType, perr.ErrorCode, perr.ErrorMessage, perr.GetRequestId())
	} else {
		fmt.Fprintf(os.Stderr, "%s: %v\n", call, err)
	}
	os.Exit(1)
}

// pause waits before asking again.
func pause() { time.Sleep(time.Second) }

// notReady reports whether err is Plaid's PRODUCT_NOT_READY (an Asset Report being made).
func notReady(err error) bool {
	perr, e := plaid.ToPlaidError(err)
	return err != nil && e == nil && perr.ErrorCode == "PRODUCT_NOT_READY"
}
`

func writeGo(w io.Writer, p *program) {
	fmt.Fprintf(w, "// %s\n//\n// Repeats the walk with plaid-go v43. Put it in a module and run it:\n"+
		"//   go mod init walk && go get github.com/plaid/plaid-go/v43@v43.0.0\n"+
		"//   PLAID_CLIENT_ID=... PLAID_SECRET=... go run .\n"+
		"// PLAID_ENV picks sandbox (default) or production; PLAID_BASE_URL, when set, is the host\n"+
		"// instead ('plaidwalk emulator' prints one). Tokens print masked unless PLAIDWALK_REVEAL=1.\n", p.header)
	io.WriteString(w, goPrelude)
	io.WriteString(w, "\nfunc main() {\n\tclient := newClient()\n\tctx := context.Background()\n")
	names := make([]string, len(vars))
	for i, v := range vars {
		names[i] = varName(v, "go")
	}
	fmt.Fprintf(w, "\tvar %s string\n\t_, _, _, _, _, _ = %s\n", strings.Join(names, ", "), strings.Join(names, ", "))
	for _, st := range p.steps {
		writeGoStep(w, st)
	}
	io.WriteString(w, "}\n")
}

func writeGoStep(w io.Writer, st step) {
	io.WriteString(w, "\n")
	for _, l := range stepNote(st) {
		fmt.Fprintf(w, "\t// %s\n", l)
	}
	io.WriteString(w, "\t{\n")
	g := &goBuilder{w: w, indent: "\t\t", used: map[string]int{}}
	req := g.object(st.req, "request")
	call := fmt.Sprintf("client.PlaidApi.%s(ctx).%s(*%s).Execute()", pascal(st.op.ID), st.op.Request, req)
	switch st.Kind {
	case sessions.StepExpect:
		fmt.Fprintf(w, "\t\tif _, _, err := %s; err != nil {\n\t\t\tfmt.Fprintln(os.Stderr, \"as in the session:\", err)\n\t\t}\n\t}\n", call)
		return
	case sessions.StepPoll:
		fmt.Fprintf(w, "\t\tresponse, _, err := %s\n\t\tfor attempt := 1; notReady(err) && attempt < 60; attempt++ {\n"+
			"\t\t\tpause()\n\t\t\tresponse, _, err = %s\n\t\t}\n", call, call)
	default:
		fmt.Fprintf(w, "\t\tresponse, _, err := %s\n", call)
	}
	fmt.Fprintf(w, "\t\tcheck(%s, err)\n", goString(st.Path))
	used := false
	for _, o := range st.Sets {
		fmt.Fprintf(w, "\t\t%s = response.Get%s()\n", varName(o.Var, "go"), pascal(o.Field))
		if o.Var != "ASSET_REPORT_ID" && o.Field != st.PartnerToken {
			fmt.Fprintf(w, "\t\tshow(%q, %s)\n", o.Field, varName(o.Var, "go"))
		}
		used = true
	}
	if a := st.Account; a != nil {
		fmt.Fprintf(w, "\t\tfor _, a := range response.GetAccounts() {\n\t\t\tif (%s == \"\" || a.GetMask() == %s) && (%s == \"\" || a.GetName() == %s) {\n"+
			"\t\t\t\taccountId = a.GetAccountId()\n\t\t\t\tbreak\n\t\t\t}\n\t\t}\n", goString(a.Mask), goString(a.Mask), goString(a.Name), goString(a.Name))
		fmt.Fprintf(w, "\t\tif accountId == \"\" {\n\t\t\tfmt.Fprintln(os.Stderr, %s)\n\t\t\tos.Exit(1)\n\t\t}\n", goString("no account "+a.Label()+" in this Item"))
		used = true
	}
	if f := st.PartnerToken; f != "" {
		fmt.Fprintf(w, "\t\tshow(\"partner token: %s\", response.Get%s())\n", f, pascal(f))
		used = true
	}
	if !used {
		io.WriteString(w, "\t\t_ = response\n")
	}
	io.WriteString(w, "\t}\n")
}

// goBuilder writes the statements that build a request: one variable per object, made with
// the library's NewXWithDefaults and filled with its setters.
type goBuilder struct {
	w      io.Writer
	indent string
	used   map[string]int
}

func (g *goBuilder) object(v value, hint string) string {
	name := lowerCamel(hint)
	if g.used[name]++; g.used[name] > 1 {
		name = fmt.Sprintf("%s%d", name, g.used[name])
	}
	fields := make([]string, len(v.fields))
	for i, f := range v.fields {
		fields[i] = g.expr(f.val, f.name)
	}
	fmt.Fprintf(g.w, "%s%s := plaid.New%sWithDefaults()\n", g.indent, name, v.typ)
	for i, f := range v.fields {
		fmt.Fprintf(g.w, "%s%s.Set%s(%s)\n", g.indent, name, pascal(f.name), fields[i])
	}
	return name
}

// expr is v as a Go expression of its type; objects are written as variables first.
func (g *goBuilder) expr(v value, hint string) string {
	switch v.kind {
	case kString:
		if v.enum() {
			return "plaid." + v.typ + "(" + goString(v.str) + ")"
		}
		return goString(v.str)
	case kNumber, kBool:
		return v.str
	case kRef:
		return varName(sessions.Ref(v.str), "go")
	case kObject:
		return "*" + g.object(v, hint)
	case kList:
		parts := make([]string, len(v.items))
		for i, it := range v.items {
			parts[i] = g.expr(it, hint+"Item")
		}
		return "[]" + goType(v.typ) + "{" + strings.Join(parts, ", ") + "}"
	case kMap:
		parts := make([]string, len(v.fields))
		for i, f := range v.fields {
			parts[i] = goString(f.name) + ": " + g.expr(f.val, hint)
		}
		return "map[string]interface{}{" + strings.Join(parts, ", ") + "}"
	}
	return "nil"
}

// goType is the Go type plaid-go gives a table type.
func goType(t string) string {
	switch t {
	case "string":
		return "string"
	case "integer":
		return "int32"
	case "number":
		return "float64"
	case "boolean":
		return "bool"
	case "map", "any", "":
		return "interface{}"
	}
	if strings.HasPrefix(t, "[]") {
		return "[]" + goType(t[2:])
	}
	return "plaid." + t
}
