package plaidflow

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func envOf(m map[string]string) func(string) string {
	return func(k string) string { return m[k] }
}

func TestLoadConfigModes(t *testing.T) {
	tests := []struct {
		name string
		o    Overrides
		env  map[string]string
		want Config
	}{
		{"no keys is offline", Overrides{}, nil, Config{Env: EnvOffline}},
		{"keys default to sandbox", Overrides{}, map[string]string{VarClientID: "cid", VarSecret: "sec"},
			Config{Env: EnvSandbox, ClientID: "cid", Secret: "sec"}},
		{"production", Overrides{}, map[string]string{VarClientID: "cid", VarSecret: "sec", VarEnv: "Production"},
			Config{Env: EnvProduction, ClientID: "cid", Secret: "sec"}},
		{"explicit offline ignores keys", Overrides{Env: "offline"}, map[string]string{VarClientID: "cid", VarSecret: "sec", VarBaseURL: "http://x"},
			Config{Env: EnvOffline}},
		{"base URL with keys", Overrides{}, map[string]string{VarClientID: "cid", VarSecret: "sec", VarBaseURL: "http://127.0.0.1:4010/"},
			Config{Env: EnvSandbox, ClientID: "cid", Secret: "sec", BaseURL: "http://127.0.0.1:4010"}},
		{"lists are normalised", Overrides{}, map[string]string{VarProducts: " Auth, identity,auth ", VarCountryCodes: "us, ca"},
			Config{Env: EnvOffline, Products: []string{"auth", "identity"}, CountryCodes: []string{"US", "CA"}}},
		{"localhost redirect in sandbox", Overrides{}, map[string]string{VarRedirectURI: "http://localhost:8000/oauth"},
			Config{Env: EnvOffline, RedirectURI: "http://localhost:8000/oauth"}},
		{"flags win over environment", Overrides{Products: "transactions", Env: "sandbox", ClientID: "flagcid"},
			map[string]string{VarProducts: "auth", VarClientID: "envcid", VarSecret: "sec"},
			Config{Env: EnvSandbox, ClientID: "flagcid", Secret: "sec", Products: []string{"transactions"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := LoadConfig(tt.o, envOf(tt.env), t.TempDir())
			if err != nil {
				t.Fatalf("LoadConfig: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Fatalf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestLoadConfigErrorsNameTheVariable(t *testing.T) {
	keys := map[string]string{VarClientID: "cid", VarSecret: "sec"}
	with := func(extra map[string]string) map[string]string {
		m := map[string]string{}
		for k, v := range keys {
			m[k] = v
		}
		for k, v := range extra {
			m[k] = v
		}
		return m
	}
	tests := []struct {
		name, variable, mention string
		env                     map[string]string
	}{
		{"development is gone", VarEnv, "2024-06-20", with(map[string]string{VarEnv: "development"})},
		{"unknown env", VarEnv, "staging", with(map[string]string{VarEnv: "staging"})},
		{"key without secret", VarSecret, VarClientID, map[string]string{VarClientID: "cid"}},
		{"secret without key", VarClientID, VarSecret, map[string]string{VarSecret: "sec"}},
		{"sandbox without keys", VarClientID, "keys", map[string]string{VarEnv: "sandbox"}},
		{"bad country", VarCountryCodes, "XX", map[string]string{VarCountryCodes: "US,XX"}},
		{"bad product", VarProducts, "bogus", map[string]string{VarProducts: "auth,bogus"}},
		{"balance is not a Link product", VarProducts, "INVALID_PRODUCT", map[string]string{VarProducts: "balance"}},
		{"redirect with query", VarRedirectURI, "query", map[string]string{VarRedirectURI: "https://example.com/cb?x=1"}},
		{"redirect over plain http", VarRedirectURI, "https", map[string]string{VarRedirectURI: "http://example.com/cb"}},
		{"localhost redirect in production", VarRedirectURI, "production",
			with(map[string]string{VarEnv: "production", VarRedirectURI: "http://localhost:8000/cb"})},
		{"relative redirect", VarRedirectURI, "absolute", map[string]string{VarRedirectURI: "/oauth"}},
		{"base URL without keys", VarBaseURL, VarClientID, map[string]string{VarBaseURL: "http://127.0.0.1:4010"}},
		{"bad base URL", VarBaseURL, "ftp://", with(map[string]string{VarBaseURL: "ftp://host"})},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadConfig(Overrides{}, envOf(tt.env), t.TempDir())
			var ce *ConfigError
			if !errors.As(err, &ce) {
				t.Fatalf("want *ConfigError, got %v", err)
			}
			if ce.Variable != tt.variable {
				t.Errorf("variable %q, want %q (%v)", ce.Variable, tt.variable, err)
			}
			if !strings.Contains(ce.Error(), tt.mention) || ce.Fix == "" {
				t.Errorf("error %q should mention %q and carry a fix", ce.Error(), tt.mention)
			}
		})
	}
}

func TestLoadConfigReadsDotEnvBelowEnvironment(t *testing.T) {
	dir := t.TempDir()
	dotenv := "# quickstart style\nexport PLAID_CLIENT_ID='dotcid'\nPLAID_SECRET=\"dotsecret\"\n" +
		"PLAID_PRODUCTS=auth,transactions # trailing comment\nPLAID_COUNTRY_CODES=US\r\n\nnot a line\n"
	if err := os.WriteFile(filepath.Join(dir, ".env"), []byte(dotenv), 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := LoadConfig(Overrides{}, envOf(map[string]string{VarCountryCodes: "CA"}), dir)
	if err != nil {
		t.Fatal(err)
	}
	want := Config{Env: EnvSandbox, ClientID: "dotcid", Secret: "dotsecret",
		Products: []string{"auth", "transactions"}, CountryCodes: []string{"CA"},
		Warnings: []string{filepath.Join(dir, ".env") + " line 7 is not KEY=VALUE (nor a # comment) and was ignored"}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

func TestDefaultLinkConfigAddsConfiguredProducts(t *testing.T) {
	p := Partner{ID: "x", Products: []string{"auth"}, Countries: []string{"US", "CA"}}
	lc := DefaultLinkConfig(Config{Products: []string{"identity", "auth"}}, p)
	if !reflect.DeepEqual(lc.Products, []string{"auth", "identity"}) || !reflect.DeepEqual(lc.CountryCodes, []string{"US", "CA"}) {
		t.Fatalf("got %+v", lc)
	}
	lc = DefaultLinkConfig(Config{CountryCodes: []string{"GB"}}, p)
	if !reflect.DeepEqual(lc.CountryCodes, []string{"GB"}) || lc.Language != "en" || lc.ClientName == "" || lc.UserID == "" {
		t.Fatalf("got %+v", lc)
	}
}

// TestConfigErrorsNameTheFlagWhenAFlagWasGiven: `--country-codes ZZ` used to be reported as
// PLAID_COUNTRY_CODES, a setting the user never made.
func TestConfigErrorsNameTheFlagWhenAFlagWasGiven(t *testing.T) {
	keys := map[string]string{VarClientID: "cid", VarSecret: "sec"}
	tests := []struct {
		o    Overrides
		want string
	}{
		{Overrides{CountryCodes: "ZZ"}, "--country-codes"},
		{Overrides{Products: "balance"}, "--products"},
		{Overrides{Env: "development"}, "--env"},
		{Overrides{RedirectURI: "/oauth"}, "--redirect-uri"},
		{Overrides{BaseURL: "ftp://host"}, "--base-url"},
	}
	for _, tt := range tests {
		_, err := LoadConfig(tt.o, envOf(keys), t.TempDir())
		var ce *ConfigError
		if !errors.As(err, &ce) || ce.Variable != tt.want || !strings.HasPrefix(ce.Error(), tt.want+": ") {
			t.Errorf("%+v: want an error naming %s, got %v", tt.o, tt.want, err)
		}
	}
	env := map[string]string{VarClientID: "cid", VarSecret: "sec", VarCountryCodes: "ZZ"}
	_, err := LoadConfig(Overrides{Products: "auth"}, envOf(env), t.TempDir())
	var ce *ConfigError
	if !errors.As(err, &ce) || ce.Variable != VarCountryCodes {
		t.Errorf("a bad value from the environment should name the variable even when other flags are set: %v", err)
	}
}
