package main

import (
	"bytes"
	"flag"
	"strings"
	"testing"
	"time"
)

// TestPrintFlagsSpellsFlagsWithTwoDashes: --help names flags as README does, aligned, with
// defaults a person would type and no default for zero values.
func TestPrintFlagsSpellsFlagsWithTwoDashes(t *testing.T) {
	fs := flag.NewFlagSet("x", flag.ContinueOnError)
	fs.String("partner", "", "partner id")
	fs.String("institution", "First Platypus Bank", "sandbox bank")
	fs.Bool("json", false, "print JSON")
	fs.Int("port", 0, "loopback port")
	fs.Int("retries", 3, "how many times")
	fs.Duration("link-timeout", 30*time.Minute, "wait for Link")
	var out bytes.Buffer
	printFlags(&out, fs)
	lines := strings.Split(strings.TrimRight(out.String(), "\n"), "\n")
	want := map[string]string{
		"--partner string":        "partner id",
		"--institution string":    `sandbox bank (default "First Platypus Bank")`,
		"--json":                  "print JSON",
		"--port int":              "loopback port",
		"--retries int":           "how many times (default 3)",
		"--link-timeout duration": "wait for Link (default 30m)",
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out.String())
	}
	column := -1
	for _, l := range lines {
		fields := strings.SplitN(strings.TrimSpace(l), "  ", 2)
		name, text := fields[0], strings.TrimSpace(fields[1])
		if want[name] != text {
			t.Errorf("line %q: want %q", l, want[name])
		}
		at := strings.Index(l, text)
		if column >= 0 && at != column {
			t.Errorf("descriptions not aligned:\n%s", out.String())
		}
		column = at
	}
}

func TestWrapWordsKeepsWithinWidth(t *testing.T) {
	lines := wrapWords("one two three four five six seven", 10)
	for _, l := range lines {
		if len(l) > 10 {
			t.Errorf("line %q longer than 10", l)
		}
	}
	if strings.Join(lines, " ") != "one two three four five six seven" {
		t.Errorf("words lost: %q", lines)
	}
}
