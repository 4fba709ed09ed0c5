package specgen

import "github.com/getkin/kin-openapi/openapi3"

// flat is one schema with its allOf parts folded in: what a request value must satisfy.
type flat struct {
	typ      string // JSON type; "" when the schema does not say (any value)
	format   string // fDate or fDateTime for the string formats Plaid checks, else ""
	enum     []string
	items    *openapi3.SchemaRef
	props    map[string]*openapi3.SchemaRef
	required map[string]bool
	open     bool // additionalProperties: true (or a schema): keys beyond props are allowed
	values   *openapi3.SchemaRef
	nullable bool
	// minLen and maxLen bound a string's length in characters; maxLen 0 is no bound.
	minLen, maxLen uint64
}

// add folds s into f. allOf means every part applies: properties and required names add up, the
// first part to state a type, format, enum, items or a length bound sets it, and any part that allows extra
// keys allows them.
func (f *flat) add(s *openapi3.Schema) {
	if s == nil {
		return
	}
	if s.Type != nil && len(s.Type.Slice()) > 0 && f.typ == "" {
		f.typ = s.Type.Slice()[0]
	}
	if f.format == "" {
		f.format = checkedFormat(s.Format)
	}
	if len(f.enum) == 0 {
		for _, v := range s.Enum {
			if str, ok := v.(string); ok {
				f.enum = append(f.enum, str)
			}
		}
	}
	if f.items == nil {
		f.items = s.Items
	}
	if f.minLen == 0 {
		f.minLen = s.MinLength
	}
	if f.maxLen == 0 && s.MaxLength != nil {
		f.maxLen = *s.MaxLength
	}
	f.nullable = f.nullable || s.Nullable
	f.addObject(s)
	for _, part := range s.AllOf {
		if part != nil {
			f.add(part.Value)
		}
	}
}

func (f *flat) addObject(s *openapi3.Schema) {
	for name, p := range s.Properties {
		if f.props == nil {
			f.props, f.required = map[string]*openapi3.SchemaRef{}, map[string]bool{}
		}
		if _, seen := f.props[name]; !seen {
			f.props[name] = p
		}
	}
	for _, name := range s.Required {
		if f.required == nil {
			f.required = map[string]bool{}
		}
		f.required[name] = true
	}
	ap := s.AdditionalProperties
	if ap.Has != nil && *ap.Has {
		f.open = true
	}
	if ap.Schema != nil && ap.Schema.Value != nil && f.values == nil {
		f.values = ap.Schema
	}
}

// kind names the emulator's constant for f's JSON type. A schema with properties but no type
// is an object, as Plaid's spec means it.
func (f *flat) kind() string {
	switch f.typ {
	case "string":
		return "kString"
	case "integer":
		return "kInt"
	case "number":
		return "kNumber"
	case "boolean":
		return "kBool"
	case "array":
		return "kArray"
	case "object":
		return "kObject"
	}
	switch {
	case f.props != nil || f.values != nil || f.open:
		return "kObject"
	case f.items != nil:
		return "kArray"
	}
	return "kAny"
}

// checkedFormat maps the string formats Plaid checks on requests to the emulator's constants.
// Other formats (url, email, uri, uuid, double, ...) are not checked from the spec; the
// handlers check URLs where Plaid does.
func checkedFormat(format string) string {
	switch format {
	case "date":
		return "fDate"
	case "date-time":
		return "fDateTime"
	}
	return ""
}
