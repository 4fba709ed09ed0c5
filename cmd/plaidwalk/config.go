package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// walkAssetReportDelay is how long offline mode's emulator keeps a new Asset Report not ready.
// It is under plaidflow's first poll interval (250 ms): the walk still shows Plaid's
// PRODUCT_NOT_READY answer once, and has the report on its next poll instead of after the
// standalone emulator's 2 s (plaidwalk emulator --asset-report-delay sets that one).
const walkAssetReportDelay = 200 * time.Millisecond

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
	eo := c.deps.emulator
	if eo.AssetReportDelay == 0 {
		eo.AssetReportDelay = walkAssetReportDelay
	}
	baseURL, stopEmulator, err := emulator.New(eo).Serve(ctx, "")
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
