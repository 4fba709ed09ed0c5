package sessions

import (
	"encoding/json"
	"strings"
	"time"

	"plaidwalk/plaidflow"
)

// CallDoc is one API call as a JSON document for scripts, the one encoding of a call that
// plaidwalk prints: `run --json`'s api_log and `sessions show --json`'s calls are lists of
// it. Bodies are embedded as JSON when they are JSON, so a script reads
// .response_body.link_token rather than parsing a string. (A session file keeps bodies as
// strings, as recorded; see FORMAT.md.)
type CallDoc struct {
	Time         time.Time       `json:"time"`
	Method       string          `json:"method"`
	Path         string          `json:"path"`
	Status       int             `json:"status"`
	LatencyMS    float64         `json:"latency_ms"`
	RequestID    string          `json:"request_id,omitempty"`
	ErrorCode    string          `json:"error_code,omitempty"`
	RequestBody  json.RawMessage `json:"request_body,omitempty"`
	ResponseBody json.RawMessage `json:"response_body,omitempty"`
	Error        string          `json:"error,omitempty"` // the transport error when no response came
}

// Doc is the call as a CallDoc.
func (c Call) Doc() CallDoc {
	return CallDoc{
		Time: c.Time.UTC(), Method: c.Method, Path: c.Path, Status: c.Status, LatencyMS: c.LatencyMS,
		RequestID: c.RequestID, ErrorCode: c.ErrorCode,
		RequestBody: embedBody(c.RequestBody), ResponseBody: embedBody(c.ResponseBody),
	}
}

// FlowCallDoc is an API log entry as a CallDoc, with its transport error.
func FlowCallDoc(c plaidflow.Call) CallDoc {
	d := FromFlowCall(c).Doc()
	d.Error = c.Err
	return d
}

// embedBody is a recorded body as JSON when it is JSON, else as a JSON string.
func embedBody(s string) json.RawMessage {
	if s == "" {
		return nil
	}
	if json.Valid([]byte(s)) {
		return json.RawMessage(s)
	}
	b, _ := json.Marshal(strings.ToValidUTF8(s, "\uFFFD"))
	return b
}
