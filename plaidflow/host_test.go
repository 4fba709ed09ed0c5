package plaidflow

import "testing"

// Plaid's own hosts keep the plain environment name; any other host is named with it.
func TestEnvDescriptionNamesAHostThatIsNotPlaids(t *testing.T) {
	for _, tt := range []struct {
		cfg        Config
		host, want string
	}{
		{Config{Env: EnvSandbox}, "", "sandbox"},
		{Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com"}, "", "sandbox"},
		{Config{Env: EnvProduction, BaseURL: "https://Production.plaid.com/"}, "", "production"},
		{Config{Env: EnvSandbox, BaseURL: "http://127.0.0.1:8765"}, "http://127.0.0.1:8765", "sandbox at http://127.0.0.1:8765"},
		{Config{Env: EnvSandbox, BaseURL: "http://sandbox.plaid.com"}, "http://sandbox.plaid.com", "sandbox at http://sandbox.plaid.com"},
		{Config{Env: EnvSandbox, BaseURL: "https://sandbox.plaid.com.example.net"}, "https://sandbox.plaid.com.example.net", "sandbox at https://sandbox.plaid.com.example.net"},
		{Config{Env: EnvSandbox, BaseURL: "http://me:pw@127.0.0.1:8765/"}, "http://127.0.0.1:8765", "sandbox at http://127.0.0.1:8765"},
		{Config{Env: EnvOffline, BaseURL: "http://127.0.0.1:9999"}, "", "offline"},
	} {
		if got := CustomHost(tt.cfg); got != tt.host {
			t.Errorf("CustomHost(%+v) = %q, want %q", tt.cfg, got, tt.host)
		}
		if got := EnvDescription(tt.cfg); got != tt.want {
			t.Errorf("EnvDescription(%+v) = %q, want %q", tt.cfg, got, tt.want)
		}
	}
}
