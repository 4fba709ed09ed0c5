package plaidflow

import "testing"

// Plaid's own hosts (https) are not custom; any other host is, without a password in its URL.
func TestCustomHostNamesAHostThatIsNotPlaids(t *testing.T) {
	for _, tt := range []struct {
		cfg  Config
		host string
	}{
		{Config{Env: EnvSandbox}, ""},
		{Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com"}, ""},
		{Config{Env: EnvProduction, BaseURL: "https://Production.plaid.com/"}, ""},
		{Config{Env: EnvSandbox, BaseURL: "http://127.0.0.1:8765"}, "http://127.0.0.1:8765"},
		{Config{Env: EnvSandbox, BaseURL: "http://sandbox.plaid.com"}, "http://sandbox.plaid.com"},
		{Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com.example.net"}, "https://sandbox.plaid.com.example.net"},
		{Config{Env: EnvSandbox, BaseURL: "http://me:pw@127.0.0.1:8765/"}, "http://127.0.0.1:8765"},
		{Config{Env: EnvOffline, BaseURL: "http://127.0.0.1:9999"}, ""},
	} {
		if got := CustomHost(tt.cfg); got != tt.host {
			t.Errorf("CustomHost(%+v) = %q, want %q", tt.cfg, got, tt.host)
		}
	}
}
