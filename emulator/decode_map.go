package emulator

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
)

// A request body is parsed once (parseBody, for the spec's checks); handlers then fill their
// request structs from that parse instead of decoding the bytes again. fill sets a value as
// json.Unmarshal would from the same bytes: fields by their json names (exact, then ignoring
// case), numbers into any as float64, null leaving a value alone or clearing a pointer, slice,
// map or interface, and a type with its own UnmarshalJSON given its JSON again.

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// fill sets dst from v, a value of parseBody's tree (map[string]any, []any, string, bool,
// json.Number or nil).
func fill(dst reflect.Value, v any) error {
	if dst.CanAddr() && reflect.PointerTo(dst.Type()).Implements(unmarshalerType) {
		raw, err := json.Marshal(v)
		if err != nil {
			return err
		}
		return dst.Addr().Interface().(json.Unmarshaler).UnmarshalJSON(raw)
	}
	if v == nil {
		switch dst.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Map, reflect.Interface:
			dst.SetZero()
		}
		return nil
	}
	switch dst.Kind() {
	case reflect.Pointer:
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		return fill(dst.Elem(), v)
	case reflect.Interface:
		if dst.NumMethod() != 0 {
			return fmt.Errorf("cannot fill %s", dst.Type())
		}
		dst.Set(reflect.ValueOf(plainJSON(v)))
		return nil
	case reflect.Struct:
		return fillStruct(dst, v)
	case reflect.Slice:
		return fillSlice(dst, v)
	case reflect.Map:
		return fillMap(dst, v)
	}
	return fillScalar(dst, v)
}

// fillScalar sets a string, bool or number.
func fillScalar(dst reflect.Value, v any) error {
	mismatch := func() error { return fmt.Errorf("cannot unmarshal %T into a Go value of type %s", v, dst.Type()) }
	switch x := v.(type) {
	case string:
		if dst.Kind() != reflect.String {
			return mismatch()
		}
		dst.SetString(x)
	case bool:
		if dst.Kind() != reflect.Bool {
			return mismatch()
		}
		dst.SetBool(x)
	case json.Number:
		return fillNumber(dst, x)
	default:
		return mismatch()
	}
	return nil
}

func fillNumber(dst reflect.Value, n json.Number) error {
	var err error
	switch dst.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		var i int64
		if i, err = strconv.ParseInt(string(n), 10, 64); err == nil && !dst.OverflowInt(i) {
			dst.SetInt(i)
			return nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		var u uint64
		if u, err = strconv.ParseUint(string(n), 10, 64); err == nil && !dst.OverflowUint(u) {
			dst.SetUint(u)
			return nil
		}
	case reflect.Float32, reflect.Float64:
		var f float64
		if f, err = n.Float64(); err == nil && !dst.OverflowFloat(f) {
			dst.SetFloat(f)
			return nil
		}
	}
	return fmt.Errorf("cannot unmarshal number %s into a Go value of type %s", n, dst.Type())
}

func fillSlice(dst reflect.Value, v any) error {
	list, ok := v.([]any)
	if !ok {
		return fmt.Errorf("cannot unmarshal %T into a Go value of type %s", v, dst.Type())
	}
	out := reflect.MakeSlice(dst.Type(), len(list), len(list))
	for i, el := range list {
		if err := fill(out.Index(i), el); err != nil {
			return err
		}
	}
	dst.Set(out)
	return nil
}

func fillMap(dst reflect.Value, v any) error {
	obj, ok := v.(map[string]any)
	if !ok || dst.Type().Key().Kind() != reflect.String {
		return fmt.Errorf("cannot unmarshal %T into a Go value of type %s", v, dst.Type())
	}
	if dst.IsNil() {
		dst.Set(reflect.MakeMapWithSize(dst.Type(), len(obj)))
	}
	for k, el := range obj {
		val := reflect.New(dst.Type().Elem()).Elem()
		if err := fill(val, el); err != nil {
			return err
		}
		dst.SetMapIndex(reflect.ValueOf(k).Convert(dst.Type().Key()), val)
	}
	return nil
}

func fillStruct(dst reflect.Value, v any) error {
	obj, ok := v.(map[string]any)
	if !ok {
		return fmt.Errorf("cannot unmarshal %T into a Go value of type %s", v, dst.Type())
	}
	fields := fieldsOf(dst.Type())
	hits := 0
	for _, f := range fields {
		if el, found := obj[f.name]; found {
			if err := fill(dst.FieldByIndex(f.index), el); err != nil {
				return err
			}
			hits++
		}
	}
	if hits == len(obj) {
		return nil // every key named its field exactly (the usual case): no other spelling to look for
	}
	// A key that named no field may name one in another case, one whose name has no key.
	for k, x := range obj {
		for _, f := range fields {
			if k == f.name {
				break // a field's own name, filled above (no two fields differ by case alone)
			}
			if _, taken := obj[f.name]; strings.EqualFold(k, f.name) && !taken {
				if err := fill(dst.FieldByIndex(f.index), x); err != nil {
					return err
				}
				break
			}
		}
	}
	return nil
}

// jsonField is a struct field json.Unmarshal would fill, by its name in JSON.
type jsonField struct {
	name  string
	index []int
}

var fieldCache sync.Map // reflect.Type -> []jsonField

// fieldsOf lists the exported fields of a struct type by JSON name, embedded structs' fields
// inlined as encoding/json does (no tag conflicts arise in the emulator's request types).
func fieldsOf(t reflect.Type) []jsonField {
	if cached, ok := fieldCache.Load(t); ok {
		return cached.([]jsonField)
	}
	var out []jsonField
	for _, sf := range reflect.VisibleFields(t) {
		if !sf.IsExported() || len(sf.Index) == 0 {
			continue
		}
		tag := sf.Tag.Get("json")
		if tag == "-" {
			continue
		}
		name, _, _ := strings.Cut(tag, ",")
		if sf.Anonymous && name == "" && sf.Type.Kind() == reflect.Struct {
			continue // its fields are listed by VisibleFields
		}
		if name == "" {
			name = sf.Name
		}
		out = append(out, jsonField{name: name, index: sf.Index})
	}
	fieldCache.Store(t, out)
	return out
}

// plainJSON is v as json.Unmarshal puts it in an any: numbers as float64.
func plainJSON(v any) any {
	switch x := v.(type) {
	case json.Number:
		f, _ := x.Float64()
		return f
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, el := range x {
			out[k] = plainJSON(el)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, el := range x {
			out[i] = plainJSON(el)
		}
		return out
	}
	return v
}
