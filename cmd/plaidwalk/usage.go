package main

import (
	"flag"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"plaidwalk/plaidflow"
)

// usageWidth is where printFlags wraps a flag's description, to stay readable in an
// 80-to-100 column terminal.
const usageWidth = 100

// printFlags lists a command's flags for --help the way README and our messages spell them
// (--name, not Go's -name), one aligned column of names and then the description with the
// default, so every command's --help reads alike.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	type row struct{ name, text string }
	var rows []row
	width := 0
	fs.VisitAll(func(f *flag.Flag) {
		kind, usage := flag.UnquoteUsage(f)
		name := "--" + f.Name
		if kind != "" {
			name += " " + kind
		}
		if def := flagDefault(f); def != "" {
			usage += " (default " + def + ")"
		}
		rows = append(rows, row{name, usage})
		width = max(width, len(name))
	})
	for _, r := range rows {
		indent := 2 + width + 2
		lines := wrapWords(r.text, max(usageWidth-indent, 30))
		fmt.Fprintf(w, "  %-*s  %s\n", width, r.name, lines[0])
		for _, l := range lines[1:] {
			fmt.Fprintf(w, "%s%s\n", strings.Repeat(" ", indent), l)
		}
	}
}

// flagDefault is a flag's default as a person would type it, or "" when the default is the
// zero value and so says nothing.
func flagDefault(f *flag.Flag) string {
	g, ok := f.Value.(flag.Getter)
	if !ok {
		return f.DefValue
	}
	switch g.Get().(type) {
	case string:
		if f.DefValue == "" {
			return ""
		}
		return strconv.Quote(f.DefValue)
	case bool:
		return ""
	case time.Duration:
		if d, err := time.ParseDuration(f.DefValue); err == nil && d != 0 {
			return plaidflow.ShortDuration(d)
		}
		return ""
	default:
		if f.DefValue == "0" {
			return ""
		}
		return f.DefValue
	}
}

// wrapWords splits text into lines of at most width columns at spaces (a longer word gets a
// line of its own).
func wrapWords(text string, width int) []string {
	var lines []string
	line := ""
	for _, word := range strings.Fields(text) {
		switch {
		case line == "":
			line = word
		case len(line)+1+len(word) > width:
			lines = append(lines, line)
			line = word
		default:
			line += " " + word
		}
	}
	return append(lines, line)
}
