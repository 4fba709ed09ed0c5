package specgen

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
)

// ServedPaths reads the string keys of the map literal assigned to the package variable name in
// the Go file at path: the emulator's endpoints table in routes.go, which owns the list of served
// paths. Reading the source rather than importing the emulator lets `go generate` run while the
// generated file is stale or missing.
func ServedPaths(path, name string) ([]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
	if err != nil {
		return nil, err
	}
	lit := mapLiteral(f, name)
	if lit == nil {
		return nil, fmt.Errorf("%s: no map literal assigned to var %s", path, name)
	}
	var out []string
	for _, el := range lit.Elts {
		var key *ast.BasicLit
		if kv, ok := el.(*ast.KeyValueExpr); ok {
			key, _ = kv.Key.(*ast.BasicLit)
		}
		if key == nil || key.Kind != token.STRING {
			return nil, fmt.Errorf("%s: a key of %s is not a string literal", path, name)
		}
		p, err := strconv.Unquote(key.Value)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, nil
}

// mapLiteral finds `var name = map[...]...{...}` among f's declarations.
func mapLiteral(f *ast.File, name string) *ast.CompositeLit {
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for i, id := range vs.Names {
				if id.Name != name || i >= len(vs.Values) {
					continue
				}
				if lit, ok := vs.Values[i].(*ast.CompositeLit); ok {
					if _, isMap := lit.Type.(*ast.MapType); isMap {
						return lit
					}
				}
			}
		}
	}
	return nil
}
