package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"plaidwalk/plaidflow"
)

// Polling folds: 30 alike /link/token/get calls become two lines, the second naming the last
// call's request_id; a pair stays two plain lines, and a different answer starts a new run.
func TestPrintCallsFoldsPolling(t *testing.T) {
	calls := []plaidflow.Call{{Method: "POST", Path: "/link/token/create", Status: 200, RequestID: "req-create"}}
	for i := 0; i < 30; i++ {
		calls = append(calls, plaidflow.Call{Method: "POST", Path: "/link/token/get", Status: 200, Latency: time.Millisecond, RequestID: "req-poll-" + string(rune('a'+i%26))})
	}
	calls = append(calls,
		plaidflow.Call{Method: "POST", Path: "/asset_report/get", Status: 400, ErrorCode: "PRODUCT_NOT_READY", RequestID: "req-nr1"},
		plaidflow.Call{Method: "POST", Path: "/asset_report/get", Status: 400, ErrorCode: "PRODUCT_NOT_READY", RequestID: "req-nr2"},
		plaidflow.Call{Method: "POST", Path: "/asset_report/get", Status: 200, RequestID: "req-ready"})
	var out bytes.Buffer
	printCalls(&out, calls)
	lines := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(lines) != 6 {
		t.Fatalf("%d lines, want 6 (create, first poll, the fold, two not-ready, ready):\n%s", len(lines), out.String())
	}
	if !strings.Contains(lines[1], "/link/token/get") || !strings.Contains(lines[1], "req-poll-a") {
		t.Errorf("the first poll is not shown whole: %q", lines[1])
	}
	if want := "the same call 29 more times (calls 3–31)"; !strings.Contains(lines[2], want) || !strings.Contains(lines[2], "request_id req-poll-d") {
		t.Errorf("fold line %q, want %q and the last call's request_id req-poll-d", lines[2], want)
	}
	if !strings.HasPrefix(lines[3], "  32  POST /asset_report/get") || !strings.Contains(lines[4], "req-nr2") || !strings.Contains(lines[5], "  34  ") {
		t.Errorf("a pair or the numbering after a fold is wrong:\n%s", out.String())
	}
}
