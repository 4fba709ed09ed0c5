package specgen

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

const miniSpec = `
openapi: 3.0.0
info: {title: mini, version: "1.2.3"}
paths:
  /a/get:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/AGetRequest'}
      responses: {"200": {description: ok}}
  /b/get:
    post:
      requestBody:
        content:
          application/json:
            schema: {$ref: '#/components/schemas/BGetRequest'}
      responses: {"200": {description: ok}}
  /c/{id}:
    get:
      responses: {"200": {description: ok}}
components:
  schemas:
    AGetRequest:
      type: object
      required: [token]
      properties:
        token: {type: string}
        note: {type: string, minLength: 1, maxLength: 36}
        since: {type: string, format: date}
        kinds: {type: array, items: {$ref: '#/components/schemas/Kind'}}
        user: {$ref: '#/components/schemas/User'}
        meta: {type: object, additionalProperties: {type: string}}
    BGetRequest:
      allOf:
        - {$ref: '#/components/schemas/User'}
        - {type: object, properties: {at: {type: string, format: date-time}}, required: [at]}
    Kind: {type: string, enum: [x, y]}
    User:
      type: object
      additionalProperties: true
      properties:
        name: {type: string}
`

func TestGenerate(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(miniSpec))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(doc, "demo", []string{"/a/get", "/b/get"})
	if err != nil {
		t.Fatal(err)
	}
	out := string(src)
	for _, want := range []string{
		`const specAPIVersion = "1.2.3"`,
		`{"/a/get", &rAGetRequest}`, `{"/c/{id}", nil}`,
		`{"token", true, &sString}`, `{"since", false, &sDate}`,
		`enum: []string{"x", "y"}`, `items: &rKind}`, // an array of a named enum shares it
		`values: &sString`,                                      // additionalProperties with a schema
		`{"at", true, &sDateTime}`, `{"name", false, &sString}`, // allOf parts merged
		`kind: kString, minLen: 1, maxLen: 36}`, // a bounded string is its own node
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %s:\n%s", want, out)
		}
	}
	// User is written once, open (additionalProperties: true), and shared.
	if strings.Count(out, "open: true") != 2 || strings.Count(out, "\trUser ") != 1 || !strings.Contains(out, `{"user", false, &rUser}`) {
		t.Errorf("User should be one open variable, and BGetRequest open through its allOf part:\n%s", out)
	}
	again, _ := Generate(doc, "demo", []string{"/a/get", "/b/get"})
	if string(again) != out {
		t.Errorf("two runs differ")
	}
}

// TestGenerateLeavesOutUnservedBodies: a path the emulator does not serve keeps its row, with
// no body schema, and the schemas only it reached are not written.
func TestGenerateLeavesOutUnservedBodies(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(miniSpec))
	if err != nil {
		t.Fatal(err)
	}
	src, err := Generate(doc, "demo", []string{"/a/get"})
	if err != nil {
		t.Fatal(err)
	}
	out := string(src)
	if !strings.Contains(out, `{"/b/get", nil}`) || strings.Contains(out, "rBGetRequest") || !strings.Contains(out, `{"/a/get", &rAGetRequest}`) {
		t.Errorf("only /a/get should have a body schema:\n%s", out)
	}
}

// TestServedPathsReadsTheMapKeys parses a routes file as the generator does.
func TestServedPathsReadsTheMapKeys(t *testing.T) {
	file := filepath.Join(t.TempDir(), "routes.go")
	src := "package x\n\nvar other = map[string]int{\"/no\": 1}\n\nvar endpoints = map[string]func(){\n\t\"/a/get\": nil,\n\t\"/b/get\": nil,\n}\n"
	if err := os.WriteFile(file, []byte(src), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := ServedPaths(file, "endpoints")
	if err != nil || strings.Join(got, " ") != "/a/get /b/get" {
		t.Errorf("ServedPaths = %v, %v; want /a/get /b/get", got, err)
	}
	if _, err := ServedPaths(file, "missing"); err == nil {
		t.Error("a file without the variable gave no error")
	}
	// A key that is not a string literal (or an element that is no key: value) is refused.
	for _, body := range []string{"{route: nil}", "{nil}"} {
		bad := filepath.Join(t.TempDir(), "routes.go")
		if err := os.WriteFile(bad, []byte("package x\n\nvar endpoints = map[string]func()"+body+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		if _, err := ServedPaths(bad, "endpoints"); err == nil {
			t.Errorf("endpoints %s gave no error", body)
		}
	}
}
