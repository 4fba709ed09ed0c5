package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
)

// Every command answers --help with its usage and exit 0, and a bad flag or a stray argument
// with exit 2 and a pointer to its --help, before anything runs.
func TestCommandsParseFlagsAlike(t *testing.T) {
	for _, name := range []string{"run", "partners", "emulator", "sessions", "replay", "version"} {
		var out, errOut bytes.Buffer
		if code := runWith(context.Background(), testDeps(), []string{name, "--help"}, func(string) string { return "" }, strings.NewReader(""), &out, &errOut); code != 0 || !strings.Contains(out.String(), "Usage") {
			t.Errorf("%s --help: exit %d, stdout %q", name, code, out.String())
		}
	}
	bad := [][]string{{"run", "--partnr", "x"}, {"partners", "a", "b"}, {"emulator", "x"}, {"emulator", "--bogus"}, {"version", "x"}}
	for _, args := range bad {
		var out, errOut bytes.Buffer
		code := runWith(context.Background(), testDeps(), args, func(string) string { return "" }, strings.NewReader(""), &out, &errOut)
		if code != 2 || !strings.Contains(errOut.String(), "--help") || out.Len() != 0 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out.String(), errOut.String())
		}
	}
}
