package main

import (
	"context"
	"errors"
	"fmt"
	"os"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// setupEnv loads the configuration (flags in o > environment > .env in the working
// directory) and, in offline mode, starts the emulator on 127.0.0.1 and points the config
// at it with the emulator's keys. stop is always safe to call. A *plaidflow.ConfigError
// means nothing was started; hand it to exitForSetupError.
func setupEnv(ctx context.Context, c *cli, o plaidflow.Overrides) (cfg plaidflow.Config, stop func(), err error) {
	stop = func() {}
	dir, err := os.Getwd()
	if err != nil {
		return cfg, stop, fmt.Errorf("cannot find the working directory to read .env: %w", err)
	}
	cfg, err = plaidflow.LoadConfig(o, c.getenv, dir)
	for _, w := range cfg.Warnings {
		fmt.Fprintf(c.stderr, "plaidwalk: warning: %s\n", termtext.SingleLine(w))
	}
	if err != nil || cfg.Env != plaidflow.EnvOffline {
		return cfg, stop, err
	}
	baseURL, stopEmulator, err := emulator.New(c.deps.emulator).Serve(ctx, "")
	if err != nil {
		return cfg, stop, fmt.Errorf("cannot start the offline emulator: %w", err)
	}
	cfg.BaseURL = baseURL
	cfg.ClientID = emulator.TestClientID
	cfg.Secret = emulator.TestSecret
	return cfg, stopEmulator, nil
}

// exitForSetupError prints a setup error and returns the exit code: 2 for a configuration
// error (naming the variable and the fix), 1 for anything else.
func exitForSetupError(c *cli, err error) int {
	var ce *plaidflow.ConfigError
	if errors.As(err, &ce) {
		fmt.Fprintf(c.stderr, "plaidwalk: configuration error: %s: %s\n  fix: %s\n", ce.Variable, ce.Problem, ce.Fix)
		return 2
	}
	fmt.Fprintf(c.stderr, "plaidwalk: %v\n", err)
	return 1
}
