package emulator

import (
	"reflect"
	"testing"
)

// plainBodies are bodies as clients send them: the fast path must take every one.
var plainBodies = []string{
	`{}`,
	` {"a":1} `,
	"\t{\r\n\"a\" : [ ] , \"b\" : { } }\n",
	`{"client_name":"plaidwalk","language":"en","country_codes":["US"],"user":{"client_user_id":"bench"},"products":["auth"]}`,
	`{"institution_id":"ins_109508","initial_products":["auth"],"options":{"webhook":"http://127.0.0.1:9/h"}}`,
	`{"n":[0,-0,1,-12,3.25,-0.5,1e3,1E+3,2e-7,12345678901234567890,1.0e10]}`,
	`{"t":true,"f":false,"z":null,"list":[null,true,"x",{"k":[[]]}]}`,
	`{"dup":1,"dup":"last"}`,
	`{"text":"héllo – 東京 🙂"}`,
	`{"esc":"a\"b\\c\/d\b\f\n\r\tz","u":"\u00e9\u2028\ud83d\ude42"}`,
	`{"lone":"\ud800 and \udc00"}`,
	`{"":"empty key"}`,
}

// oddBodies are bodies the fast path may leave to encoding/json (bad syntax, trailing text,
// bad UTF-8, deep nesting) or take; either way what parseBody answers must not change.
var oddBodies = []string{
	``, ` `, `[]`, `"s"`, `1`, `null`, `{`, `}`, `{"a"}`, `{"a":}`, `{"a":1,}`, `{,}`, `{"a":1 "b":2}`,
	`{"a":[1,]}`, `{"a":[,1]}`, `{"a":01}`, `{"a":1.}`, `{"a":.5}`, `{"a":-}`, `{"a":1e}`, `{"a":1e+}`,
	`{"a":+1}`, `{"a":tru}`, `{"a":truex}`, `{"a":nul}`, `{"a":NaN}`, `{'a':1}`, `{a:1}`,
	`{"a":"tab	inside"}`, `{"a":"bad \x escape"}`, `{"a":"\u12"}`, `{"a":"unterminated}`,
	"{\"a\":\"\xff\xfe\"}", "{\"a\":\"ok\"}\xff", `{"a":1}}`, `{"a":1}]`, `{"a":1} {"b":2}`,
	`{"a":1} x`, `{"a":1}x`, `{"a":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	"\ufeff{}", `{"a":1}` + "\x00", `{"a" : 1 , "b" : [ 1 , 2 ] }`,
}

// checkParseAgrees fails when the fast path takes a body the decoder refuses or reads it
// differently, and when parseBody's answer differs from the decoder's.
func checkParseAgrees(t *testing.T, raw []byte) (fast bool) {
	t.Helper()
	want, wantErr := decodeBody(raw)
	got, ok := parseObjectFast(raw)
	if ok && (wantErr != nil || !reflect.DeepEqual(got, want)) {
		t.Fatalf("%q: the fast path read %#v; encoding/json: %#v, %v", raw, got, want, wantErr)
	}
	body, perr := parseBody(raw)
	if !reflect.DeepEqual(body, want) || !reflect.DeepEqual(perr, wantErr) {
		t.Fatalf("%q: parseBody gave %#v, %v; encoding/json: %#v, %v", raw, body, perr, want, wantErr)
	}
	return ok
}

// TestParseObjectFastMatchesDecoder: the fast path reads clients' bodies as encoding/json does
// (numbers as their text, empty lists not nil, the last of repeated keys, escapes), and leaves
// whatever it does not take to encoding/json, so no refusal or message changes.
func TestParseObjectFastMatchesDecoder(t *testing.T) {
	for _, raw := range plainBodies {
		if !checkParseAgrees(t, []byte(raw)) {
			t.Errorf("%q: the fast path refused a plain body", raw)
		}
	}
	for _, raw := range oddBodies {
		checkParseAgrees(t, []byte(raw))
	}
}

// FuzzParseObjectFast runs the same check on the fuzzer's bodies (go test -fuzz
// FuzzParseObjectFast ./emulator); plain `go test` runs the seeds.
func FuzzParseObjectFast(f *testing.F) {
	for _, raw := range append(append([]string(nil), plainBodies...), oddBodies...) {
		f.Add([]byte(raw))
	}
	f.Fuzz(func(t *testing.T, raw []byte) { checkParseAgrees(t, raw) })
}
