package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"plaidwalk/internal/termtext"
)

// dispatch runs the command args name (args[0]): one of commands(), `help`, or the hidden
// `__complete` the completion scripts call (complete.go). Each command parses its own flags,
// so its --help text, its messages and its exit codes are its own; dispatch returns the exit
// code of the command that ran.
func dispatch(ctx context.Context, c *cli, args []string) int {
	switch name := args[0]; name {
	case "help":
		return cmdHelp(ctx, c, args[1:])
	case "__complete":
		return cmdComplete(c, args[1:])
	default:
		if cmd, ok := findCommand(name); ok {
			return cmd.run(ctx, c, args[1:])
		}
		return unknownCommand(c, name)
	}
}

// commandNames are the names of commands(): the commands that have a --help.
func commandNames() []string {
	var names []string
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	return names
}

// unknownCommand says a command does not exist, with the commands it may have meant.
func unknownCommand(c *cli, name string) int {
	msg := fmt.Sprintf("plaidwalk: unknown command %q.", termtext.SingleLine(name))
	if s := nearNames(strings.ToLower(name), append(commandNames(), "help")); len(s) > 0 {
		msg += " Did you mean " + strings.Join(s, " or ") + "?"
	}
	fmt.Fprintln(c.stderr, msg+"\nRun 'plaidwalk --help' to see the commands.")
	return 2
}

// sessionsFlags are the flags of `sessions show` and `sessions export`, for completion
// (cmd_sessions.go parses them).
func sessionsFlags() *flag.FlagSet {
	fs := flag.NewFlagSet("sessions", flag.ContinueOnError)
	fs.Bool("json", false, "one JSON document for scripts (sessions show)")
	fs.String("format", "", "curl, node, python, go, ruby, java or markdown (sessions export)")
	fs.String("lang", "", "the program's language in a markdown export (sessions export)")
	return fs
}
