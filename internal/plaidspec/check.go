package plaidspec

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3filter"
)

// Plaid's file downloads (/statements/download, the report PDFs) answer application/pdf, which
// kin-openapi has no decoder for: read it as the opaque file its schema (string, binary) says.
func init() { openapi3filter.RegisterBodyDecoder("application/pdf", openapi3filter.FileBodyDecoder) }

func isPDFType(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	return err == nil && mt == "application/pdf"
}

// requestID is the shape of Plaid's request_id.
var requestID = regexp.MustCompile(`^[A-Za-z0-9]{15}$`)

// MustLoad is Load for tests: a spec that cannot be read fails the test.
func MustLoad(t testing.TB) *Spec {
	t.Helper()
	s, err := Load()
	if err != nil {
		t.Fatalf("plaidspec: %v", err)
	}
	return s
}

// Wrap puts the conformance check in front of h for the test t: an accepted request (200)
// must be valid for its operation and so must its response, and every error body must be a
// valid PlaidError with a request_id. A violation fails t, naming the call. The emulated
// Link pages (/link/v2/, /link/emulated/) and plaidwalk's own paths (OwnPrefix) are not part of
// Plaid's API and pass unchecked.
func Wrap(t testing.TB, h http.Handler) http.Handler {
	spec := MustLoad(t)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/link/v2/") || strings.HasPrefix(r.URL.Path, "/link/emulated/") || strings.HasPrefix(r.URL.Path, OwnPrefix) {
			h.ServeHTTP(w, r)
			return
		}
		reqBody, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(reqBody))
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		// Judged before the answer goes out, so the violation is on record by the time the
		// client (and the test waiting on it) sees the response.
		if problem := spec.Check(r, reqBody, rec.Code, rec.Header(), rec.Body.Bytes()); problem != "" {
			t.Errorf("plaidspec: %s %s: %s\n  request: %s", r.Method, r.URL.Path, problem, reqBody)
		}
		for k, v := range rec.Header() {
			w.Header()[k] = v
		}
		w.WriteHeader(rec.Code)
		_, _ = w.Write(rec.Body.Bytes())
	})
}

// Check judges one exchange and returns what is wrong with it, or "" when nothing is.
func (s *Spec) Check(r *http.Request, reqBody []byte, status int, header http.Header, respBody []byte) string {
	var body map[string]any
	// A file (application/pdf) carries no request_id; ValidateResponse below holds its
	// Content-Type to the operation's.
	if isPDF := status == http.StatusOK && isPDFType(header.Get("Content-Type")); isPDF {
		if !bytes.HasPrefix(respBody, []byte("%PDF-")) {
			return "an application/pdf answer does not start with %PDF-"
		}
	} else {
		if err := json.Unmarshal(respBody, &body); err != nil {
			return "body is not a JSON object: " + err.Error()
		}
		if id, _ := body["request_id"].(string); !requestID.MatchString(id) {
			return "request_id " + strconv.Quote(id) + " is not 15 alphanumerics"
		}
	}
	if status != http.StatusOK {
		if err := s.Doc.Components.Schemas["PlaidError"].Value.VisitJSON(body); err != nil {
			return "error body is not a PlaidError: " + err.Error()
		}
		return ""
	}
	in, err := s.acceptedRequest(r, reqBody)
	if err != nil {
		return err.Error()
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: status, Header: header, Options: in.Options}
	out.SetBodyBytes(respBody)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return "response does not match the spec: " + err.Error()
	}
	return ""
}

// acceptedRequest judges the request the emulator accepted, first as sent and then, when the
// spec calls that invalid, with its null members left out (see withoutNullMembers): a null is
// fine where the schema allows one (a nullable webhook, say) and where leaving the member out
// is. The input it returns carries the route for judging the response.
func (s *Spec) acceptedRequest(r *http.Request, reqBody []byte) (*openapi3filter.RequestValidationInput, error) {
	var first error
	for _, body := range [][]byte{reqBody, withoutNullMembers(reqBody)} {
		req := r.Clone(context.Background())
		req.Body = io.NopCloser(bytes.NewReader(body))
		route, params, err := s.router.FindRoute(req)
		if err != nil {
			return nil, errors.New("accepted a request for a path the spec does not have: " + err.Error())
		}
		// The credentials are the emulator's business; defaults must not be filled into the
		// request, or a field the client left out would be judged as if it had been sent.
		opts := &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc, SkipSettingDefaults: true}
		in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route, Options: opts}
		err = openapi3filter.ValidateRequest(context.Background(), in)
		if err == nil {
			return in, nil
		}
		if first == nil {
			first = err
		}
	}
	return nil, errors.New("accepted a request the spec calls invalid: " + first.Error())
}

// withoutNullMembers is the request as Plaid reads it: a member whose value is null counts as
// left out (Plaid's quickstart sends cursor: null on its first /transactions/sync and gets the
// whole history), as the emulator's request checks read it too (emulator/validate.go). A null
// required member is then missing, and still flagged. A body that is not JSON is left as is.
func withoutNullMembers(body []byte) []byte {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var v any
	if dec.Decode(&v) != nil {
		return body
	}
	out, err := json.Marshal(dropNullMembers(v))
	if err != nil {
		return body
	}
	return out
}

// dropNullMembers removes null members from every object in v; nulls inside arrays stay.
func dropNullMembers(v any) any {
	switch v := v.(type) {
	case map[string]any:
		for k, m := range v {
			if m == nil {
				delete(v, k)
			} else {
				v[k] = dropNullMembers(m)
			}
		}
	case []any:
		for i, m := range v {
			v[i] = dropNullMembers(m)
		}
	}
	return v
}
