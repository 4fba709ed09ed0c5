package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// cli carries the process's outside world, so every command can be run from a test.
type cli struct {
	getenv func(string) string
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
	deps   deps // the browser, the network, the emulator: the real ones unless a test's
}

// command is one subcommand: its name, a one-line summary, its entry point and its flags
// (for completion; nil when it has none worth completing).
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, c *cli, args []string) int
	flags   func() *flag.FlagSet
}

func commands() []command {
	return []command{
		{"run", "walk a partner flow without the terminal UI and print the tokens", cmdRun, func() *flag.FlagSet { return runFlags(&runOptions{}) }},
		{"partners", "list the partner catalog", cmdPartners, func() *flag.FlagSet { return partnersFlags(new(bool)) }},
		{"sessions", "list, show and export saved walks", cmdSessions, sessionsFlags},
		{"replay", "re-run a saved walk and compare it step by step", cmdReplay, func() *flag.FlagSet { return replayFlags(&replayOptions{}) }},
		{"emulator", "run the offline Plaid emulator on its own", cmdEmulator, func() *flag.FlagSet { return emulatorFlags(&emulatorOptions{}) }},
		{"listen", "receive webhooks on this machine, check their signatures, forward them to your app", cmdListen, func() *flag.FlagSet { return listenFlags(&listenOptions{}) }},
		{"version", "print plaidwalk's version", cmdVersion, nil},
		{"completion", "print a shell completion script: plaidwalk completion bash|zsh|fish", cmdCompletion, nil},
	}
}

// run is the whole program: it parses args, picks a command and returns the exit code.
// With no command (or only flags) it opens the terminal UI.
func run(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(ctx, deps{}, args, getenv, stdin, stdout, stderr)
}

// runWith is run with the dependencies d (deps.go): tests reach the program through it.
func runWith(ctx context.Context, d deps, args []string, getenv func(string) string, stdin io.Reader, stdout, stderr io.Writer) int {
	c := &cli{getenv: getenv, stdin: stdin, stdout: stdout, stderr: stderr, deps: d}
	if len(args) == 0 || strings.HasPrefix(args[0], "-") {
		switch {
		case len(args) > 0 && isHelp(args[0]):
			printUsage(stdout)
			return 0
		case len(args) > 0 && (args[0] == "--version" || args[0] == "-v"):
			return cmdVersion(ctx, c, args[1:])
		}
		return cmdTUI(ctx, c, args)
	}
	return dispatch(ctx, c, args)
}

func findCommand(name string) (command, bool) {
	for _, cmd := range commands() {
		if cmd.name == name {
			return cmd, true
		}
	}
	return command{}, false
}

func isHelp(arg string) bool {
	return arg == "-h" || arg == "--help" || arg == "-help"
}

func printUsage(w io.Writer) {
	fmt.Fprintf(w, `plaidwalk walks you through a Plaid partner integration, one API call at a time.

Usage:
  plaidwalk [flags]            open the terminal UI (offline emulator unless Plaid keys are set)
  plaidwalk <command> [flags]

Commands:
`)
	for _, cmd := range commands() {
		fmt.Fprintf(w, "  %-10s %s\n", cmd.name, cmd.summary)
	}
	fmt.Fprintf(w, `
'plaidwalk --version' (or -v) prints the version.
Run 'plaidwalk <command> --help' (or 'plaidwalk help <command>') for a command's flags,
'plaidwalk --help-tui' (or 'plaidwalk help tui') for the UI's.

Environment (also read from .env in the working directory; flags win):
  PLAID_CLIENT_ID, PLAID_SECRET   your Plaid keys; without them plaidwalk runs offline
  PLAID_ENV                       sandbox (default with keys) or production
  PLAID_PRODUCTS                  comma list of Link products, e.g. auth,identity
  PLAID_COUNTRY_CODES             comma list, e.g. US,CA
  PLAID_REDIRECT_URI              OAuth redirect URI allow-listed in the Plaid Dashboard
  PLAID_BASE_URL                  talk to another Plaid-compatible host (e.g. 'plaidwalk emulator')
`)
}

func cmdVersion(_ context.Context, c *cli, args []string) int {
	if len(args) > 0 && isHelp(args[0]) {
		fmt.Fprintln(c.stdout, "Usage: plaidwalk version\n\nPrints plaidwalk's version.")
		return 0
	}
	if len(args) > 0 {
		fmt.Fprintf(c.stderr, "plaidwalk version: unexpected argument %q (it takes none)\nRun 'plaidwalk version --help'.\n", args[0])
		return 2
	}
	fmt.Fprintf(c.stdout, "plaidwalk %s\n", version)
	return 0
}

// cmdHelp is `plaidwalk help [COMMAND]`: the overview, or that command's own --help.
func cmdHelp(ctx context.Context, c *cli, args []string) int {
	if len(args) == 0 {
		printUsage(c.stdout)
		return 0
	}
	if args[0] == "tui" || args[0] == "ui" {
		printTUIUsage(c.stdout)
		return 0
	}
	if cmd, ok := findCommand(args[0]); ok {
		return cmd.run(ctx, c, []string{"--help"})
	}
	fmt.Fprintf(c.stderr, "plaidwalk help: there is no command %q; the commands are %s (and 'plaidwalk help tui' for the terminal UI)\n",
		args[0], strings.Join(commandNames(), ", "))
	return 2
}

// parseFlags parses a command's flags wherever they stand among its arguments and returns
// the arguments; it refuses more than maxArgs of them. When done, the command returns code
// at once: 0 after --help (usage on stdout), 2 after a bad flag or argument (the problem and
// where to look on stderr).
func parseFlags(c *cli, fs *flag.FlagSet, args []string, maxArgs int, usage func(io.Writer)) (pos []string, done bool, code int) {
	pos, err := parseInterspersed(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(c.stdout)
		return nil, true, 0
	case err != nil:
		fmt.Fprintf(c.stderr, "plaidwalk %s: %v\nRun 'plaidwalk %s --help' for the flags.\n", fs.Name(), err, fs.Name())
		return nil, true, 2
	case len(pos) > maxArgs:
		fmt.Fprintf(c.stderr, "plaidwalk %s: unexpected argument %q\nRun 'plaidwalk %s --help' for the flags.\n", fs.Name(), pos[maxArgs], fs.Name())
		return nil, true, 2
	}
	return pos, false, 0
}

// parseInterspersed parses flags wherever they are among the positional arguments
// ("ID --json" as well as "--json ID"; the flag package alone stops at the first non-flag).
// After "--" everything is an argument, even what starts with a dash.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	typed := args
	for {
		if err := fs.Parse(args); err != nil {
			return nil, flagError(fs, typed, err)
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			return append(pos, rest...), nil
		}
		if len(rest) == 0 {
			return pos, nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}
