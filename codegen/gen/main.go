// Command gen writes codegen's table of operation ids and request schemas from the spec
// inside the plaid-go module this build uses: `go generate ./codegen` runs it.
package main

import (
	"flag"
	"fmt"
	"os"

	"plaidwalk/emulator"
	"plaidwalk/internal/plaidspec"
	"plaidwalk/internal/specgen"
)

func main() {
	out := flag.String("out", "spec_table.go", "file to write")
	flag.Parse()
	spec, err := plaidspec.Load()
	if err == nil {
		var src []byte
		if src, err = specgen.CodeTable(spec.Doc, "codegen", emulator.ServedEndpoints()); err == nil {
			err = os.WriteFile(*out, src, 0o644)
		}
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "codegen table:", err)
		os.Exit(1)
	}
}
