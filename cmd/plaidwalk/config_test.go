package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"os"
	"strings"
	"testing"

	"plaidwalk/emulator"
	"plaidwalk/plaidflow"
)

func writeFile(path, content string) error { return os.WriteFile(path, []byte(content), 0o600) }

func TestSetupEnvOfflineStartsTheEmulator(t *testing.T) {
	var stderr bytes.Buffer
	c := &cli{deps: testDeps(), getenv: func(string) string { return "" }, stdout: &bytes.Buffer{}, stderr: &stderr}
	cfg, stop, err := setupEnv(context.Background(), c, plaidflow.Overrides{})
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Env != plaidflow.EnvOffline || !strings.HasPrefix(cfg.BaseURL, "http://127.0.0.1:") || cfg.ClientID != emulator.TestClientID {
		t.Fatalf("cfg %+v", cfg)
	}
	resp, err := http.Post(cfg.BaseURL+"/item/get", "application/json", strings.NewReader(`{}`))
	if err != nil {
		t.Fatalf("emulator not reachable: %v", err)
	}
	resp.Body.Close()
	stop()
	if _, err := http.Post(cfg.BaseURL+"/item/get", "application/json", strings.NewReader(`{}`)); err == nil {
		t.Error("stop should shut the emulator down")
	}
	if !strings.Contains(plaidflow.EnvLabel(cfg), "not real") {
		t.Errorf("offline must say its tokens are not real: %q", plaidflow.EnvLabel(cfg))
	}
}

func TestSetupEnvWithKeysStartsNothing(t *testing.T) {
	env := map[string]string{"PLAID_CLIENT_ID": "cid", "PLAID_SECRET": "sec"}
	c := &cli{deps: testDeps(), getenv: func(k string) string { return env[k] }, stdout: &bytes.Buffer{}, stderr: &bytes.Buffer{}}
	cfg, stop, err := setupEnv(context.Background(), c, plaidflow.Overrides{})
	defer stop()
	if err != nil || cfg.Env != plaidflow.EnvSandbox || cfg.BaseURL != "" {
		t.Fatalf("cfg %+v, %v", cfg, err)
	}
	if got := plaidflow.EnvLabel(cfg); !strings.Contains(got, "sandbox.plaid.com") {
		t.Errorf("label %q", got)
	}
}

func TestExitForSetupError(t *testing.T) {
	var stderr bytes.Buffer
	c := &cli{stderr: &stderr}
	code := exitForSetupError(c, &plaidflow.ConfigError{Variable: "PLAID_ENV", Problem: "is wrong", Fix: "set it right"})
	if code != 2 || !strings.Contains(stderr.String(), "PLAID_ENV: is wrong") || !strings.Contains(stderr.String(), "fix: set it right") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
	stderr.Reset()
	if code := exitForSetupError(c, errors.New("port in use")); code != 1 || !strings.Contains(stderr.String(), "port in use") {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
}

// run's header names a host that is not Plaid's, without any password in its URL.
func TestEnvLabelNamesACustomHostWithoutItsPassword(t *testing.T) {
	got := plaidflow.EnvLabel(plaidflow.Config{Env: plaidflow.EnvSandbox, BaseURL: "http://user:hunter2@127.0.0.1:8765/"})
	if got != "sandbox keys at http://127.0.0.1:8765 (not Plaid's host)" {
		t.Errorf("label %q", got)
	}
}
