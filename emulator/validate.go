package emulator

import (
	"bytes"
	"encoding/json"
	"sort"
	"strings"
)

// kind is the JSON type a request field must have.
type kind int

const (
	kString kind = iota
	kInt
	kNumber
	kBool
	kStrings // array of strings
	kObject  // object with the listed sub-fields
	kOpenObject
	kAny
)

// field describes one request field. Plaid checks request bodies strictly: missing required
// fields, fields it does not know and fields of the wrong type are each refused with their
// name, so the emulator describes every body it accepts.
type field struct {
	name     string
	kind     kind
	required bool
	sub      []field // kObject's fields
}

// credentialFields may appear in every body: Plaid accepts the keys there as well as in headers.
var credentialFields = []field{{name: "client_id", kind: kString}, {name: "secret", kind: kString}}

// parseBody reads a request body as a JSON object, refusing what Plaid refuses.
func parseBody(raw []byte) (map[string]any, *apiError) {
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

// checkFields validates body against fields: unknown fields first, then missing ones, then
// wrong types, each error naming every field concerned (dotted paths for nested fields).
func checkFields(body map[string]any, fields []field) *apiError {
	var unknown, missing, wrong []string
	walkFields("", body, append(append([]field{}, credentialFields...), fields...), &unknown, &missing, &wrong)
	switch {
	case len(unknown) > 0:
		return invalidRequest("UNKNOWN_FIELDS", "the following fields are not recognized by this endpoint: "+joinSorted(unknown))
	case len(missing) > 0:
		return invalidRequest("MISSING_FIELDS", "the following required fields are missing: "+joinSorted(missing))
	case len(wrong) > 0:
		return invalidRequest("INVALID_FIELD", wrong[0])
	}
	return nil
}

func walkFields(prefix string, obj map[string]any, fields []field, unknown, missing, wrong *[]string) {
	known := make(map[string]field, len(fields))
	for _, f := range fields {
		known[f.name] = f
	}
	for name := range obj {
		if _, ok := known[name]; !ok {
			*unknown = append(*unknown, prefix+name)
		}
	}
	for _, f := range fields {
		v, present := obj[f.name]
		if !present || v == nil {
			if f.required {
				*missing = append(*missing, prefix+f.name)
			}
			continue
		}
		path := prefix + f.name
		if msg := typeProblem(path, f.kind, v); msg != "" {
			*wrong = append(*wrong, msg)
			continue
		}
		if f.kind == kObject {
			walkFields(path+".", v.(map[string]any), f.sub, unknown, missing, wrong)
		}
	}
}

// typeProblem says what is wrong with v for a field of kind k, or "" when it fits.
func typeProblem(path string, k kind, v any) string {
	switch k {
	case kString:
		if _, ok := v.(string); !ok {
			return path + " must be a string"
		}
	case kInt:
		n, ok := v.(json.Number)
		if _, err := n.Int64(); !ok || err != nil {
			return path + " must be an integer"
		}
	case kNumber:
		if _, ok := v.(json.Number); !ok {
			return path + " must be a number"
		}
	case kBool:
		if _, ok := v.(bool); !ok {
			return path + " must be a boolean"
		}
	case kStrings:
		list, ok := v.([]any)
		if !ok {
			return path + " must be an array of strings"
		}
		for _, item := range list {
			if _, ok := item.(string); !ok {
				return path + " must be an array of strings"
			}
		}
	case kObject, kOpenObject:
		if _, ok := v.(map[string]any); !ok {
			return path + " must be an object"
		}
	}
	return ""
}

func joinSorted(names []string) string {
	sort.Strings(names)
	return strings.Join(names, ", ")
}
