package emulator

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// problems collects what is wrong with a body, by kind of error.
type problems struct {
	unknown, missing []string
	wrong            []wrongValue
}

// wrongValue is one value Plaid refuses: INVALID_FIELD, or INVALID_PRODUCT for a product name
// it does not know (Plaid answers that for any products list).
type wrongValue struct {
	msg     string
	product bool
}

func (p *problems) addWrong(msg string) { p.wrong = append(p.wrong, wrongValue{msg: msg}) }

// object checks obj's keys against s. A null value counts as absent, as Plaid reads it.
func (p *problems) object(prefix string, obj map[string]any, s *reqSchema) {
	for name, v := range obj {
		if s.prop(name) != nil || (prefix == "" && (name == "client_id" || name == "secret")) {
			continue
		}
		switch {
		case s.values != nil:
			p.value(prefix+name, v, s.values)
		case !s.open:
			p.unknown = append(p.unknown, prefix+name)
		}
	}
	for i := range s.props {
		prop := &s.props[i]
		v, present := obj[prop.name]
		if !present || (v == nil && !prop.schema.null) {
			if prop.required {
				p.missing = append(p.missing, prefix+prop.name)
			}
			continue
		}
		p.value(prefix+prop.name, v, prop.schema)
	}
}

// prop finds a known key by name (props are sorted, and short: a linear scan is fastest).
func (s *reqSchema) prop(name string) *reqProp {
	for i := range s.props {
		if s.props[i].name == name {
			return &s.props[i]
		}
	}
	return nil
}

// value checks one value at path against s.
func (p *problems) value(path string, v any, s *reqSchema) {
	if v == nil {
		if !s.null && s.kind != kAny {
			p.addWrong(path + " must not be null; it must be " + s.kindName())
		}
		return
	}
	if !s.fits(v) {
		p.addWrong(path + " must be " + s.kindName())
		return
	}
	switch s.kind {
	case kString:
		if msg := s.stringProblem(path, v.(string)); msg != "" {
			p.wrong = append(p.wrong, wrongValue{msg: msg, product: s.enum != nil && isProductList(path)})
		}
	case kArray:
		p.array(path, v.([]any), s)
	case kObject:
		p.object(path+".", v.(map[string]any), s)
	}
}

func (p *problems) array(path string, list []any, s *reqSchema) {
	if s.items == nil {
		return
	}
	for i, item := range list {
		// An array of strings keeps the one message for a stray element, the way the
		// whole list was described.
		if s.items.kind == kString && !s.items.fits(item) {
			p.addWrong(path + " must be " + s.kindName())
			return
		}
		p.value(path+"["+strconv.Itoa(i)+"]", item, s.items)
	}
}

// isProductList reports whether path is an element of a products list (products,
// initial_products, optional_products, ...).
func isProductList(path string) bool {
	if i := strings.LastIndexByte(path, '['); i > 0 {
		return strings.HasSuffix(path[:i], "products")
	}
	return false
}

// fits reports whether v has s's JSON type.
func (s *reqSchema) fits(v any) bool {
	switch s.kind {
	case kString:
		_, ok := v.(string)
		return ok
	case kInt:
		n, ok := v.(json.Number)
		_, err := n.Int64()
		return ok && err == nil
	case kNumber:
		_, ok := v.(json.Number)
		return ok
	case kBool:
		_, ok := v.(bool)
		return ok
	case kArray:
		_, ok := v.([]any)
		return ok
	case kObject:
		_, ok := v.(map[string]any)
		return ok
	}
	return true
}

// kindName describes s's type for a message: "a string", "an array of strings", ...
func (s *reqSchema) kindName() string {
	switch s.kind {
	case kString:
		return "a string"
	case kInt:
		return "an integer"
	case kNumber:
		return "a number"
	case kBool:
		return "a boolean"
	case kArray:
		if s.items != nil && s.items.kind == kString {
			return "an array of strings"
		}
		return "an array"
	case kObject:
		return "an object"
	}
	return "a JSON value"
}

// stringProblem checks a string's enum and format.
func (s *reqSchema) stringProblem(path, v string) string {
	if s.enum != nil && !contains(s.enum, v) {
		if len(s.enum) <= 12 {
			return path + " must be one of " + strings.Join(s.enum, ", ") + "; " + quoteShort(v) + " is not one"
		}
		return path + " must be one of the " + strconv.Itoa(len(s.enum)) + " values Plaid's API reference lists for it; " + quoteShort(v) + " is not one"
	}
	if s.minLen > 0 || s.maxLen > 0 { // counting characters only where the spec bounds them: every request string comes here
		if n := utf8.RuneCountInString(v); n < s.minLen || (s.maxLen > 0 && n > s.maxLen) {
			return path + " must be " + lengthRange(s.minLen, s.maxLen) + "; it has " + strconv.Itoa(n)
		}
	}
	switch s.format {
	case fDate:
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return path + " must be a date in the form YYYY-MM-DD, such as 2026-03-02; " + quoteShort(v) + " is not one"
		}
	case fDateTime:
		if perr := checkDateTime(path, v); perr != nil {
			return perr.Message
		}
	}
	return ""
}

// lengthRange says how many characters a string may have, for a message.
func lengthRange(lo, hi int) string {
	switch {
	case hi == 0:
		return "at least " + characters(lo) + " long"
	case lo == 0:
		return "at most " + characters(hi) + " long"
	case lo == hi:
		return "exactly " + characters(lo) + " long"
	}
	return strconv.Itoa(lo) + " to " + characters(hi) + " long"
}

func characters(n int) string {
	if n == 1 {
		return "1 character"
	}
	return strconv.Itoa(n) + " characters"
}
