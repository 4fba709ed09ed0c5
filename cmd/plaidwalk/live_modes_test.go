package main

import (
	"context"
	"maps"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestLiveSandboxHostedLink is `run --link hosted` with sandbox keys: /link/token/create at
// sandbox.plaid.com returns an https hosted_link_url on the (impersonated) CDN, a person logs
// in there in Chromium, and run finds the public_token by polling /link/token/get.
func TestLiveSandboxHostedLink(t *testing.T) {
	rig := newLiveRig(t, "sandbox")
	e := newSessEnv(t)
	e.deps = rig.deps
	maps.Copy(e.vars, rig.env)
	e.vars["XDG_STATE_HOME"] = e.state
	fastHostedPolls(e, 100*time.Millisecond, time.Minute)
	failOnOpen(t, e)
	tab, csp := liveBrowser(t, rig.srv)
	code, out, errOut, linkErr := runWithHostedPage(t, e, func(url string) error {
		ctx, cancel := csp.Guard(tab)
		defer cancel()
		return clickThroughHostedLink(ctx, url, firstPlatypus, "pass_good", nil)
	}, "run", "--partner", "dwolla", "--link", "hosted", "--no-browser", "--json", "--link-timeout", "60s")
	if linkErr != nil {
		t.Fatalf("clicking through Hosted Link: %v; CSP violations %q\nstderr:\n%s", linkErr, csp.Violations(), errOut)
	}
	checkNoCSP(t, csp)
	if code != 0 {
		t.Fatalf("exit %d; stderr:\n%s", code, errOut)
	}
	if !strings.Contains(errOut, "Hosted Link is waiting at https://cdn.plaid.com/link/emulated/hosted/link-sandbox-") {
		t.Errorf("stderr lacks the https hosted_link_url:\n%s", errOut)
	}
	doc := decodeRunDoc(t, out)
	if doc.Env != "sandbox" || !strings.HasPrefix(doc.Tokens["processor_token"], "processor-sandbox-") {
		t.Errorf("result %+v", doc)
	}
	if calls := strings.Join(rig.srv.Calls(), " "); !strings.Contains(calls, "/link/token/get") || strings.Contains(calls, "/sandbox/") {
		t.Errorf("sandbox.plaid.com got %s: want polls of /link/token/get and no shortcut", calls)
	}
}

// TestLiveProductionConfirmsBeforeTheFirstCall: in production the UI asks before it creates
// the link_token. Answering n sends nothing to production.plaid.com; answering y creates a
// production link_token (link-production-…) and nothing else. That walk, saved as stopped,
// is then replayed: refused without --yes before any call, reproduced with it.
func TestLiveProductionConfirmsBeforeTheFirstCall(t *testing.T) {
	rig := newLiveRig(t, "production")
	file := filepath.Join(t.TempDir(), "walk.json")
	args := []string{"--partner", "dwolla", "--no-browser", "--no-save", "--save", file}
	_, _, screen := runTUIWith(t, rig.deps, rig.env, args,
		cue{"Step 2/7 · Link options", "\r"}, cue{"This is PRODUCTION.", "n"}, cue{"", "\x03"})
	if !strings.Contains(screen, "create a real link_token") {
		t.Fatalf("no production warning; screen ends:\n%s", tail(screen))
	}
	if calls := rig.srv.Calls(); len(calls) != 0 {
		t.Fatalf("production.plaid.com was called although the user said no: %v", calls)
	}
	_, _, screen = runTUIWith(t, rig.deps, rig.env, args,
		cue{"Step 2/7 · Link options", "\r"}, cue{"This is PRODUCTION.", "y"}, cue{"link-production-", "\x03"})
	if calls := rig.srv.Calls(); len(calls) != 1 || calls[0] != "/link/token/create" {
		t.Fatalf("after y, production.plaid.com got %v: want one /link/token/create", calls)
	}
	if !strings.Contains(screen, "PRODUCTION") {
		t.Errorf("no production banner:\n%s", tail(screen))
	}
	ctx := context.Background()
	code, _, errOut := rig.run(ctx, "replay", file)
	if code != 2 || !strings.Contains(errOut, "--yes") || len(rig.srv.Calls()) != 1 {
		t.Fatalf("replay without --yes: exit %d, calls %v; stderr:\n%s", code, rig.srv.Calls(), errOut)
	}
	code, out, errOut := rig.run(ctx, "replay", file, "--yes")
	if calls := rig.srv.Calls(); code != 0 || !strings.Contains(out, "reproduced") || len(calls) != 2 || calls[1] != "/link/token/create" {
		t.Errorf("replay --yes: exit %d, calls %v\nstdout:\n%s\nstderr:\n%s", code, calls, out, errOut)
	}
}

// TestLiveProductionRefusesTheShortcut: /sandbox/public_token/create does not exist in
// production; run says so before any call.
func TestLiveProductionRefusesTheShortcut(t *testing.T) {
	rig := newLiveRig(t, "production")
	code, _, errOut := rig.run(context.Background(), "run", "--partner", "dwolla")
	if code != 2 || !strings.Contains(errOut, "does not exist in production") || len(rig.srv.Calls()) != 0 {
		t.Fatalf("shortcut in production: exit %d, calls %v; stderr:\n%s", code, rig.srv.Calls(), errOut)
	}
}

// TestLiveNetworkAndKeyFailures: what a user with keys meets when something between them and
// Plaid is wrong, each said with the host and a fix: a wrong secret (Plaid's INVALID_API_KEYS
// and our hint), a certificate this machine does not trust, and a name that does not resolve.
func TestLiveNetworkAndKeyFailures(t *testing.T) {
	rig := newLiveRig(t, "sandbox")
	ctx := context.Background()
	rig.env["PLAID_SECRET"] = "0000000000000000000000000000ff"
	code, out, _ := rig.run(ctx, "run", "--partner", "dwolla", "--json", "--no-save")
	doc := decodeRunDoc(t, out)
	if code != 1 || doc.Error == nil || doc.Error.Code != "INVALID_API_KEYS" || !strings.Contains(doc.Error.Hint, "PLAID_SECRET") {
		t.Errorf("wrong secret: exit %d, error %+v", code, doc.Error)
	}
	rig.env["PLAID_SECRET"] = newLiveRig(t, "sandbox").env["PLAID_SECRET"]
	rig.deps.transport = rig.srv.UntrustedTransport
	code, _, errOut := rig.run(ctx, "run", "--partner", "dwolla", "--no-save")
	if code != 1 || !strings.Contains(errOut, "https://sandbox.plaid.com") || !strings.Contains(errOut, "certificate") || !strings.Contains(errOut, "not one this machine trusts") {
		t.Errorf("untrusted certificate: exit %d; stderr:\n%s", code, errOut)
	}
	// A production server's network has no sandbox.plaid.com: the name does not resolve.
	rig.deps.transport = newLiveRig(t, "production").srv.Transport
	code, _, errOut = rig.run(ctx, "run", "--partner", "dwolla", "--no-save")
	if code != 1 || !strings.Contains(errOut, "https://sandbox.plaid.com") || !strings.Contains(errOut, "did not resolve") {
		t.Errorf("DNS failure: exit %d; stderr:\n%s", code, errOut)
	}
}
