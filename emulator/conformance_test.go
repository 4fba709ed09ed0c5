package emulator

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

const plaidModule = "github.com/plaid/plaid-go/v20"

// plaidSpec is Plaid's OpenAPI spec as shipped in the plaid-go module, loaded once per test
// binary (it is 3.4 MB and takes about a second).
var plaidSpec struct {
	once   sync.Once
	doc    *openapi3.T
	router routers.Router
	err    error
}

func loadPlaidSpec(t testing.TB) (*openapi3.T, routers.Router) {
	t.Helper()
	plaidSpec.once.Do(func() {
		plaidSpec.doc, plaidSpec.router, plaidSpec.err = readPlaidSpec()
	})
	if plaidSpec.err != nil {
		t.Fatalf("conformance: %v", plaidSpec.err)
	}
	return plaidSpec.doc, plaidSpec.router
}

func readPlaidSpec() (*openapi3.T, routers.Router, error) {
	path, err := plaidSpecPath()
	if err != nil {
		return nil, nil, err
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, nil, &specError{"cannot load " + path, err}
	}
	// Plaid's servers are its real hosts; route on paths alone.
	doc.Servers = openapi3.Servers{{URL: "/"}}
	if err := doc.Validate(loader.Context, openapi3.DisableExamplesValidation()); err != nil {
		return nil, nil, &specError{"Plaid's spec does not validate", err}
	}
	// The spec in plaid-go v20 (Dec 2023) lists fewer processors than Plaid accepts now; the
	// emulator follows Plaid's current list, so requests are judged against that list.
	proc := doc.Components.Schemas["ProcessorTokenCreateRequest"].Value.Properties["processor"].Value
	for _, p := range processors {
		proc.Enum = append(proc.Enum, p)
	}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		return nil, nil, &specError{"cannot route Plaid's spec", err}
	}
	return doc, router, nil
}

type specError struct {
	what string
	err  error
}

func (e *specError) Error() string { return e.what + ": " + e.err.Error() }

// plaidSpecPath finds api/openapi.yaml in the plaid-go module directory: from the module
// cache and the version this binary was built with, else from `go list`.
func plaidSpecPath() (string, error) {
	var tried []string
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, dep := range info.Deps {
			if dep.Path != plaidModule {
				continue
			}
			for _, cache := range moduleCaches() {
				p := filepath.Join(cache, "github.com/plaid/plaid-go/v20@"+dep.Version, "api", "openapi.yaml")
				if _, err := os.Stat(p); err == nil {
					return p, nil
				}
				tried = append(tried, p)
			}
		}
	}
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", plaidModule).Output()
	if err == nil && strings.TrimSpace(string(out)) != "" {
		p := filepath.Join(strings.TrimSpace(string(out)), "api", "openapi.yaml")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	return "", &specError{"Plaid's OpenAPI spec (api/openapi.yaml of " + plaidModule + ") was not found; run `go mod download " +
		plaidModule + "` (tried " + strings.Join(tried, ", ") + ")", os.ErrNotExist}
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

// conformanceRecorder wraps the emulator so that every API exchange of a test is checked:
// an accepted request (200) must be valid for its operation and so must its response; every
// error body must be a valid PlaidError. Emulated Link pages are not part of the API.
func conformanceRecorder(t testing.TB, h http.Handler) http.Handler {
	doc, router := loadPlaidSpec(t)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/link/v2/") || strings.HasPrefix(r.URL.Path, "/link/emulated/") {
			h.ServeHTTP(w, r)
			return
		}
		reqBody, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(reqBody))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
		if problem := checkExchange(doc, router, r, reqBody, rec); problem != "" {
			t.Errorf("conformance: %s %s: %s", r.Method, r.URL.Path, problem)
		}
	})
}

func checkExchange(doc *openapi3.T, router routers.Router, r *http.Request, reqBody []byte, rec *httptest.ResponseRecorder) string {
	var body map[string]any
	if err := json.Unmarshal(rec.Body.Bytes(), &body); err != nil {
		return "body is not a JSON object: " + err.Error()
	}
	if id, _ := body["request_id"].(string); !requestIDRE.MatchString(id) {
		return "request_id " + strconv.Quote(id) + " is not 15 alphanumerics"
	}
	if rec.Code != http.StatusOK {
		if err := doc.Components.Schemas["PlaidError"].Value.VisitJSON(map[string]any(body)); err != nil {
			return "error body is not a PlaidError: " + err.Error()
		}
		return ""
	}
	req := r.Clone(context.Background())
	req.Body = io.NopCloser(bytes.NewReader(reqBody))
	route, params, err := router.FindRoute(req)
	if err != nil {
		return "accepted a request for a path the spec does not have: " + err.Error()
	}
	opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, SkipSettingDefaults: true}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
	if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
		return "accepted a request the spec calls invalid: " + err.Error()
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: rec.Code, Header: rec.Header(), Options: opts}
	out.SetBodyBytes(rec.Body.Bytes())
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return "response does not match the spec: " + err.Error()
	}
	return ""
}
