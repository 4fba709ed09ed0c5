package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
)

// nodePlaidCache is where the official plaid npm package is installed once and kept between
// test runs (make clean removes it).
const nodePlaidCache = "../../testdata-artifacts/node-plaid"

var nodePlaidOnce struct {
	sync.Once
	err error
}

// nodePlaid is a directory whose node_modules holds the plaid package, installed with npm the
// first time; programs written into it find the package with require('plaid').
func nodePlaid(t *testing.T) string {
	t.Helper()
	if _, err := exec.LookPath("node"); err != nil {
		t.Fatal("node is needed for this test: run 'make test-deps' (it installs nodejs and npm)")
	}
	dir, _ := filepath.Abs(nodePlaidCache)
	nodePlaidOnce.Do(func() {
		if _, err := os.Stat(filepath.Join(dir, "node_modules", "plaid", "dist", "api.d.ts")); err == nil {
			return
		}
		tmp := dir + ".tmp"
		os.RemoveAll(tmp)
		if err := os.MkdirAll(tmp, 0o755); err != nil {
			nodePlaidOnce.err = err
			return
		}
		cmd := exec.Command("npm", "install", "--no-audit", "--no-fund", "--silent", "plaid")
		cmd.Dir = tmp
		if out, err := cmd.CombinedOutput(); err != nil {
			nodePlaidOnce.err = err
			t.Logf("npm install plaid: %s", out)
			return
		}
		os.RemoveAll(dir)
		nodePlaidOnce.err = os.Rename(tmp, dir)
	})
	if nodePlaidOnce.err != nil {
		t.Fatalf("installing the plaid npm package (npm install plaid; run 'make test-deps' for npm): %v", nodePlaidOnce.err)
	}
	return dir
}

// checkNodeNames finds every method the Node program calls on the client and every request
// type it names in the plaid package's typings.
func checkNodeNames(t *testing.T, dir, src string) {
	t.Helper()
	typings, err := os.ReadFile(filepath.Join(dir, "node_modules", "plaid", "dist", "api.d.ts"))
	if err != nil {
		t.Fatal(err)
	}
	d := string(typings)
	methods := regexp.MustCompile(`client\.([A-Za-z0-9]+)\(`).FindAllStringSubmatch(src, -1)
	types := regexp.MustCompile(`import\('plaid'\)\.([A-Za-z0-9]+)`).FindAllStringSubmatch(src, -1)
	if len(methods) < 5 || len(types) != len(methods) {
		t.Fatalf("found %d calls and %d request types in the program", len(methods), len(types))
	}
	for _, m := range methods {
		if !strings.Contains(d, "    "+m[1]+"(") {
			t.Errorf("the plaid package has no method %s", m[1])
		}
	}
	for _, m := range types {
		if !strings.Contains(d, "export interface "+m[1]+" {") {
			t.Errorf("the plaid package has no type %s", m[1])
		}
	}
}
