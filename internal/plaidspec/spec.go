// Package plaidspec checks HTTP exchanges against Plaid's OpenAPI spec, the one shipped
// inside the plaid-go module. Tests put it in front of a Plaid-compatible handler (the
// emulator) with Wrap, so every request a client sends and every answer it gets is judged
// by Plaid's own schema: an emulator that accepts what Plaid would refuse, or a client that
// sends what Plaid does not define, fails the test instead of passing quietly.
package plaidspec

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

const plaidModule = "github.com/plaid/plaid-go/v43"

// Spec is Plaid's parsed spec with a router over its paths.
type Spec struct {
	// Doc is the whole spec, for tests that read schemas directly.
	Doc    *openapi3.T
	router routers.Router
}

// loaded is the spec of this process: it is 3.4 MB and takes about a second to parse and
// validate, so it is read once per test binary.
var loaded struct {
	once sync.Once
	spec *Spec
	err  error
}

// Load reads the spec once per process and returns it (or why it could not be read).
func Load() (*Spec, error) {
	loaded.once.Do(func() { loaded.spec, loaded.err = read() })
	return loaded.spec, loaded.err
}

func read() (*Spec, error) {
	path, err := specPath()
	if err != nil {
		return nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, wrap("cannot load "+path, err)
	}
	// Plaid's servers are its real hosts; route on paths alone, whatever host served them.
	doc.Servers = openapi3.Servers{{URL: "/"}}
	// Some of the spec's examples do not match its own schemas; they say nothing about
	// traffic, so only the schemas are validated.
	if err := doc.Validate(loader.Context, openapi3.DisableExamplesValidation()); err != nil {
		return nil, wrap("Plaid's spec does not validate", err)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, wrap("cannot route Plaid's spec", err)
	}
	return &Spec{Doc: doc, router: router}, nil
}

func wrap(what string, err error) error { return errors.New(what + ": " + err.Error()) }

// specPath finds api/openapi.yaml in the plaid-go module directory: in the module cache at
// the version this binary was built with, else where `go list` says the module is.
func specPath() (string, error) {
	var tried []string
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path != plaidModule {
				continue
			}
			for _, cache := range moduleCaches() {
				p := filepath.Join(cache, plaidModule+"@"+dep.Version, "api", "openapi.yaml")
				if _, err := os.Stat(p); err == nil {
					return p, nil
				}
				tried = append(tried, p)
			}
		}
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", plaidModule).Output()
	if dir := strings.TrimSpace(string(out)); err == nil && dir != "" {
		p := filepath.Join(dir, "api", "openapi.yaml")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	return "", errors.New("Plaid's OpenAPI spec (api/openapi.yaml of " + plaidModule + ") was not found; run `go mod download " +
		plaidModule + "` (tried " + strings.Join(tried, ", ") + ")")
}

func moduleCaches() []string {
	var out []string
	if c := os.Getenv("GOMODCACHE"); c != "" {
		out = append(out, c)
	}
	if b, err := exec.Command("go", "env", "GOMODCACHE").Output(); err == nil && len(bytes.TrimSpace(b)) > 0 {
		out = append(out, string(bytes.TrimSpace(b)))
	}
	if home, err := os.UserHomeDir(); err == nil {
		out = append(out, filepath.Join(home, "go", "pkg", "mod"))
	}
	return out
}
