package main

import (
	"context"
	"fmt"
)

// cmdTUI is a placeholder until its work lands.
func cmdTUI(_ context.Context, c *cli, _ []string) int {
	fmt.Fprintln(c.stderr, "plaidwalk: this command is not built yet")
	return 2
}
