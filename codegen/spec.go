package codegen

//go:generate go run ./gen -out spec_table.go

import (
	"fmt"
	"slices"
	"strings"
)

// specOp is a path's operation id and request schema name.
type specOp struct{ ID, Request string }

// specPathOp is one row of specOps: a path and its operation.
type specPathOp struct {
	Path string
	Op   specOp
}

// specObject is one row of specObjects: an object schema and its properties.
type specObject struct {
	Name  string
	Props []specProp
}

// objectProps is the properties of object schema name, nil when the table does not have it.
func objectProps(name string) []specProp {
	i, ok := slices.BinarySearchFunc(specObjects, name, func(o specObject, n string) int { return strings.Compare(o.Name, n) })
	if !ok {
		return nil
	}
	return specObjects[i].Props
}

// specProp is one property of an object schema and its type (see internal/specgen.CodeTable).
type specProp struct{ Name, Type string }

// opFor is the operation of a path, or an error naming the path when the spec has none.
func opFor(path string) (specOp, error) {
	i, ok := slices.BinarySearchFunc(specOps, path, func(r specPathOp, p string) int { return strings.Compare(r.Path, p) })
	var op specOp
	if ok {
		op = specOps[i].Op
	}
	if op.ID == "" {
		return specOp{}, fmt.Errorf("%s is not an operation of Plaid's API %s, so it has no method in the libraries", path, specAPIVersion)
	}
	return op, nil
}

// propType is the type of property name of object schema obj, "" when the schema does not
// have it (a hand-edited session may carry any field).
func propType(obj, name string) string {
	for _, p := range objectProps(obj) {
		if p.Name == name {
			return p.Type
		}
	}
	return ""
}

// words splits a snake_case name or an operation id into lowercase words: link_token ->
// [link token], linkTokenCreate -> [link token create], AssetReportPDFGetRequest -> [asset
// report pdf get request].
func words(s string) []string {
	var out []string
	var cur []rune
	rs := []rune(s)
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	for i, r := range rs {
		upper := r >= 'A' && r <= 'Z'
		switch {
		case r == '_' || r == '-' || r == ' ':
			flush()
			continue
		case upper && i > 0 && (isLowerOrDigit(rs[i-1]) || (i+1 < len(rs) && rs[i+1] >= 'a' && rs[i+1] <= 'z' && rs[i-1] >= 'A' && rs[i-1] <= 'Z')):
			flush()
		}
		cur = append(cur, r)
	}
	flush()
	return out
}

func isLowerOrDigit(r rune) bool { return (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') }

// snake is the Python and Ruby spelling: link_token_create.
func snake(s string) string { return strings.Join(words(s), "_") }

// pascal is Go's spelling of a property or method: LinkTokenCreate, ClientUserId.
func pascal(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		b.WriteString(strings.ToUpper(w[:1]) + w[1:])
	}
	return b.String()
}

// lowerCamel is Node's and Java's spelling of a method: linkTokenCreate.
func lowerCamel(s string) string {
	p := pascal(s)
	if p == "" {
		return p
	}
	return strings.ToLower(p[:1]) + p[1:]
}
