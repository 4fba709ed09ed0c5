package sessions

import "reflect"

// mapStrings returns a deep copy of s with f applied to every string in it: each field, list
// element, map key and map value, however deep. Rules that must reach every field (the
// scrub before writing, the cleaning before printing) use it rather than a list of fields,
// so a field added to Session later is covered without anyone remembering to add it.
func mapStrings(s Session, f func(string) string) Session {
	return mapValue(reflect.ValueOf(s), f).Interface().(Session)
}

func mapValue(v reflect.Value, f func(string) string) reflect.Value {
	switch v.Kind() {
	case reflect.String:
		return reflect.ValueOf(f(v.String())).Convert(v.Type())
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		out := reflect.New(v.Type().Elem())
		out.Elem().Set(mapValue(v.Elem(), f))
		return out
	case reflect.Slice:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeSlice(v.Type(), v.Len(), v.Len())
		for i := range v.Len() {
			out.Index(i).Set(mapValue(v.Index(i), f))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(v.Type(), v.Len())
		for it := v.MapRange(); it.Next(); {
			out.SetMapIndex(mapValue(it.Key(), f), mapValue(it.Value(), f))
		}
		return out
	case reflect.Struct:
		// Copy first: unexported fields (time.Time's) cannot be set one by one, and hold no text.
		out := reflect.New(v.Type()).Elem()
		out.Set(v)
		for i := range v.NumField() {
			if out.Field(i).CanSet() {
				out.Field(i).Set(mapValue(v.Field(i), f))
			}
		}
		return out
	}
	return v
}
