package emulator

import (
	"bytes"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"sync"
)

// apiError is a Plaid error object with its HTTP status. writeError renders it with a
// request_id, documentation_url and suggested_action as Plaid does.
type apiError struct {
	Status         int
	Type           string
	Code           string
	Message        string
	DisplayMessage string
	// Causes breaks an Assets error down per Item; Plaid sends it (maybe empty) on every error.
	Causes []any
}

func (e *apiError) Error() string { return e.Type + "/" + e.Code }

// errorBody is Plaid's error object on the wire. display_message and suggested_action are
// null when empty, as Plaid sends them.
type errorBody struct {
	ErrorType        string  `json:"error_type"`
	ErrorCode        string  `json:"error_code"`
	ErrorMessage     string  `json:"error_message"`
	DisplayMessage   *string `json:"display_message"`
	RequestID        string  `json:"request_id"`
	Causes           []any   `json:"causes"`
	Status           int     `json:"status"`
	DocumentationURL string  `json:"documentation_url"`
	SuggestedAction  *string `json:"suggested_action"`
}

// body is the error as Plaid puts it on the wire; Item objects embed it too (item.error).
func (e *apiError) body(requestID string) errorBody {
	b := errorBody{
		ErrorType:        e.Type,
		ErrorCode:        e.Code,
		ErrorMessage:     e.Message,
		RequestID:        requestID,
		Causes:           e.Causes,
		Status:           e.status(),
		DocumentationURL: documentationURL(e.Type, e.Code),
	}
	if b.Causes == nil {
		b.Causes = []any{}
	}
	if e.DisplayMessage != "" {
		d := e.DisplayMessage
		b.DisplayMessage = &d
	}
	return b
}

func (e *apiError) status() int {
	if e.Status == 0 {
		return http.StatusBadRequest
	}
	return e.Status
}

// documentationURL points at the section of Plaid's error reference for the code, the way
// Plaid's own error bodies do.
func documentationURL(errType, code string) string {
	page := map[string]string{
		"INVALID_REQUEST":     "invalid-request",
		"INVALID_INPUT":       "invalid-input",
		"INVALID_RESULT":      "invalid-result",
		"ITEM_ERROR":          "item",
		"INSTITUTION_ERROR":   "institution",
		"API_ERROR":           "api",
		"ASSET_REPORT_ERROR":  "assets",
		"SANDBOX_ERROR":       "sandbox",
		"SIGNAL_ERROR":        "signal",
		"RATE_LIMIT_EXCEEDED": "rate-limit-exceeded",
	}[errType]
	if page == "" {
		page = strings.ToLower(strings.ReplaceAll(errType, "_", "-"))
	}
	return "https://plaid.com/docs/errors/" + page + "/#" + strings.ToLower(code)
}

func (e *Emulator) writeError(w http.ResponseWriter, r *http.Request, pe *apiError) {
	writeJSON(w, pe.status(), pe.body(newRequestID()))
}

// jsonBuffer holds a response body while it is encoded, with its encoder; pooled, since every
// call makes one.
type jsonBuffer struct {
	bytes.Buffer
	enc *json.Encoder
}

var jsonBuffers = sync.Pool{New: func() any {
	b := new(jsonBuffer)
	b.enc = json.NewEncoder(&b.Buffer)
	b.enc.SetEscapeHTML(false)
	return b
}}

// The values of the headers every answer carries, shared: a response's header map is only
// read after the handler, and Set or Add on it replaces or copies a value rather than writing
// into it.
var (
	jsonContentType = []string{"application/json; charset=utf-8"}
	noStore         = []string{"no-store"}
)

// writeJSON sends v as the response body. Success bodies carry their own request_id field. The
// body is encoded first so it goes out with a Content-Length in one write: an answer over 2 KB
// (/accounts/get's) would otherwise be sent chunked, in several writes.
func writeJSON(w http.ResponseWriter, status int, v any) {
	buf := jsonBuffers.Get().(*jsonBuffer)
	buf.Reset()
	defer func() {
		if buf.Cap() <= 64<<10 { // a rare huge body is left to the GC rather than kept
			jsonBuffers.Put(buf)
		}
	}()
	encoded := false
	if a, isAppender := v.(jsonAppender); isAppender {
		var b []byte
		if b, encoded = a.appendJSON(buf.AvailableBuffer()); encoded {
			buf.Write(b)
			buf.WriteByte('\n') // as Encode ends a value
		} else {
			v = a.answer()
		}
	}
	if !encoded {
		if err := buf.enc.Encode(v); err != nil {
			status = http.StatusInternalServerError
			buf.Reset()
			buf.WriteString(`{"error_type":"API_ERROR","error_code":"INTERNAL_SERVER_ERROR","error_message":"the emulator could not encode its answer"}` + "\n")
		}
	}
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Cache-Control"] = noStore
	h.Set("Content-Length", strconv.Itoa(buf.Len()))
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// Constructors for the errors several endpoints share.

func invalidRequest(code, msg string) *apiError {
	return &apiError{Type: "INVALID_REQUEST", Code: code, Message: msg}
}

func invalidInput(code, msg string) *apiError {
	return &apiError{Type: "INVALID_INPUT", Code: code, Message: msg}
}

func itemError(code, msg, display string) *apiError {
	return &apiError{Type: "ITEM_ERROR", Code: code, Message: msg, DisplayMessage: display}
}

// notInitializedWith is the answer to a product call on an Item linked without that product
// (PLAID-FACTS: ITEM_ERROR / PRODUCTS_NOT_SUPPORTED); fix says how to link one that has it.
// Investments and Liabilities answer otherwise (productItem).
func notInitializedWith(product, fix string) *apiError {
	return itemError("PRODUCTS_NOT_SUPPORTED", "this item was not initialized with the "+product+" product; "+fix, "")
}

func notFoundError(path string) *apiError {
	return &apiError{Status: http.StatusNotFound, Type: "INVALID_REQUEST", Code: "NOT_FOUND",
		Message: "there is no endpoint at " + path + "; check the path and the API version"}
}

func invalidAPIKeys() *apiError {
	return invalidInput("INVALID_API_KEYS", "invalid client_id or secret provided")
}

func itemLoginRequired() *apiError {
	return itemError("ITEM_LOGIN_REQUIRED",
		"the bank needs the user to sign in again (changed credentials, MFA or a required action); send the user through Link in update mode to repair the item",
		"Your bank needs you to sign in again to keep this account connected.")
}
