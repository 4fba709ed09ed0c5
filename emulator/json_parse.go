package emulator

import (
	"encoding/json"
	"unicode/utf8"
)

// parseObjectFast is parseBody's fast path: a single-pass reader of the bodies clients send
// (one JSON object, plain strings, numbers, nested objects and arrays) that builds the tree
// json.Decoder with UseNumber builds: map[string]any, []any (never nil), string, bool,
// json.Number holding the literal's text, nil. It answers ok=false for anything it does not
// take as plainly valid (bad syntax, text after the object, invalid UTF-8, deep nesting), and
// parseBody then reads the body with encoding/json, whose verdict and messages stand: this
// path never accepts what that one refuses, nor reads a value differently. Strings with escapes
// are unquoted by encoding/json itself. It costs about a third of the decoder's time and
// allocations, and every API call pays it.
func parseObjectFast(raw []byte) (map[string]any, bool) {
	s := jsonReader{b: raw}
	s.skipSpace()
	if s.peek() != '{' {
		return nil, false
	}
	obj, ok := s.object()
	s.skipSpace()
	if !ok || s.i != len(s.b) {
		return nil, false
	}
	return obj, true
}

// fastParseDepth is the deepest nesting the fast path reads; deeper bodies (never a real
// client's) go to encoding/json, which has its own limit and message.
const fastParseDepth = 32

// jsonReader walks a body; i is the next byte to read.
type jsonReader struct {
	b     []byte
	i     int
	depth int
}

// peek is the next byte, 0 at the end (0 is never valid there in JSON).
func (s *jsonReader) peek() byte {
	if s.i < len(s.b) {
		return s.b[s.i]
	}
	return 0
}

// skipSpace skips JSON's four whitespace bytes.
func (s *jsonReader) skipSpace() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *jsonReader) value() (any, bool) {
	switch c := s.peek(); {
	case c == '{':
		return s.object()
	case c == '[':
		return s.array()
	case c == '"':
		return s.str()
	case c == 't':
		return true, s.word("true")
	case c == 'f':
		return false, s.word("false")
	case c == 'n':
		return nil, s.word("null")
	case c == '-' || c >= '0' && c <= '9':
		return s.number()
	}
	return nil, false
}

// object reads {...}; a repeated key keeps its last value, as encoding/json does.
func (s *jsonReader) object() (map[string]any, bool) {
	if s.depth++; s.depth > fastParseDepth {
		return nil, false
	}
	s.i++ // {
	obj := map[string]any{}
	s.skipSpace()
	if s.peek() == '}' {
		s.i++
		s.depth--
		return obj, true
	}
	for {
		s.skipSpace()
		if s.peek() != '"' {
			return nil, false
		}
		key, ok := s.str()
		s.skipSpace()
		if !ok || s.peek() != ':' {
			return nil, false
		}
		s.i++
		s.skipSpace()
		v, ok := s.value()
		if !ok {
			return nil, false
		}
		obj[key] = v
		s.skipSpace()
		switch s.peek() {
		case ',':
			s.i++
		case '}':
			s.i++
			s.depth--
			return obj, true
		default:
			return nil, false
		}
	}
}

func (s *jsonReader) array() ([]any, bool) {
	if s.depth++; s.depth > fastParseDepth {
		return nil, false
	}
	s.i++ // [
	list := []any{}
	s.skipSpace()
	if s.peek() == ']' {
		s.i++
		s.depth--
		return list, true
	}
	for {
		s.skipSpace()
		v, ok := s.value()
		if !ok {
			return nil, false
		}
		list = append(list, v)
		s.skipSpace()
		switch s.peek() {
		case ',':
			s.i++
		case ']':
			s.i++
			s.depth--
			return list, true
		default:
			return nil, false
		}
	}
}

// str reads a string literal. One without escapes is copied as it is (once its UTF-8 is
// checked: encoding/json would replace bad bytes); one with escapes is unquoted by
// encoding/json, so every escape means what it means there.
func (s *jsonReader) str() (string, bool) {
	start := s.i // the opening quote
	plain, ascii := true, true
	for j := start + 1; j < len(s.b); j++ {
		switch c := s.b[j]; {
		case c == '"':
			s.i = j + 1
			text := s.b[start+1 : j]
			if !plain {
				var out string
				err := json.Unmarshal(s.b[start:j+1], &out)
				return out, err == nil
			}
			return string(text), ascii || utf8.Valid(text)
		case c == '\\':
			plain = false
			j++ // the escaped byte cannot end the string
		case c < 0x20:
			return "", false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	return "", false
}

// word reads true, false or null; what follows is checked by the caller.
func (s *jsonReader) word(w string) bool {
	if len(s.b)-s.i < len(w) || string(s.b[s.i:s.i+len(w)]) != w {
		return false
	}
	s.i += len(w)
	return true
}

// number reads a number in JSON's grammar, kept as its text (UseNumber's json.Number).
func (s *jsonReader) number() (any, bool) {
	i := s.i
	if s.b[i] == '-' {
		i++
	}
	switch {
	case i < len(s.b) && s.b[i] == '0':
		i++
	case i < len(s.b) && s.b[i] >= '1' && s.b[i] <= '9':
		i = s.digits(i)
	default:
		return nil, false
	}
	if i < len(s.b) && s.b[i] == '.' {
		if i++; i == s.digits(i) {
			return nil, false
		}
		i = s.digits(i)
	}
	if i < len(s.b) && (s.b[i] == 'e' || s.b[i] == 'E') {
		i++
		if i < len(s.b) && (s.b[i] == '+' || s.b[i] == '-') {
			i++
		}
		if i == s.digits(i) {
			return nil, false
		}
		i = s.digits(i)
	}
	n := json.Number(s.b[s.i:i])
	s.i = i
	return n, true
}

// digits is the index after the run of decimal digits starting at i.
func (s *jsonReader) digits(i int) int {
	for i < len(s.b) && s.b[i] >= '0' && s.b[i] <= '9' {
		i++
	}
	return i
}
