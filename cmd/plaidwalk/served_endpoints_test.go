package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

var updateREADME = flag.Bool("update-readme", false, "rewrite README.md's list of served endpoints")

const (
	servedBegin = "<!-- served endpoints: written by `go generate ./cmd/plaidwalk` from the emulator's routes -->\n```\n"
	servedEnd   = "```\n<!-- end of served endpoints -->\n"
)

// TestREADMEListsTheServedEndpoints: the README's list is the route table's; a route added
// without `go generate ./cmd/plaidwalk` fails here.
func TestREADMEListsTheServedEndpoints(t *testing.T) {
	raw, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	start, end := bytes.Index(raw, []byte(servedBegin)), bytes.Index(raw, []byte(servedEnd))
	if start < 0 || end < start {
		t.Fatalf("README.md lacks the served endpoints block (%q ... %q)", servedBegin, servedEnd)
	}
	want := servedEndpointsText("", 96)
	if got := string(raw[start+len(servedBegin) : end]); got != want {
		if !*updateREADME {
			t.Fatalf("README.md's list of served endpoints is stale: run `go generate ./cmd/plaidwalk`\n got: %s\nwant: %s", got, want)
		}
		out := append(append(append([]byte{}, raw[:start+len(servedBegin)]...), want...), raw[end:]...)
		if err := os.WriteFile("../../README.md", out, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestEmulatorHelpListsTheServedEndpoints: --help names every served endpoint and the spec's
// count.
func TestEmulatorHelpListsTheServedEndpoints(t *testing.T) {
	var b strings.Builder
	printEmulatorUsage(&b)
	help := b.String()
	for _, path := range emulator.ServedEndpoints() {
		if !strings.Contains(help, " "+path) {
			t.Errorf("--help does not list %s", path)
		}
	}
	if !strings.Contains(help, "ENDPOINT_NOT_SUPPORTED") || emulator.SpecPathCount() < 300 {
		t.Errorf("--help should say what an unserved path answers (spec paths: %d)", emulator.SpecPathCount())
	}
	for _, line := range strings.Split(servedEndpointsText("", 96), "\n") {
		if len(line) > 96 {
			t.Errorf("help line wider than 100 columns: %q", line)
		}
	}
}
