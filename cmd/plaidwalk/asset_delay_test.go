package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

// serveEmulatorCommand runs `plaidwalk emulator` in-process with args and returns its base URL.
func serveEmulatorCommand(t *testing.T, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	outR, outW := io.Pipe()
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, append([]string{"emulator", "--addr", "127.0.0.1:0"}, args...),
			func(string) string { return "" }, strings.NewReader(""), outW, io.Discard)
		outW.Close()
	}()
	t.Cleanup(func() { cancel(); <-done })
	lines := bufio.NewScanner(outR)
	if !lines.Scan() || !strings.HasPrefix(lines.Text(), "export PLAID_BASE_URL=") {
		t.Fatalf("first stdout line %q, want the PLAID_BASE_URL export", lines.Text())
	}
	go io.Copy(io.Discard, outR) //nolint:errcheck // drain the other export lines
	return strings.TrimPrefix(lines.Text(), "export PLAID_BASE_URL=")
}

// plaidPost sends one API call with the emulator's keys and decodes the answer into a map.
func plaidPost(t *testing.T, baseURL, path string, body map[string]any) (int, map[string]any) {
	t.Helper()
	body["client_id"], body["secret"] = emulator.TestClientID, emulator.TestSecret
	b, _ := json.Marshal(body)
	res, err := http.Post(baseURL+path, "application/json", bytes.NewReader(b))
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	defer res.Body.Close()
	var out map[string]any
	if err := json.NewDecoder(res.Body).Decode(&out); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return res.StatusCode, out
}

// newAssetReport makes an Item with assets and asks for its Asset Report.
func newAssetReport(t *testing.T, baseURL string) string {
	t.Helper()
	_, pub := plaidPost(t, baseURL, "/sandbox/public_token/create", map[string]any{
		"institution_id": "ins_109508", "initial_products": []string{"assets"}})
	_, ex := plaidPost(t, baseURL, "/item/public_token/exchange", map[string]any{"public_token": pub["public_token"]})
	status, rep := plaidPost(t, baseURL, "/asset_report/create", map[string]any{
		"access_tokens": []any{ex["access_token"]}, "days_requested": 30})
	if status != 200 {
		t.Fatalf("/asset_report/create: %d %v", status, rep)
	}
	return rep["asset_report_token"].(string)
}

// TestEmulatorCommandAssetReportDelay: --asset-report-delay is how long a report answers
// PRODUCT_NOT_READY. An hour keeps it not ready; a millisecond has it ready once that has passed.
func TestEmulatorCommandAssetReportDelay(t *testing.T) {
	slow := serveEmulatorCommand(t, "--asset-report-delay", "1h")
	status, got := plaidPost(t, slow, "/asset_report/get", map[string]any{"asset_report_token": newAssetReport(t, slow)})
	if status != 400 || got["error_code"] != "PRODUCT_NOT_READY" {
		t.Fatalf("with an hour's delay: %d %v, want PRODUCT_NOT_READY", status, got["error_code"])
	}
	fast := serveEmulatorCommand(t, "--asset-report-delay", "1ms")
	token := newAssetReport(t, fast)
	time.Sleep(10 * time.Millisecond) // past the 1 ms delay; the 2 s default would still hold it
	status, got = plaidPost(t, fast, "/asset_report/get", map[string]any{"asset_report_token": token})
	if status != 200 || got["report"] == nil {
		t.Fatalf("with a 1ms delay, 10ms later: %d %v, want the report", status, got["error_code"])
	}
}

// TestOfflineWalkPollsAtMostOnce: offline mode's own emulator keeps the report not ready for
// less than plaidflow's first poll interval, so a walk's second poll always finds it ready (the
// standalone default of 2 s would take several polls), while the first one can still show
// Plaid's PRODUCT_NOT_READY.
func TestOfflineWalkPollsAtMostOnce(t *testing.T) {
	if walkAssetReportDelay <= 0 || walkAssetReportDelay >= 250*time.Millisecond {
		t.Fatalf("walkAssetReportDelay %v: it must be above zero (the poll stays visible) and under plaidflow's first poll interval", walkAssetReportDelay)
	}
	code, out, errOut := runInWith(t, deps{}, nil, "run", "--partner", "alloy-credit", "--secondary-client-id", "test-alloy", "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := decodeRunDoc(t, out)
	var polls []int
	for _, call := range doc.APILog {
		if call.Path == "/asset_report/get" {
			polls = append(polls, call.Status)
		}
	}
	if len(polls) == 0 || len(polls) > 2 || polls[len(polls)-1] != 200 || doc.Tokens["relay_token"] == "" {
		t.Fatalf("/asset_report/get answered %v, want at most one 400 then 200, and a relay token (tokens %v)", polls, doc.Tokens)
	}
}
