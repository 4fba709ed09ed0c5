// Command plaidwalk walks a developer through a Plaid partner integration.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	// SIGHUP (the terminal was closed) is handled as ctrl+c and SIGTERM are: left to its
	// default it would kill the process before the walk is saved or the screen restored.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM, syscall.SIGHUP)
	code := run(ctx, os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
