package plaidflow

import (
	"strings"
	"testing"
)

// Each environment's Link page: the emulator (built in, or a host that is not Plaid's)
// serves its own Link; Plaid's hosts get Link from Plaid's CDN, the page allowed to call the
// environment's API host only. The label is EnvLabel's, and only offline is the emulator.
func TestLinkPageForEachEnvironment(t *testing.T) {
	cases := []struct {
		name     string
		cfg      Config
		script   string
		frame    string
		connect  string
		offline  bool
		labelHas string
	}{
		{"offline", Config{Env: EnvOffline, BaseURL: "http://127.0.0.1:4000/"}, "http://127.0.0.1:4000/link/v2/stable/link-initialize.js",
			"http://127.0.0.1:4000", "http://127.0.0.1:4000", true, "offline emulator"},
		{"keys at another host", Config{Env: EnvSandbox, ClientID: "c", Secret: "s", BaseURL: "http://127.0.0.1:4010"},
			"http://127.0.0.1:4010/link/v2/stable/link-initialize.js", "http://127.0.0.1:4010", "http://127.0.0.1:4010", false, "not Plaid's host"},
		{"sandbox", Config{Env: EnvSandbox}, PlaidLinkScript, "https://cdn.plaid.com", "https://sandbox.plaid.com", false, "sandbox (https://sandbox.plaid.com)"},
		{"production", Config{Env: EnvProduction}, PlaidLinkScript, "https://cdn.plaid.com", "https://production.plaid.com", false, "production"},
		{"Plaid's host named", Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com/"}, PlaidLinkScript, "https://cdn.plaid.com", "https://sandbox.plaid.com", false, "sandbox"},
	}
	for _, c := range cases {
		p := LinkPageFor(c.cfg)
		if p.ScriptURL != c.script || strings.Join(p.FrameOrigins, " ") != c.frame || strings.Join(p.ConnectOrigins, " ") != c.connect ||
			p.Offline != c.offline || p.EnvLabel != EnvLabel(c.cfg) || !strings.Contains(p.EnvLabel, c.labelHas) {
			t.Errorf("%s: %+v", c.name, p)
		}
	}
}

// EnvName is EnvLabel's start, without what the label says of tokens.
func TestEnvNameStartsEnvLabel(t *testing.T) {
	cases := []struct {
		cfg  Config
		want string
	}{
		{Config{Env: EnvOffline, BaseURL: "http://127.0.0.1:4000"}, "offline emulator"},
		{Config{Env: EnvSandbox, BaseURL: "http://127.0.0.1:4010"}, "sandbox keys at http://127.0.0.1:4010"},
		{Config{Env: EnvProduction}, "production"},
		{Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com"}, "sandbox"},
	}
	for _, c := range cases {
		got := EnvName(c.cfg)
		if got != c.want || !strings.HasPrefix(EnvLabel(c.cfg), got+" (") || strings.Contains(got, "not real") {
			t.Errorf("EnvName(%+v) = %q (label %q), want %q", c.cfg, got, EnvLabel(c.cfg), c.want)
		}
	}
}
