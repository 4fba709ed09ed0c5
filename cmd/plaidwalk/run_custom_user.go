package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"plaidwalk/plaidflow"
)

// settleShortcutUser fixes run's shortcut login before any call: without --username, a JSON
// configuration as --password logs in as user_custom (Plaid's custom user), so
// `run --password '{"override_accounts":[...]}'` alone reproduces a customer's account set.
// A --password that opens like JSON but does not parse is a usage error (2), said with where
// it breaks, instead of a login refused by Plaid.
func settleShortcutUser(c *cli, fs *flag.FlagSet, o *runOptions) int {
	given := false
	fs.Visit(func(f *flag.Flag) { given = given || f.Name == "username" })
	if strings.HasPrefix(strings.TrimSpace(o.password), "{") {
		var obj map[string]json.RawMessage
		if err := json.Unmarshal([]byte(o.password), &obj); err != nil {
			fmt.Fprintf(c.stderr, "plaidwalk run: --password looks like a custom user's JSON configuration but is not valid JSON (%v); "+
				"quote it whole for the shell, e.g. --password '%s'\n", err, plaidflow.CustomUserExample)
			return 2
		}
	}
	if !given {
		o.username = plaidflow.ShortcutUsername("", o.password)
	}
	return 0
}
