package emulator

//go:generate go run ../internal/specgen/gen -out spec_requests.go

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

// Request bodies are checked against tables generated from Plaid's OpenAPI spec
// (spec_requests.go, written by internal/specgen): Plaid refuses missing required fields,
// fields it does not know and values of the wrong type, enum or date form, each naming the
// field, before any endpoint logic runs. Checks the spec cannot express stay in the handlers.

// kind is the JSON type a request value must have; the zero kind accepts any value.
type kind uint8

const (
	kAny kind = iota
	kString
	kInt
	kNumber
	kBool
	kArray
	kObject
)

// strFormat is a string format Plaid checks on requests.
type strFormat uint8

const (
	fNone     strFormat = iota
	fDate               // YYYY-MM-DD
	fDateTime           // RFC 3339 with a time zone
)

// reqSchema is one level of a request schema: what a value must be.
type reqSchema struct {
	kind   kind
	format strFormat
	enum   []string   // allowed strings; nil allows any
	minLen int        // kString: the fewest characters allowed
	maxLen int        // kString: the most characters allowed; 0 is no bound
	items  *reqSchema // kArray's element
	props  []reqProp  // kObject's known keys, sorted by name
	open   bool       // kObject: keys beyond props are allowed (additionalProperties: true)
	values *reqSchema // kObject: the schema of every key beyond props (a map)
	null   bool       // null is a valid value (only matters inside arrays: a null field is absent)
}

// reqProp is one known key of an object.
type reqProp struct {
	name     string
	required bool
	schema   *reqSchema
}

// specPath is one path of the spec and its request body (nil when it takes no JSON body).
type specPath struct {
	path string
	body *reqSchema
}

// The schemas the generated tables share for plain values.
var (
	sAny      = reqSchema{}
	sString   = reqSchema{kind: kString}
	sInt      = reqSchema{kind: kInt}
	sNumber   = reqSchema{kind: kNumber}
	sBool     = reqSchema{kind: kBool}
	sDate     = reqSchema{kind: kString, format: fDate}
	sDateTime = reqSchema{kind: kString, format: fDateTime}
)

// specRoute finds path among the spec's paths: exactly, or against a templated path such as
// /fdx/consents/{consentId}.
func specRoute(path string) (specPath, bool) {
	i := sort.Search(len(specPaths), func(i int) bool { return specPaths[i].path >= path })
	if i < len(specPaths) && specPaths[i].path == path {
		return specPaths[i], true
	}
	for _, sp := range specPaths {
		if strings.Contains(sp.path, "{") && templateMatches(sp.path, path) {
			return sp, true
		}
	}
	return specPath{}, false
}

func templateMatches(template, path string) bool {
	want, got := strings.Split(template, "/"), strings.Split(path, "/")
	if len(want) != len(got) {
		return false
	}
	for i, w := range want {
		if w != got[i] && !(strings.HasPrefix(w, "{") && got[i] != "") {
			return false
		}
	}
	return true
}

// parseBody reads a request body as a JSON object, refusing what Plaid refuses. Bodies the
// fast path takes (json_parse.go) are read as the decoder would read them; the others, and
// every refusal, are the decoder's.
func parseBody(raw []byte) (map[string]any, *apiError) {
	if obj, ok := parseObjectFast(raw); ok {
		return obj, nil
	}
	return decodeBody(raw)
}

// decodeBody is parseBody by encoding/json: the reference the fast path matches.
func decodeBody(raw []byte) (map[string]any, *apiError) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, invalidRequest("INVALID_BODY", "the request body is not valid JSON: "+err.Error())
	}
	if dec.More() {
		return nil, invalidRequest("INVALID_BODY", "the request body must hold one JSON object and nothing after it")
	}
	obj, ok := v.(map[string]any)
	if !ok {
		return nil, invalidRequest("INVALID_BODY", "the request body must be a JSON object")
	}
	return obj, nil
}

// checkBody validates body against schema: unknown fields first, then missing ones, then
// wrong values, each error naming every field concerned (dotted paths for nested fields,
// [i] for array elements). client_id and secret are accepted in every body.
func checkBody(body map[string]any, schema *reqSchema) *apiError {
	var p problems
	p.object("", body, schema)
	switch {
	case len(p.unknown) > 0:
		return invalidRequest("UNKNOWN_FIELDS", "the following fields are not recognized by this endpoint: "+joinSorted(p.unknown))
	case len(p.missing) > 0:
		return invalidRequest("MISSING_FIELDS", "the following required fields are missing: "+joinSorted(p.missing))
	case len(p.wrong) > 0 && p.wrong[0].product:
		return invalidInput("INVALID_PRODUCT", p.wrong[0].msg)
	case len(p.wrong) > 0:
		return invalidRequest("INVALID_FIELD", p.wrong[0].msg)
	}
	return nil
}

func joinSorted(names []string) string {
	sort.Strings(names)
	return strings.Join(names, ", ")
}
