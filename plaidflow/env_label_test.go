package plaidflow

import "testing"

func TestEnvLabel(t *testing.T) {
	cases := []struct {
		cfg  Config
		want string
	}{
		{Config{Env: EnvOffline, BaseURL: "http://127.0.0.1:4000"}, "offline emulator (tokens are not real)"},
		{Config{Env: EnvSandbox}, "sandbox (https://sandbox.plaid.com)"},
		{Config{Env: EnvProduction}, "production (https://production.plaid.com)"},
		{Config{Env: EnvSandbox, BaseURL: "http://127.0.0.1:8765"}, "sandbox keys at http://127.0.0.1:8765 (not Plaid's host)"},
	}
	for _, c := range cases {
		if got := EnvLabel(c.cfg); got != c.want {
			t.Errorf("EnvLabel(%+v) = %q, want %q", c.cfg, got, c.want)
		}
	}
}
