package main

import (
	"context"
	"fmt"
)

// cmdSessions is a placeholder until its work lands.
func cmdSessions(_ context.Context, c *cli, _ []string) int {
	fmt.Fprintln(c.stderr, "plaidwalk: this command is not built yet")
	return 2
}
