package main

import (
	"html"
	"io"
	"net/http"
	"reflect"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// run and the UI serve one Link page for each mode: the same script, CSP origins, label and
// offline note, all plaidflow's (LinkPageFor). With keys and PLAID_BASE_URL the page names
// the host as not Plaid's and does not claim to be the offline emulator; a page served from
// run's options says exactly plaidflow's label.
func TestRunAndTheUIServeTheSameLinkPage(t *testing.T) {
	modes := map[string]plaidflow.Config{
		"offline":                 {Env: plaidflow.EnvOffline, BaseURL: "http://127.0.0.1:4000"},
		"keys and PLAID_BASE_URL": {Env: plaidflow.EnvSandbox, ClientID: "cid", Secret: "sec", BaseURL: "http://127.0.0.1:4010"},
		"sandbox":                 {Env: plaidflow.EnvSandbox, ClientID: "cid", Secret: "sec"},
		"production":              {Env: plaidflow.EnvProduction, ClientID: "cid", Secret: "sec"},
	}
	c, _, _ := tuiCLI(nil, "")
	lt := plaidflow.LinkToken{Token: "link-sandbox-11111111-2222-3333-4444-555555555555"}
	for name, cfg := range modes {
		run := runLinkPage(cfg, lt, runOptions{port: 0, linkTimeout: time.Minute})
		ui := tuiDeps(c, cfg, plaidflow.Catalog{}, tuiOptions{linkTimeout: time.Minute}).Link
		ui.LinkToken, ui.RedirectURI = lt.Token, cfg.RedirectURI // what the Link step adds (tui's own test holds it to that)
		if !reflect.DeepEqual(run, ui) {
			t.Errorf("%s: run's page %+v, the UI's %+v", name, run, ui)
		}
		want := plaidflow.LinkPageFor(cfg)
		if run.EnvLabel != want.EnvLabel || run.Offline != want.Offline || run.ScriptURL != want.ScriptURL {
			t.Errorf("%s: page %+v is not plaidflow's %+v", name, run, want)
		}
		page := servedPage(t, run)
		if !strings.Contains(page, `data-env="`+html.EscapeString(want.EnvLabel)+`"`) ||
			strings.Contains(page, "offline emulator: no real bank") != want.Offline {
			t.Errorf("%s: the served page does not say %q (offline %v):\n%.1500s", name, want.EnvLabel, want.Offline, page)
		}
	}
}

// servedPage starts the Link page server with o and reads the page.
func servedPage(t *testing.T, o linkserver.Options) string {
	t.Helper()
	srv, err := linkserver.Start(t.Context(), o)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	resp, err := http.Get(srv.URL())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
