package sessions

import (
	"encoding/json"
	"fmt"
)

// upgraders[v] turns a version v document into a version v+1 document. Each step works on the
// raw JSON object so a field that a later version renamed is still read.
var upgraders = map[int]func(map[string]json.RawMessage) (map[string]json.RawMessage, error){
	1: upgradeV1,
}

func upgrade(doc map[string]json.RawMessage, from int) (map[string]json.RawMessage, error) {
	for v := from; v < CurrentVersion; v++ {
		step, ok := upgraders[v]
		if !ok {
			return nil, fmt.Errorf("no upgrade from format version %d", v)
		}
		var err error
		if doc, err = step(doc); err != nil {
			return nil, fmt.Errorf("upgrading from format version %d: %w", v, err)
		}
	}
	doc["version"] = json.RawMessage(fmt.Sprint(CurrentVersion))
	return doc, nil
}

// v1Call is a call as version 1 stored it: latency in nanoseconds.
type v1Call struct {
	Call
	LatencyNS int64 `json:"latency_ns"`
}

// upgradeV1: version 1 (the development builds before the first release) kept the API log
// under "api_log" with latency_ns, the outcome as a bare string ("success" or an error code)
// and the test user as inputs.user {username, password}.
func upgradeV1(doc map[string]json.RawMessage) (map[string]json.RawMessage, error) {
	if raw, ok := doc["api_log"]; ok {
		var old []v1Call
		if err := json.Unmarshal(raw, &old); err != nil {
			return nil, fmt.Errorf("api_log: %w", err)
		}
		calls := make([]Call, len(old))
		for i, c := range old {
			calls[i] = c.Call
			calls[i].LatencyMS = float64(c.LatencyNS) / 1e6
		}
		doc["calls"], _ = json.Marshal(calls)
		delete(doc, "api_log")
	}
	if raw, ok := doc["outcome"]; ok {
		var word string
		if json.Unmarshal(raw, &word) == nil {
			o := Outcome{Result: ResultSuccess}
			if word != ResultSuccess {
				o = Outcome{Result: ResultError, ErrorCode: word}
			}
			doc["outcome"], _ = json.Marshal(o)
		}
	}
	if raw, ok := doc["inputs"]; ok {
		var in map[string]json.RawMessage
		if err := json.Unmarshal(raw, &in); err != nil {
			return nil, fmt.Errorf("inputs: %w", err)
		}
		var user struct{ Username, Password string }
		if u, ok := in["user"]; ok {
			if err := json.Unmarshal(u, &user); err != nil {
				return nil, fmt.Errorf("inputs.user: %w", err)
			}
			delete(in, "user")
			in["username"], _ = json.Marshal(user.Username)
			in["password"], _ = json.Marshal(user.Password)
			in["password_kept"], _ = json.Marshal(user.Password != "")
		}
		doc["inputs"], _ = json.Marshal(in)
	}
	return doc, nil
}
