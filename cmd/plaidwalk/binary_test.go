package main

import (
	"bytes"
	"os/exec"
	"testing"
)

// TestBinaryLetsTheLinkerDropUnusedMethods guards the binary's size: once anything reachable
// calls reflect.Value.MethodByName (html/template, or text/template's Execute, for instance),
// the linker must keep every exported method of every type, and plaid-go's unused accessors
// double the binary (34 MB instead of 16 MB).
func TestBinaryLetsTheLinkerDropUnusedMethods(t *testing.T) {
	bin := buildBinary(t, t.TempDir())
	out, err := exec.Command("go", "tool", "nm", bin).Output()
	if err != nil {
		t.Fatalf("go tool nm: %v", err)
	}
	if bytes.Contains(out, []byte("reflect.Value.MethodByName")) {
		t.Fatal("the binary links reflect.Value.MethodByName, so it keeps every unused method; " +
			"`go build -ldflags=-dumpdep ./cmd/plaidwalk 2>&1 | grep ReflectMethod` names the caller")
	}
}
