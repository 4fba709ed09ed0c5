package main

import (
	"context"
	"fmt"
)

// cmdRun is a placeholder until its work lands.
func cmdRun(_ context.Context, c *cli, _ []string) int {
	fmt.Fprintln(c.stderr, "plaidwalk: this command is not built yet")
	return 2
}
