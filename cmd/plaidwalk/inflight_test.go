package main

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/sessions"
)

// cutAfterExchange is a Plaid host (the real emulator behind a proxy) where the exchange
// completes, and then, before its answer goes back, the walk is interrupted as SIGTERM does:
// the Item exists at "Plaid" though plaidwalk never reads the answer.
func cutAfterExchange(t *testing.T, interrupt context.CancelFunc) map[string]string {
	t.Helper()
	ctx, stop := context.WithCancel(context.Background())
	t.Cleanup(stop)
	base, stopEmulator, err := emulator.Start(ctx)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(stopEmulator)
	target, _ := url.Parse(base)
	proxy := httputil.NewSingleHostReverseProxy(target)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/item/public_token/exchange" {
			proxy.ServeHTTP(w, r)
			return
		}
		done := httptest.NewRecorder()
		proxy.ServeHTTP(done, r.WithContext(context.Background())) // the exchange is made
		interrupt()
		<-r.Context().Done() // and its answer never leaves
	}))
	t.Cleanup(srv.Close)
	return map[string]string{"PLAID_BASE_URL": srv.URL, "PLAID_CLIENT_ID": emulator.TestClientID, "PLAID_SECRET": emulator.TestSecret}
}

// TestRunInterruptedDuringExchangeSaysItMayHaveCompleted: run interrupted while the exchange
// is in flight does not claim "no further call was made": its output and the saved outcome
// say the exchange may have completed and the Item may exist.
func TestRunInterruptedDuringExchangeSaysItMayHaveCompleted(t *testing.T) {
	e := newSessEnv(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	for k, v := range cutAfterExchange(t, cancel) {
		e.vars[k] = v
	}
	var out, errOut bytes.Buffer
	code := runWith(ctx, testDeps(), []string{"run", "--partner", "dwolla"}, e.getenv, strings.NewReader(""), &out, &errOut)
	if code != 130 {
		t.Fatalf("exit %d, want 130; stderr:\n%s", code, errOut.String())
	}
	want := "POST /item/public_token/exchange was in flight: it may have completed at Plaid, so the Item may exist"
	if !strings.Contains(errOut.String(), "plaidwalk run: interrupted while "+want) || strings.Contains(errOut.String(), "no further call") {
		t.Errorf("stderr:\n%s", errOut.String())
	}
	s := latestSession(t, e)
	if s.Outcome.Result != sessions.ResultStopped || !strings.Contains(s.Outcome.Reason, want) {
		t.Errorf("saved outcome %+v, want stopped and %q", s.Outcome, want)
	}
}

// TestTUIInterruptedDuringExchangeSaysItMayHaveCompleted: the same in the real UI (the
// sandbox shortcut): the summary and the saved session say the exchange may have completed.
func TestTUIInterruptedDuringExchangeSaysItMayHaveCompleted(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	env := cutAfterExchange(t, cancel)
	env["XDG_STATE_HOME"], env["HOME"] = state, filepath.Dir(state)
	screen := &screenBuffer{}
	var out bytes.Buffer
	keys := &cuedKeys{t: t, screen: screen, done: make(chan struct{}), cues: []cue{
		{"Step 2/7 · Link options", "\r"}, {"Press Enter to open Link", "\r"}, {"Step 4/7 · Plaid Link", "s"}}}
	c := &cli{deps: testDeps(), getenv: func(k string) string { return env[k] }, stdin: keys, stdout: &out, stderr: screen}
	code := cmdTUI(ctx, c, []string{"--no-browser", "--partner", "dwolla"})
	close(keys.done)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	want := "POST /item/public_token/exchange was in flight: it may have completed at Plaid, so the Item may exist"
	if !strings.Contains(out.String(), want) {
		t.Errorf("the summary does not say the exchange may have completed:\n%s", out.String())
	}
	getenv := func(k string) string { return env[k] }
	store, _ := sessions.OpenStore(getenv)
	s, _, err := store.Load("latest")
	if err != nil || !strings.Contains(s.Outcome.Reason, want) {
		t.Errorf("saved outcome %+v (%v), want %q", s.Outcome, err, want)
	}
}
