package plaidflow

import (
	"errors"
	"path/filepath"
	"strings"
)

// Env is where the API calls go.
type Env string

const (
	EnvOffline    Env = "offline"
	EnvSandbox    Env = "sandbox"
	EnvProduction Env = "production"
)

// Config is the validated configuration of one plaidwalk process. Secret is never printed.
type Config struct {
	Env          Env
	ClientID     string
	Secret       string
	BaseURL      string // empty: the environment's default host (offline: set by the caller after starting the emulator)
	Products     []string
	CountryCodes []string
	RedirectURI  string
	// CodeLang is the UI code view's first language (PLAIDWALK_LANG), as given: the caller
	// checks it against the languages it can show.
	CodeLang string
	// Warnings are lines of .env that were ignored, each named by its line, for the caller
	// to print: a silent skip would leave the user wondering why a setting had no effect.
	Warnings []string
}

// Overrides are the values given as flags; they win over the environment and .env.
type Overrides struct {
	Env, ClientID, Secret, BaseURL, Products, CountryCodes, RedirectURI, CodeLang string
}

// ConfigError is a configuration problem: the variable at fault and how to fix it. Variable is
// the flag's name (FlagFor) when the bad value was given as a flag.
type ConfigError struct {
	Variable string
	Problem  string
	Fix      string
}

func (e *ConfigError) Error() string { return e.Variable + ": " + e.Problem + " (" + e.Fix + ")" }

// The variable names follow Plaid's quickstart so an existing .env works unchanged.
const (
	VarClientID     = "PLAID_CLIENT_ID"
	VarSecret       = "PLAID_SECRET"
	VarEnv          = "PLAID_ENV"
	VarProducts     = "PLAID_PRODUCTS"
	VarCountryCodes = "PLAID_COUNTRY_CODES"
	VarRedirectURI  = "PLAID_REDIRECT_URI"
	VarBaseURL      = "PLAID_BASE_URL"
	VarCodeLang     = "PLAIDWALK_LANG"
)

// Hosts of Plaid's environments.
const (
	SandboxURL    = "https://sandbox.plaid.com"
	ProductionURL = "https://production.plaid.com"
)

// LoadConfig reads flags > environment > .env in dir and validates the result. A bad value
// read from .env is reported with the file's path, since the environment does not show it.
func LoadConfig(o Overrides, getenv func(string) string, dir string) (Config, error) {
	dotenv, err := readDotEnv(filepath.Join(dir, ".env"))
	if err != nil {
		return Config{}, err
	}
	fromFlag := map[string]bool{}
	pick := func(flag, name string) string {
		if v := strings.TrimSpace(flag); v != "" {
			fromFlag[name] = true
			return v
		}
		if getenv != nil {
			if v := strings.TrimSpace(getenv(name)); v != "" {
				dotenv.shadowed(name)
				return v
			}
		}
		return strings.TrimSpace(dotenv.vals[name].value)
	}
	raw := rawConfig{
		env:          pick(o.Env, VarEnv),
		clientID:     pick(o.ClientID, VarClientID),
		secret:       pick(o.Secret, VarSecret),
		baseURL:      pick(o.BaseURL, VarBaseURL),
		products:     pick(o.Products, VarProducts),
		countryCodes: pick(o.CountryCodes, VarCountryCodes),
		redirectURI:  pick(o.RedirectURI, VarRedirectURI),
	}
	cfg, err := raw.validate()
	var ce *ConfigError
	if errors.As(err, &ce) && fromFlag[ce.Variable] && flagNames[ce.Variable] != "" {
		// The value at fault was typed as a flag: naming the variable would send the user
		// to look for a setting they never made.
		ce.Variable = flagNames[ce.Variable]
	} else if errors.As(err, &ce) {
		dotenv.blame(ce)
	}
	cfg.CodeLang = pick(o.CodeLang, VarCodeLang)
	cfg.Warnings = dotenv.warnings
	return cfg, err
}

// flagNames are the command-line flags that override each variable (see Overrides).
var flagNames = map[string]string{
	VarEnv:          "--env",
	VarBaseURL:      "--base-url",
	VarProducts:     "--products",
	VarCountryCodes: "--country-codes",
	VarRedirectURI:  "--redirect-uri",
}

// FlagFor is the flag that overrides a variable ("" for the keys, which have no flag).
func FlagFor(variable string) string { return flagNames[variable] }

// rawConfig is the merged, not yet validated, set of values.
type rawConfig struct {
	env, clientID, secret, baseURL, products, countryCodes, redirectURI string
}

func (r rawConfig) validate() (Config, error) {
	var cfg Config
	var err error
	if cfg.Env, err = r.resolveEnv(); err != nil {
		return Config{}, err
	}
	if cfg.Env != EnvOffline {
		if err := r.checkKeys(); err != nil {
			return Config{}, err
		}
		cfg.ClientID, cfg.Secret = r.clientID, r.secret
		if cfg.BaseURL, err = checkBaseURL(r.baseURL); err != nil {
			return Config{}, err
		}
	}
	if cfg.Products, err = parseProducts(r.products); err != nil {
		return Config{}, err
	}
	if cfg.CountryCodes, err = parseCountryCodes(r.countryCodes); err != nil {
		return Config{}, err
	}
	if cfg.RedirectURI, err = checkRedirectURI(r.redirectURI, cfg.Env); err != nil {
		return Config{}, err
	}
	return cfg, nil
}

// resolveEnv picks the environment: keys mean sandbox unless PLAID_ENV says otherwise, no
// keys mean offline. An explicit "offline" ignores any keys.
func (r rawConfig) resolveEnv() (Env, error) {
	switch strings.ToLower(r.env) {
	case "":
		if r.clientID == "" && r.secret == "" {
			if r.baseURL != "" {
				return "", &ConfigError{VarBaseURL, "is set but " + VarClientID + " and " + VarSecret + " are not",
					"set the keys of that host too ('plaidwalk emulator' prints all three), or unset " + VarBaseURL + " to use the built-in emulator"}
			}
			return EnvOffline, nil
		}
		return EnvSandbox, nil
	case "offline":
		return EnvOffline, nil
	case "sandbox":
		return EnvSandbox, nil
	case "production":
		return EnvProduction, nil
	case "development":
		return "", &ConfigError{VarEnv, "development is no longer a Plaid environment: Plaid shut it down on 2024-06-20",
			"use sandbox for test data or production for real banks"}
	}
	return "", &ConfigError{VarEnv, "unknown environment " + quote(r.env),
		"use sandbox or production with your keys, or offline (the default without keys)"}
}

func (r rawConfig) checkKeys() error {
	switch {
	case r.clientID == "" && r.secret == "":
		return &ConfigError{VarClientID, "is not set but " + VarEnv + "=" + strings.ToLower(r.env) + " needs your Plaid keys",
			"set " + VarClientID + " and " + VarSecret + " from the Dashboard's Keys page, or unset " + VarEnv + " to run offline"}
	case r.secret == "":
		return &ConfigError{VarSecret, "is not set but " + VarClientID + " is",
			"set " + VarSecret + " to the secret of the same environment (Dashboard > Developers > Keys), or unset " + VarClientID + " to run offline"}
	case r.clientID == "":
		return &ConfigError{VarClientID, "is not set but " + VarSecret + " is",
			"set " + VarClientID + " (Dashboard > Developers > Keys), or unset " + VarSecret + " to run offline"}
	}
	return nil
}

func quote(s string) string { return "\"" + s + "\"" }
