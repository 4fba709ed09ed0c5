package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"plaidwalk/internal/browsertest"
	"plaidwalk/internal/plaidtest"
)

// The live path, tested offline: plaidwalk with keys in sandbox or production, the real
// client and Link page unchanged, with only the network redirected to plaidtest's Plaid on
// loopback (its Transport in deps, its resolver rules in Chromium).

// liveRig is plaidwalk configured as a user with keys for srv's environment.
type liveRig struct {
	srv  *plaidtest.Server
	deps deps
	env  map[string]string // PLAID_* as the user sets them; the state dir is the test's
}

func newLiveRig(t *testing.T, env string) *liveRig {
	t.Helper()
	srv := plaidtest.Start(t, env)
	d := testDeps()
	d.transport = srv.Transport
	state := t.TempDir()
	return &liveRig{srv: srv, deps: d, env: srv.Vars(map[string]string{"XDG_STATE_HOME": state, "HOME": state})}
}

// run runs the program in-process as main would, until ctx ends.
func (r *liveRig) run(ctx context.Context, args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := runWith(ctx, r.deps, args, func(k string) string { return r.env[k] }, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// liveBrowser is Chromium reaching srv for Plaid's names, with its CSP violations collected.
func liveBrowser(t *testing.T, srv *plaidtest.Server) (context.Context, *browsertest.CSPWatch) {
	t.Helper()
	tab := browsertest.StartWith(t, srv.ChromiumFlags()...)
	csp, err := browsertest.WatchCSP(tab)
	if err != nil {
		t.Fatalf("cannot listen to Chromium's console: %v", err)
	}
	return tab, csp
}

// person is someone at the browser: each page plaidwalk opens is walked by walk in another
// goroutine (plaidwalk goes on waiting), its result on done. A CSP violation ends the walk at
// once, and cancels the command's ctx too, so a page the policy broke fails the test quickly.
func person(tab context.Context, csp *browsertest.CSPWatch, stop context.CancelFunc, done chan<- error,
	walk func(ctx context.Context, url string) error) func(string) error {
	return func(url string) error {
		go func() {
			ctx, cancel := csp.Guard(tab)
			defer cancel()
			err := walk(ctx, url)
			if err != nil {
				stop()
			}
			done <- err
		}()
		return nil
	}
}

// checkNoCSP fails the test on any violation Chromium reported.
func checkNoCSP(t *testing.T, csp *browsertest.CSPWatch) {
	t.Helper()
	for _, v := range csp.Violations() {
		t.Errorf("Chromium reported a Content-Security-Policy violation: %s", v)
	}
}

// checkLinkFromCDN: the page took Link's script and frame from cdn.plaid.com, and the frame
// made its calls there (so its origin was the CDN's).
func checkLinkFromCDN(t *testing.T, srv *plaidtest.Server) {
	t.Helper()
	got := srv.CDNPaths()
	for _, want := range []string{"/link/v2/stable/link-initialize.js", "/link/v2/stable/link.html", "/link/emulated/api/session"} {
		if !slices.ContainsFunc(got, func(p string) bool { return strings.HasPrefix(p, want) }) {
			t.Errorf("the impersonated CDN never served %s; it served %v", want, got)
		}
	}
}
