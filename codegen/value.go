package codegen

import (
	"encoding/json"
	"sort"
	"strings"

	"plaidwalk/sessions"
)

// kind is what a request value is.
type kind int

const (
	kString kind = iota // str; an enum when typ names one
	kNumber             // str is the JSON number's text (checked by the JSON decoder)
	kBool               // str is "true" or "false"
	kList               // items; typ is the element type
	kObject             // fields; typ is the schema
	kMap                // fields with any keys (a free-form object); typ is "map" or "any"
	kRef                // str is the run-time variable
	kNull
)

// value is one request value with the type the spec gives it.
type value struct {
	kind   kind
	str    string
	typ    string
	items  []value
	fields []field
}

type field struct {
	name string
	val  value
}

// typedObject is body as an object of schema name, and the fields the schema lacks (left
// out: a typed library has no setter for them).
func typedObject(body map[string]any, name string) (value, []string) {
	v := value{kind: kObject, typ: name}
	var dropped []string
	for _, k := range sortedKeys(body) {
		t := propType(name, k)
		if t == "" || !identifier(k) {
			dropped = append(dropped, k)
			continue
		}
		fv := typed(body[k], t)
		if fv.kind == kNull {
			continue // the library's default is no value
		}
		v.fields = append(v.fields, field{k, fv})
	}
	return v, dropped
}

// typed is x (decoded JSON with json.Number numbers, or a Ref) as a value of type t.
func typed(x any, t string) value {
	switch x := x.(type) {
	case sessions.Ref:
		return value{kind: kRef, str: string(x), typ: t}
	case string:
		return value{kind: kString, str: x, typ: t}
	case json.Number:
		return value{kind: kNumber, str: x.String(), typ: t}
	case bool:
		if x {
			return value{kind: kBool, str: "true", typ: t}
		}
		return value{kind: kBool, str: "false", typ: t}
	case []any:
		elem := strings.TrimPrefix(t, "[]")
		if !strings.HasPrefix(t, "[]") {
			elem = "any"
		}
		v := value{kind: kList, typ: elem}
		for _, it := range x {
			v.items = append(v.items, typed(it, elem))
		}
		return v
	case map[string]any:
		if objectProps(t) != nil {
			v, _ := typedObject(x, t)
			return v
		}
		v := value{kind: kMap, typ: "map"}
		for _, k := range sortedKeys(x) {
			v.fields = append(v.fields, field{k, typed(x[k], "any")})
		}
		return v
	}
	return value{kind: kNull}
}

// enum reports whether v is a value of a named enum schema.
func (v value) enum() bool { return v.kind == kString && specEnums[v.typ] }

// identifier reports whether a property name can be written bare in every language.
func identifier(s string) bool {
	if s == "" || s[0] >= '0' && s[0] <= '9' {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '_') {
			return false
		}
	}
	return true
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// varName spells a run-time variable in a language: lowerCamel for node, go and java,
// snake for python and ruby.
func varName(r sessions.Ref, lang string) string {
	if lang == "python" || lang == "ruby" {
		return strings.ToLower(string(r))
	}
	return lowerCamel(strings.ToLower(string(r)))
}
