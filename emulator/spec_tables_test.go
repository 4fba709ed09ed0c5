package emulator

import (
	"bytes"
	"os"
	"slices"
	"testing"

	"plaidwalk/internal/plaidspec"
	"plaidwalk/internal/specgen"
)

// TestGeneratedRequestTablesAreCurrent regenerates spec_requests.go in memory from the spec
// inside the plaid-go module of go.mod and the paths served: a spec upgrade, a change to the
// generator or a new endpoint without `go generate ./emulator` fails here. The generator reads
// the served paths from routes.go's source; they must be the ones the emulator serves.
func TestGeneratedRequestTablesAreCurrent(t *testing.T) {
	parsed, err := specgen.ServedPaths("routes.go", "endpoints")
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(parsed)
	if !slices.Equal(parsed, ServedEndpoints()) {
		t.Fatalf("routes.go's endpoints literal lists %v, the emulator serves %v", parsed, ServedEndpoints())
	}
	want, err := specgen.Generate(plaidspec.MustLoad(t).Doc, "emulator", ServedEndpoints())
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("spec_requests.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("spec_requests.go is stale (%d bytes, regenerated %d): run `go generate ./emulator` and commit the result", len(got), len(want))
	}
	if n := len(plaidspec.MustLoad(t).Doc.Paths.Map()); SpecPathCount() != n {
		t.Errorf("the tables hold %d paths, the spec %d", SpecPathCount(), n)
	}
}

// TestEveryServedPathIsInTheSpec: a served path outside the spec would have no request
// checks (and Plaid would not answer it).
func TestEveryServedPathIsInTheSpec(t *testing.T) {
	for _, path := range ServedEndpoints() {
		if sp, ok := specRoute(path); !ok || sp.body == nil {
			t.Errorf("%s is served but is not a POST path with a JSON body in the spec", path)
		}
	}
}

// specProp returns the generated schema of a top-level request field.
func specProp(t *testing.T, path, name string) *reqSchema {
	t.Helper()
	sp, ok := specRoute(path)
	if !ok || sp.body == nil || sp.body.prop(name) == nil {
		t.Fatalf("the spec's tables have no field %s on %s", name, path)
	}
	return sp.body.prop(name).schema
}
