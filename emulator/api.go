package emulator

import (
	"crypto/subtle"
	"encoding/json"
	"io"
	"mime"
	"net/http"
	"reflect"
	"unicode/utf8"
)

// maxBodyBytes bounds request bodies; Plaid's real requests are a few kilobytes.
const maxBodyBytes = 1 << 20

// apiRequest is one accepted API call as handlers see it.
type apiRequest struct {
	r         *http.Request
	raw       []byte
	body      map[string]any // raw as parseBody read it for the spec's checks; nil before
	requestID string
}

// decode fills v (a pointer) from the body; checkBody has already vetted every field against
// the spec. The body is not decoded again: v is filled from the parse the checks read
// (decode_map.go).
func (q *apiRequest) decode(v any) *apiError {
	var err error
	if q.body != nil {
		err = fill(reflect.ValueOf(v).Elem(), q.body)
	} else {
		err = json.Unmarshal(q.raw, v)
	}
	if err != nil {
		return invalidRequest("INVALID_BODY", "the request body does not fit this endpoint: "+err.Error())
	}
	return nil
}

// handler serves one API path once its request has passed the checks every path shares.
type handler func(e *Emulator, q *apiRequest) (any, *apiError)

// serveAPI runs the checks Plaid runs before any endpoint logic, in Plaid's order.
func (e *Emulator) serveAPI(w http.ResponseWriter, r *http.Request) {
	if r.Header.Get("Origin") != "" {
		// Browsers send Origin; Plaid's API is for servers, and a page must never be able to
		// drive the emulator with the test keys.
		e.writeError(w, r, &apiError{Status: http.StatusForbidden, Type: "INVALID_REQUEST", Code: "INVALID_HEADERS",
			Message: "requests from a browser (with an Origin header) are refused: call the Plaid API from your server"})
		return
	}
	handle, schema, perr := e.route(r)
	if perr != nil {
		e.writeError(w, r, perr)
		return
	}
	q, perr := readAPIRequest(w, r)
	if perr == nil {
		perr = checkCredentials(r, q.raw)
	}
	if perr == nil {
		q.body, perr = parseBody(q.raw)
		if perr == nil {
			perr = checkBody(q.body, schema)
		}
	}
	if perr != nil {
		e.writeError(w, r, perr)
		return
	}
	resp, perr := handle(e, q)
	if serr := e.stateError(); serr != nil {
		perr = serr
	}
	if perr != nil {
		e.writeError(w, r, perr)
		return
	}
	if file, ok := resp.(pdfResponse); ok {
		writePDFResponse(w, file)
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

// checkUTF8 refuses bodies that are not valid UTF-8, as JSON must be: encoding/json would
// quietly turn the bad bytes inside a string into U+FFFD and store a value the client never
// sent.
func checkUTF8(raw []byte) *apiError {
	if utf8.Valid(raw) {
		return nil
	}
	return invalidRequest("INVALID_BODY", "the request body is not valid UTF-8 (a string holds bytes that are not UTF-8 text); encode every string in the JSON body as UTF-8")
}

func readAPIRequest(w http.ResponseWriter, r *http.Request) (*apiRequest, *apiError) {
	// The exact value clients send skips ParseMediaType, which builds a map per call.
	if ct := r.Header.Get("Content-Type"); ct != "" && ct != "application/json" {
		if mt, _, err := mime.ParseMediaType(ct); err != nil || mt != "application/json" {
			return nil, invalidRequest("INVALID_HEADERS", "Content-Type must be application/json")
		}
	}
	raw, err := readBody(w, r, maxBodyBytes)
	if err != nil {
		return nil, invalidRequest("INVALID_BODY", "the request body could not be read or is larger than 1 MB")
	}
	if perr := checkUTF8(raw); perr != nil {
		return nil, perr
	}
	return &apiRequest{r: r, raw: raw, requestID: newRequestID()}, nil
}

// readBody reads a request body of at most limit bytes. One of known length is read into a
// buffer of that length, where io.ReadAll would start at 512 bytes and grow.
func readBody(w http.ResponseWriter, r *http.Request, limit int64) ([]byte, error) {
	body := http.MaxBytesReader(w, r.Body, limit)
	if r.ContentLength < 0 || r.ContentLength > limit {
		return io.ReadAll(body)
	}
	raw := make([]byte, 0, r.ContentLength+1) // +1: the read that finds the end needs room
	for {
		n, err := body.Read(raw[len(raw):cap(raw)])
		raw = raw[:len(raw)+n]
		switch {
		case err == io.EOF:
			return raw, nil
		case err != nil:
			return nil, err
		case len(raw) == cap(raw): // longer than announced (a request built in process)
			rest, err := io.ReadAll(body)
			return append(raw, rest...), err
		}
	}
}

// checkCredentials accepts the keys in PLAID-CLIENT-ID / PLAID-SECRET headers or in the body's
// client_id / secret, as Plaid does; headers win when both are present.
func checkCredentials(r *http.Request, raw []byte) *apiError {
	// Canonical names: Get would build them anew from Plaid's upper-case spelling on every call.
	clientID, secret := r.Header.Get("Plaid-Client-Id"), r.Header.Get("Plaid-Secret")
	if clientID == "" || secret == "" {
		var creds struct {
			ClientID any `json:"client_id"`
			Secret   any `json:"secret"`
		}
		if err := json.Unmarshal(raw, &creds); err != nil {
			return invalidRequest("INVALID_BODY", "the request body is not a valid JSON object: "+err.Error())
		}
		if clientID == "" {
			clientID, _ = creds.ClientID.(string)
		}
		if secret == "" {
			secret, _ = creds.Secret.(string)
		}
	}
	var missing []string
	if clientID == "" {
		missing = append(missing, "client_id")
	}
	if secret == "" {
		missing = append(missing, "secret")
	}
	if len(missing) > 0 {
		return invalidRequest("MISSING_FIELDS", "the following required fields are missing: "+joinSorted(missing)+
			" (send them in the PLAID-CLIENT-ID and PLAID-SECRET headers or in the body)")
	}
	if subtle.ConstantTimeCompare([]byte(clientID), []byte(TestClientID)) != 1 ||
		subtle.ConstantTimeCompare([]byte(secret), []byte(TestSecret)) != 1 {
		return invalidAPIKeys()
	}
	return nil
}
