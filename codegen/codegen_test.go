package codegen

import (
	"bytes"
	"os"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
	"plaidwalk/internal/specgen"
	"plaidwalk/sessions"
)

// The committed table is what `go generate ./codegen` writes from the spec this build uses.
func TestSpecTableIsFresh(t *testing.T) {
	spec := plaidspec.MustLoad(t)
	want, err := specgen.CodeTable(spec.Doc, "codegen", emulator.ServedEndpoints())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("spec_table.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("spec_table.go is stale: run go generate ./codegen")
	}
}

// hostileSession is the fixture walk with a client_name that ends literals in every language.
func hostileSession(t *testing.T, name string) sessions.Session {
	t.Helper()
	s, err := sessions.ReadFile("../sessions/testdata/v1-dwolla.json")
	if err != nil {
		t.Fatal(err)
	}
	s.Calls[0].RequestBody = `{"client_name":` + strconv.Quote(name) + `,"language":"en","country_codes":["US"],"products":["auth"],"user":{"client_user_id":"u"},"evil\"field":1}`
	return s
}

const hostile = `it's "q" \ \u000a \" ${X} #{ENV} */ ` + "`x`" + ` '); exit(3); //`

// Java and Ruby programs call the methods the spec's operation ids name, through each
// library's rule (Java: the id itself; Ruby and Python: its snake_case); the request types
// are the spec's request schemas.
func TestMethodNamesAreTheSpecsOperationIDs(t *testing.T) {
	spec := plaidspec.MustLoad(t)
	ids, schemas := map[string]bool{}, map[string]bool{}
	for _, item := range spec.Doc.Paths.Map() {
		if item.Post != nil {
			ids[item.Post.OperationID] = true
		}
	}
	for name := range spec.Doc.Components.Schemas {
		schemas[name] = true
	}
	snakeIDs := map[string]bool{}
	for id := range ids {
		snakeIDs[snake(id)] = true
	}
	s := hostileSession(t, "x")
	for lang, re := range map[string]string{"java": `plaidClient\.([A-Za-z]+)\(`, "ruby": `CLIENT\.([a-z_]+)\(`, "python": `client\.([a-z_]+)\(`} {
		var buf bytes.Buffer
		if err := Write(&buf, lang, s); err != nil {
			t.Fatal(err)
		}
		calls := regexp.MustCompile(re).FindAllStringSubmatch(buf.String(), -1)
		if len(calls) < 2 {
			t.Fatalf("%s: %d calls", lang, len(calls))
		}
		for _, m := range calls {
			if (lang == "java" && !ids[m[1]]) || (lang != "java" && !snakeIDs[m[1]]) {
				t.Errorf("%s calls %s, not an operation of the spec", lang, m[1])
			}
		}
		for _, m := range regexp.MustCompile(`(?:new |Plaid::|import )([A-Z][A-Za-z0-9]+)`).FindAllStringSubmatch(buf.String(), -1) {
			if !schemas[m[1]] && !libraryClasses[m[1]] {
				t.Errorf("%s names %s, not a schema of the spec", lang, m[1])
			}
		}
	}
}

// libraryClasses are the client and runtime classes the programs name besides the models.
var libraryClasses = map[string]bool{"Gson": true, "ApiClient": true, "PlaidApi": true, "HashMap": true, "Configuration": true, "ApiError": true}

// A field the request schema lacks is left out, named in a comment that cannot close itself.
func TestUnknownFieldsAreLeftOut(t *testing.T) {
	var buf bytes.Buffer
	if err := Write(&buf, "node", hostileSession(t, "x")); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), `evil"field:`) || !strings.Contains(buf.String(), `// Left out (not in the request schema`) {
		t.Fatalf("the unknown field:\n%s", buf.String())
	}
}

// javac turns \u escapes into characters before it reads a literal, so javaString never
// writes one for a quote, a backslash or a line end; after that step the literal reads back as
// the value (Java's other escapes are Go's).
func TestJavaStringSurvivesUnicodePreprocessing(t *testing.T) {
	for _, s := range []string{hostile, "a\nb\r\"\\", `\u0022`, `\\u000a`, "é😀\u2028\x01"} {
		lit := javaString(s)
		pre := javaUnicodePass(lit)
		if strings.ContainsAny(pre, "\r\n") {
			t.Fatalf("%q: a line end after the \\u pass: %s", s, pre)
		}
		back, err := strconv.Unquote(pre)
		if err != nil || back != s {
			t.Fatalf("%q: %s reads back as %q (%v)", s, lit, back, err)
		}
	}
}

// javaUnicodePass is javac's first step: \uXXXX preceded by an even number of backslashes is
// the character.
func javaUnicodePass(src string) string {
	var b strings.Builder
	for i := 0; i < len(src); i++ {
		if src[i] == '\\' && i+5 < len(src) && src[i+1] == 'u' {
			n := 0
			for j := i - 1; j >= 0 && src[j] == '\\'; j-- {
				n++
			}
			if n%2 == 0 {
				if v, err := strconv.ParseUint(src[i+2:i+6], 16, 16); err == nil {
					r := rune(v)
					if utf16.IsSurrogate(r) && i+11 < len(src) && src[i+6:i+8] == `\u` {
						if lo, err := strconv.ParseUint(src[i+8:i+12], 16, 16); err == nil {
							r = utf16.DecodeRune(r, rune(lo))
							i += 6
						}
					}
					b.WriteRune(r)
					i += 5
					continue
				}
			}
		}
		b.WriteByte(src[i])
	}
	return b.String()
}

// Ruby's single-quoted literal reads back as the value in ruby itself, and the comment text
// keeps a hostile value inert.
func TestRubyStringAndCommentText(t *testing.T) {
	for _, s := range []string{hostile, `a'b\#{x}\`, "line\nbreak"} {
		out, err := exec.Command("ruby", "-e", "print("+rubyString(s)+")").CombinedOutput()
		if err != nil || string(out) != s {
			t.Errorf("ruby reads %s back as %q (%v; run 'make test-deps' when ruby is missing)", rubyString(s), out, err)
		}
	}
	if got := comment("a*/b\\u000a\nc\u2028"); strings.ContainsAny(got, "\\\n\u2028") || strings.Contains(got, "*/") {
		t.Errorf("comment: %q", got)
	}
}

func TestNamingRules(t *testing.T) {
	for in, want := range map[string][3]string{
		"linkTokenCreate":          {"link_token_create", "LinkTokenCreate", "linkTokenCreate"},
		"AssetReportPDFGetRequest": {"asset_report_pdf_get_request", "AssetReportPdfGetRequest", "assetReportPdfGetRequest"},
		"client_user_id":           {"client_user_id", "ClientUserId", "clientUserId"},
	} {
		if got := [3]string{snake(in), pascal(in), lowerCamel(in)}; got != want {
			t.Errorf("%s: %v, want %v", in, got, want)
		}
	}
}

// A snippet is one call in the language: the library's method and request type, the token as
// a variable (never the masked value), and the response field the next step reads.
func TestSnippetOfOneCall(t *testing.T) {
	c := sessions.Call{Method: "POST", Path: "/item/public_token/exchange", Status: 200, RequestBody: `{"public_token":"public-sandbox-…1a2b"}`}
	for lang, wants := range map[string][]string{
		"node":   {"client.itemPublicTokenExchange(request)", "public_token: publicToken", "accessToken = response.data.access_token"},
		"go":     {"client.PlaidApi.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*request)", "request.SetPublicToken(publicToken)"},
		"python": {"client.item_public_token_exchange(request)", "ItemPublicTokenExchangeRequest(", "public_token=public_token"},
		"ruby":   {"CLIENT.item_public_token_exchange(request)", "Plaid::ItemPublicTokenExchangeRequest.new("},
		"java":   {"plaidClient.itemPublicTokenExchange(request)", ".publicToken(publicToken)"},
	} {
		got, err := Snippet(lang, c)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range wants {
			if !strings.Contains(got, w) {
				t.Errorf("%s snippet lacks %q:\n%s", lang, w, got)
			}
		}
		if strings.Contains(got, "1a2b") {
			t.Errorf("%s snippet carries the masked token:\n%s", lang, got)
		}
	}
	if _, err := Snippet("cobol", c); err == nil {
		t.Error("a snippet in cobol")
	}
}
