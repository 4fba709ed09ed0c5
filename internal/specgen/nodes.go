package specgen

import (
	"bytes"
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// primitives are the schemas the emulator declares itself (validate.go); a node that is exactly
// one of them is referred to by that name instead of being generated again.
var primitives = map[string]string{
	"kString": "sString", "kInt": "sInt", "kNumber": "sNumber", "kBool": "sBool", "kAny": "sAny",
	"kString|fDate": "sDate", "kString|fDateTime": "sDateTime",
}

// gen collects the generated schema variables. Identical schemas (a component used by many
// requests, or equal inline ones) become one variable, so the output stays small.
type gen struct {
	byBody  map[string]string // Go literal -> variable name
	byRef   map[string]string // component ref -> variable name
	bodies  map[string]string // variable name -> Go literal
	pending map[string]bool   // refs being generated (guards a recursive schema)
}

func newGen() *gen {
	return &gen{byBody: map[string]string{}, byRef: map[string]string{}, bodies: map[string]string{}, pending: map[string]bool{}}
}

// node returns the name of the variable holding ref's schema, generating it (and its children)
// the first time. hint names an inline schema by where it sits.
func (g *gen) node(ref *openapi3.SchemaRef, hint string) string {
	if ref == nil || ref.Value == nil {
		return "sAny"
	}
	if ref.Ref != "" {
		if name, ok := g.byRef[ref.Ref]; ok {
			return name
		}
		if g.pending[ref.Ref] {
			return "sAny" // a schema that contains itself: its inner levels are not checked
		}
		g.pending[ref.Ref] = true
		defer delete(g.pending, ref.Ref)
		hint = camel(ref.Ref[strings.LastIndex(ref.Ref, "/")+1:])
	}
	var f flat
	f.add(ref.Value)
	if leaf := leafName(&f); leaf != "" {
		hint = leaf
	} else if ref.Ref == "" && f.items != nil && f.items.Ref != "" && f.props == nil {
		hint = camel(f.items.Ref[strings.LastIndex(f.items.Ref, "/")+1:]) + "List"
	}
	name := g.intern(g.literal(&f, hint), hint)
	if ref.Ref != "" {
		g.byRef[ref.Ref] = name
	}
	return name
}

// intern gives body a variable, reusing the one of an identical body.
func (g *gen) intern(body, hint string) string {
	if name, ok := primitives[body]; ok {
		return name
	}
	if name, ok := g.byBody[body]; ok {
		return name
	}
	name := "r" + hint
	for i := 2; g.bodies[name] != ""; i++ {
		name = fmt.Sprintf("r%s%d", hint, i)
	}
	g.byBody[body], g.bodies[name] = name, body
	return name
}

// literal is the Go composite literal of f, or a primitive's key (see primitives).
func (g *gen) literal(f *flat, hint string) string {
	var parts []string
	add := func(format string, args ...any) { parts = append(parts, fmt.Sprintf(format, args...)) }
	add("kind: %s", f.kind())
	if f.format != "" {
		add("format: %s", f.format)
	}
	if len(f.enum) > 0 {
		add("enum: []string{%s}", quoteAll(f.enum))
	}
	if f.minLen > 0 {
		add("minLen: %d", f.minLen)
	}
	if f.maxLen > 0 {
		add("maxLen: %d", f.maxLen)
	}
	if f.items != nil {
		add("items: &%s", g.node(f.items, hint+"Item"))
	}
	if len(f.props) > 0 {
		add("props: []reqProp{\n%s}", g.props(f, hint))
	}
	if f.open {
		add("open: true")
	}
	if f.values != nil {
		add("values: &%s", g.node(f.values, hint+"Value"))
	}
	if f.nullable {
		add("null: true")
	}
	key := f.kind()
	if f.format != "" {
		key += "|" + f.format
	}
	if _, ok := primitives[key]; ok && len(parts) == 1+len(strings.Fields(f.format)) {
		return key
	}
	return "reqSchema{" + strings.Join(parts, ", ") + "}"
}

// leafName names a schema without enum, items or properties by what it is (e.g. DateTimeNull),
// so that the one variable shared by many fields does not carry the first field's name.
func leafName(f *flat) string {
	if len(f.enum) > 0 || f.items != nil || f.props != nil || f.values != nil || f.minLen > 0 || f.maxLen > 0 {
		return ""
	}
	name := strings.TrimPrefix(f.kind(), "k") + strings.TrimPrefix(f.format, "f")
	if f.open {
		name += "Open"
	}
	if f.nullable {
		name += "Null"
	}
	return name
}

// props lists f's properties sorted by name, one per line: name, required, schema.
func (g *gen) props(f *flat, hint string) string {
	names := make([]string, 0, len(f.props))
	for name := range f.props {
		names = append(names, name)
	}
	sort.Strings(names)
	var b strings.Builder
	for _, name := range names {
		child := g.node(f.props[name], hint+camel(name))
		fmt.Fprintf(&b, "{%q, %t, &%s},\n", name, f.required[name], child)
	}
	return b.String()
}

func quoteAll(ss []string) string {
	q := make([]string, len(ss))
	for i, s := range ss {
		q[i] = fmt.Sprintf("%q", s)
	}
	return strings.Join(q, ", ")
}

// writeVars writes every generated variable, sorted by name.
func (g *gen) writeVars(b *bytes.Buffer) {
	names := make([]string, 0, len(g.bodies))
	for name := range g.bodies {
		names = append(names, name)
	}
	sort.Strings(names)
	b.WriteString("var (\n")
	for _, name := range names {
		fmt.Fprintf(b, "%s = %s\n", name, g.bodies[name])
	}
	b.WriteString(")\n")
}
