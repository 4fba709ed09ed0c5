// Command gen writes the emulator's request tables from the spec inside the plaid-go module this
// build uses: `go generate ./emulator` runs it (see emulator/validate.go).
package main

import (
	"flag"
	"fmt"
	"os"

	"plaidwalk/internal/plaidspec"
	"plaidwalk/internal/specgen"
)

func main() {
	out := flag.String("out", "spec_requests.go", "file to write")
	pkg := flag.String("pkg", "emulator", "package of the generated file")
	routes := flag.String("routes", "routes.go", "Go file whose endpoints map lists the served paths")
	flag.Parse()
	if err := run(*out, *pkg, *routes); err != nil {
		fmt.Fprintln(os.Stderr, "specgen:", err)
		os.Exit(1)
	}
}

func run(out, pkg, routes string) error {
	served, err := specgen.ServedPaths(routes, "endpoints")
	if err != nil {
		return err
	}
	spec, err := plaidspec.Load()
	if err != nil {
		return err
	}
	src, err := specgen.Generate(spec.Doc, pkg, served)
	if err != nil {
		return err
	}
	return os.WriteFile(out, src, 0o644)
}
