package codegen

import (
	"slices"
	"strings"
	"testing"
)

// TestSpecOpsSortedForLookup: opFor finds a path by binary search, so the generated table
// must stay sorted by path, and every path in it must be found again.
func TestSpecOpsSortedForLookup(t *testing.T) {
	if !slices.IsSortedFunc(specOps, func(a, b specPathOp) int { return strings.Compare(a.Path, b.Path) }) {
		t.Fatal("specOps is not sorted by path: opFor's binary search would miss paths")
	}
	for _, r := range specOps {
		if r.Op.ID == "" {
			continue
		}
		if op, err := opFor(r.Path); err != nil || op != r.Op {
			t.Errorf("opFor(%q) = %v, %v; want %v", r.Path, op, err, r.Op)
		}
	}
	if _, err := opFor("/no/such/path"); err == nil || !strings.Contains(err.Error(), "/no/such/path") {
		t.Errorf("an unknown path: err = %v, want one naming the path", err)
	}
}

// TestSpecObjectsSortedForLookup: objectProps also searches by name, so the same holds.
func TestSpecObjectsSortedForLookup(t *testing.T) {
	if !slices.IsSortedFunc(specObjects, func(a, b specObject) int { return strings.Compare(a.Name, b.Name) }) {
		t.Fatal("specObjects is not sorted by name: objectProps's binary search would miss objects")
	}
	for _, o := range specObjects {
		if got := objectProps(o.Name); got == nil || len(got) != len(o.Props) {
			t.Errorf("objectProps(%q) = %v, want %v", o.Name, got, o.Props)
		}
	}
	if objectProps("NoSuchObject") != nil {
		t.Error("an unknown object has properties")
	}
}
