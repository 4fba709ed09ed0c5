package emulator

import (
	"sort"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"plaidwalk/internal/plaidspec"
)

// TestEveryFieldOfTheSpecIsKnown guards the hand-written UNKNOWN_FIELDS check: every field
// Plaid's spec defines for an endpoint's request (nested objects included) must be accepted,
// or a correct client would be refused.
func TestEveryFieldOfTheSpecIsKnown(t *testing.T) {
	doc := plaidspec.MustLoad(t).Doc
	for path, ep := range endpoints {
		item := doc.Paths.Find(path)
		if item == nil || item.Post == nil {
			t.Errorf("%s is not a POST operation in Plaid's spec", path)
			continue
		}
		schema := item.Post.RequestBody.Value.Content.Get("application/json").Schema.Value
		missing := unknownToUs("", schema, append(append([]field{}, credentialFields...), ep.fields...))
		if len(missing) > 0 {
			t.Errorf("%s: the emulator would refuse these spec fields: %v", path, missing)
		}
	}
}

// unknownToUs lists the properties of schema (with allOf parts) that fields does not accept.
func unknownToUs(prefix string, schema *openapi3.Schema, fields []field) []string {
	known := map[string]field{}
	for _, f := range fields {
		known[f.name] = f
	}
	var out []string
	for name, prop := range schemaProperties(schema) {
		f, ok := known[name]
		switch {
		case !ok:
			out = append(out, prefix+name)
		case f.kind == kObject && prop.Value != nil:
			out = append(out, unknownToUs(prefix+name+".", prop.Value, f.sub)...)
		}
	}
	sort.Strings(out)
	return out
}

func schemaProperties(s *openapi3.Schema) openapi3.Schemas {
	props := openapi3.Schemas{}
	for name, p := range s.Properties {
		props[name] = p
	}
	for _, part := range s.AllOf {
		for name, p := range schemaProperties(part.Value) {
			props[name] = p
		}
	}
	return props
}
