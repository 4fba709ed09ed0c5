package linkserver

import (
	"io"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// hostile are values that would break out of each place the page shows a value, were it not
// escaped for that place.
var hostile = []string{
	`</script><script>alert(1)</script>`,
	`"><img src=x onerror=alert(1)>`,
	`' onmouseover='alert(1)' x='`,
	`javascript:alert(1)`,
	"line\u2028sep\u2029para</p><p>",
	`<!-- {{.Nonce}} &amp; &lt;b&gt;`,
	"nul\x00byte",
}

// pageNode is one element of a parsed page: its tag and its attributes' names, in order.
func pageShape(t *testing.T, page string) (shape []string, attrs map[string]string, envText string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	attrs = map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			s := n.Data
			for _, a := range n.Attr {
				s += " " + a.Key
				attrs[n.Data+"."+a.Key] = a.Val
			}
			shape = append(shape, s)
			if n.Data == "span" && strings.HasPrefix(attrValue(n, "class"), "env") {
				envText = n.FirstChild.Data
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return shape, attrs, envText
}

func attrValue(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func getPage(t *testing.T, o Options) string {
	t.Helper()
	s := startTest(t, o)
	res := request(t, s, "GET", "/"+s.secret+"/", "", nil)
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("status %d", res.StatusCode)
	}
	return string(body)
}

// TestPageHostileValuesStayInert parses the page as a browser does (the HTML5 algorithm of
// x/net/html) with a hostile link_token, environment label and script URL: the page keeps the
// elements and attributes it has with plain values, each hostile value reads back exactly as
// given, and a script URL that is not http(s) is not loaded.
func TestPageHostileValuesStayInert(t *testing.T) {
	plain := EmulatorOptions(Options{}, "http://127.0.0.1:9")
	plain.EnvLabel = "sandbox"
	want, _, _ := pageShape(t, getPage(t, plain))
	for _, v := range hostile {
		o := EmulatorOptions(Options{LinkToken: v}, "http://127.0.0.1:9")
		o.ScriptURL, o.EnvLabel = v, v
		page := getPage(t, o)
		shape, attrs, env := pageShape(t, page)
		if strings.Join(shape, "|") != strings.Join(want, "|") {
			t.Errorf("%q changed the page's elements:\n got %v\nwant %v", v, shape, want)
		}
		clean := strings.ReplaceAll(v, "\x00", "\uFFFD")
		if attrs["body.data-link-token"] != clean || attrs["body.data-env"] != clean || env != clean {
			t.Errorf("%q did not read back as itself: token %q, env attribute %q, env text %q", v, attrs["body.data-link-token"], attrs["body.data-env"], env)
		}
		if attrs["script.src"] != unsafeURL {
			t.Errorf("script URL %q was kept as %q", v, attrs["script.src"])
		}
	}
}

// TestPageKeepsAQuotedScriptURLWhole: an http URL with quotes and angle brackets in its query
// stays one attribute value.
func TestPageKeepsAQuotedScriptURLWhole(t *testing.T) {
	url := `http://127.0.0.1:9/link.js?a="><script>alert(1)</script>&b='`
	o := EmulatorOptions(Options{}, "http://127.0.0.1:9")
	o.ScriptURL = url
	want, _, _ := pageShape(t, getPage(t, Options{}))
	shape, attrs, _ := pageShape(t, getPage(t, o))
	if strings.Join(shape, "|") != strings.Join(want, "|") || attrs["script.src"] != url {
		t.Fatalf("script src %q, shape %v", attrs["script.src"], shape)
	}
}

func TestSafeURL(t *testing.T) {
	for raw, ok := range map[string]bool{
		"https://cdn.plaid.com/link/v2/stable/link-initialize.js": true,
		"http://127.0.0.1:9/link-initialize.js":                   true,
		"HTTPS://CDN.PLAID.COM/x.js":                              true,
		"javascript:alert(1)":                                     false,
		"JaVaScRiPt:alert(1)":                                     false,
		" javascript:alert(1)":                                    false,
		"java\tscript:alert(1)":                                   false,
		"java\nscript:alert(1)":                                   false,
		"data:text/javascript,alert(1)":                           false,
		"//evil.example/x.js":                                     false,
		"/relative.js":                                            false,
		"https:no-host":                                           false,
		"vbscript:msgbox(1)":                                      false,
	} {
		if got := safeURL(raw) == raw; got != ok {
			t.Errorf("safeURL(%q) = %q, want kept=%v", raw, safeURL(raw), ok)
		}
	}
}

// TestCompilePageRefusesPlacesItCannotEscape: a value where no escaper here makes it safe is
// an error when the page is compiled, so such a page never starts.
func TestCompilePageRefusesPlacesItCannotEscape(t *testing.T) {
	for name, src := range map[string]string{
		"script body":         `<script>var t = "{{.LinkToken}}";</script>`,
		"style body":          `<style>a{color:{{.EnvLabel}}}</style>`,
		"event handler":       `<a onclick="go('{{.Base}}')">x</a>`,
		"style attribute":     `<p style="color: {{.EnvLabel}}">x</p>`,
		"unquoted attribute":  `<p class={{.EnvLabel}}>x</p>`,
		"attribute name":      `<p {{.EnvLabel}}="x">x</p>`,
		"tag name":            `<{{.EnvLabel}}>x</p>`,
		"comment":             `<!-- {{.EnvLabel}} -->`,
		"inside a URL":        `<a href="https://x.example/{{.Base}}">x</a>`,
		"JS file elsewhere":   `<p>{{.JS}}</p>`,
		"unknown value":       `<p>{{.Secret}}</p>`,
		"a function":          `<p>{{printf "%s" .EnvLabel}}</p>`,
		"a range":             `{{range .Mode}}x{{end}}`,
		"branches disagree":   `{{if .Offline}}<p title="{{else}}<p>{{end}}x">`,
		"unclosed at the end": `<p title="{{.EnvLabel}}`,
		"a stray end":         `<p>{{end}}</p>`,
		"an if without end":   `{{if .Offline}}<p>x</p>`,
		"braces not closed":   `<p>{{.EnvLabel</p>`,
		"not a flag":          `{{if .Base}}x{{end}}`,
		"else if":             `{{if .Offline}}a{{else if .Offline}}b{{end}}`,
	} {
		if _, err := compilePage(name, src); err == nil {
			t.Errorf("%s: compiled %q", name, src)
		}
	}
	ops, err := compilePage("ok", `<p class="a{{if .Offline}} b{{end}}" title="{{.EnvLabel}}">{{.EnvLabel}}</p><script src="{{.ScriptURL}}"></script><script>{{.JS}}</script>`)
	if err != nil || len(ops) != 11 {
		t.Fatalf("a page using every supported place: %d ops, %v", len(ops), err)
	}
}
