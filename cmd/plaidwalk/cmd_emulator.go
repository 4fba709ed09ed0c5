package main

import (
	"context"
	"fmt"
)

// cmdEmulator is a placeholder until its work lands.
func cmdEmulator(_ context.Context, c *cli, _ []string) int {
	fmt.Fprintln(c.stderr, "plaidwalk: this command is not built yet")
	return 2
}
