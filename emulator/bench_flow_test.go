package emulator

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"testing"
)

// flowCall is one API call of a benchmark flow: its path and a body made from the tokens the
// earlier calls returned.
type flowCall struct {
	path string
	body func(got map[string]string) string
}

// shortcutFlow is what a walk with the sandbox shortcut asks for, minus the Link token: an Item
// through /sandbox/public_token/create, its access token, its first account and a processor
// token for it. The answers' tokens feed the next calls (got holds them by JSON name).
var shortcutFlow = []flowCall{
	{"/sandbox/public_token/create", func(map[string]string) string {
		return `{"institution_id":"ins_109508","initial_products":["auth"]}`
	}},
	{"/item/public_token/exchange", func(got map[string]string) string {
		return `{"public_token":"` + got["public_token"] + `"}`
	}},
	{"/accounts/get", func(got map[string]string) string { return `{"access_token":"` + got["access_token"] + `"}` }},
	{"/processor/token/create", func(got map[string]string) string {
		return `{"access_token":"` + got["access_token"] + `","account_id":"` + got["account_id"] + `","processor":"dwolla"}`
	}},
}

// linkTokenCall starts a walk's flow: the link_token the walk asks for before the shortcut.
var linkTokenCall = flowCall{"/link/token/create", func(map[string]string) string {
	return `{"client_name":"plaidwalk","language":"en","country_codes":["US"],"user":{"client_user_id":"bench"},"products":["auth"]}`
}}

// flowAnswer is the part of an answer a flow reads.
type flowAnswer struct {
	PublicToken string `json:"public_token"`
	AccessToken string `json:"access_token"`
	Accounts    []struct {
		AccountID string `json:"account_id"`
	} `json:"accounts"`
	ErrorCode string `json:"error_code"`
}

// noteAnswer keeps the tokens of one answer for the calls after it.
func noteAnswer(path string, status int, raw []byte, got map[string]string) error {
	var a flowAnswer
	if err := json.Unmarshal(raw, &a); err != nil || status != http.StatusOK {
		return fmt.Errorf("%s: %d %s", path, status, raw)
	}
	if a.PublicToken != "" {
		got["public_token"] = a.PublicToken
	}
	if a.AccessToken != "" {
		got["access_token"] = a.AccessToken
	}
	if len(a.Accounts) > 0 {
		got["account_id"] = a.Accounts[0].AccountID
	}
	return nil
}

// serveFlow runs calls against h in-process (no network), as the emulator's clients would.
func serveFlow(h http.Handler, calls []flowCall) (map[string][]byte, error) {
	got, bodies := map[string]string{}, map[string][]byte{}
	for _, c := range calls {
		req := httptest.NewRequest(http.MethodPost, "http://127.0.0.1"+c.path, bytes.NewReader([]byte(c.body(got))))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("PLAID-CLIENT-ID", TestClientID)
		req.Header.Set("PLAID-SECRET", TestSecret)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		raw, _ := io.ReadAll(rec.Body)
		if err := noteAnswer(c.path, rec.Code, raw, got); err != nil {
			return nil, err
		}
		bodies[c.path] = raw
	}
	return bodies, nil
}

// liveHeap is the heap in use once everything unreachable is collected.
func liveHeap() uint64 {
	var m runtime.MemStats
	runtime.GC()
	runtime.GC()
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

// BenchmarkRetainedPerShortcutFlow is the heap the emulator keeps per sandbox-shortcut flow
// (Item, access token, processor token; spent public tokens pruned as after a minute), measured
// after GC over b.N flows. Issue 13 asks for at most 600 B over 50k flows:
//
//	go test -run '^$' -bench RetainedPerShortcutFlow -benchtime 50000x ./emulator
func BenchmarkRetainedPerShortcutFlow(b *testing.B) {
	clock := newTestClock()
	emu := New(Options{Now: clock.Now})
	before := liveHeap()
	flows := 0
	for b.Loop() {
		if _, err := serveFlow(emu, shortcutFlow); err != nil {
			b.Fatal(err)
		}
		flows++
	}
	clock.Advance(2 * pruneInterval)
	emu.mu.Lock()
	emu.pruneLocked()
	items := len(emu.items)
	emu.mu.Unlock()
	after := liveHeap()
	runtime.KeepAlive(emu)
	if items != flows {
		b.Fatalf("%d Items kept after %d flows", items, flows)
	}
	b.ReportMetric(float64(int64(after)-int64(before))/float64(flows), "B/flow")
}
