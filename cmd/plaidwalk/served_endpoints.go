package main

//go:generate go test -run TestREADMEListsTheServedEndpoints -update-readme .

import (
	"fmt"
	"strings"

	"plaidwalk/emulator"
)

// servedEndpointsText lists the endpoints the emulator serves, from its route table (the one
// owner), wrapped to width with each line indented: `plaidwalk emulator --help` prints it and
// the README holds a copy that a test keeps equal.
func servedEndpointsText(indent string, width int) string {
	served := emulator.ServedEndpoints()
	var b strings.Builder
	fmt.Fprintf(&b, "%sEndpoints served (%d of the %d paths of Plaid's API %s; any other path of\n", indent,
		len(served), emulator.SpecPathCount(), emulator.SpecVersion())
	fmt.Fprintf(&b, "%sthe API answers 400 ENDPOINT_NOT_SUPPORTED, a path Plaid lacks 404 NOT_FOUND):\n", indent)
	line := indent + " "
	for _, path := range served {
		if len(line)+1+len(path) > width {
			b.WriteString(line + "\n")
			line = indent + " "
		}
		line += " " + path
	}
	b.WriteString(line + "\n")
	return b.String()
}
