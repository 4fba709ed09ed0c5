package main

import (
	"context"
	"fmt"
)

// cmdPartners is a placeholder until its work lands.
func cmdPartners(_ context.Context, c *cli, _ []string) int {
	fmt.Fprintln(c.stderr, "plaidwalk: this command is not built yet")
	return 2
}
