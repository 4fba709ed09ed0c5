package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"plaidwalk/internal/termtext"
	"plaidwalk/sessions"
)

const sessionsUsage = `Usage:
  plaidwalk sessions                       list saved walks, newest first
  plaidwalk sessions show ID|FILE [--json] print one walk as a timeline, or as JSON for scripts
  plaidwalk sessions export ID|FILE --format curl|node|python|go|ruby|java|markdown
                                           print it as a runnable curl script, a program with
                                           Plaid's library in that language, or a Markdown write-up

Every walk ('plaidwalk run', the terminal UI) is saved unless --no-save is given, in
$XDG_STATE_HOME/plaidwalk/sessions (default ~/.local/state/plaidwalk/sessions), one JSON file
each. An ID may be shortened to any unique prefix, or be 'latest' (the walk that started
last; files that cannot be read are listed last, with the reason). Sessions never hold the
client secret or a whole token, so they can be attached to a support ticket.
'plaidwalk replay ID' runs a saved walk again and compares the outcome.
`

// cmdSessions lists, shows and exports saved sessions.
func cmdSessions(_ context.Context, c *cli, args []string) int {
	if len(args) > 0 && (isHelp(args[0]) || args[0] == "help") {
		fmt.Fprint(c.stdout, sessionsUsage)
		return 0
	}
	store, err := sessions.OpenStore(c.getenv)
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk sessions: %v\n", err)
		return 2
	}
	if len(args) == 0 || args[0] == "list" {
		if len(args) > 1 {
			return sessionsUsageError(c, "'sessions list' takes no arguments")
		}
		return listSessions(c, store)
	}
	switch args[0] {
	case "show":
		return showSession(c, store, args[1:])
	case "export":
		return exportSession(c, store, args[1:])
	}
	return sessionsUsageError(c, fmt.Sprintf("unknown subcommand %q", args[0]))
}

func sessionsUsageError(c *cli, msg string) int {
	fmt.Fprintf(c.stderr, "plaidwalk sessions: %s\nRun 'plaidwalk sessions --help' for the usage.\n", msg)
	return 2
}

func listSessions(c *cli, store *sessions.Store) int {
	entries, err := store.List()
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk sessions: %v\n", err)
		return 1
	}
	if len(entries) == 0 {
		fmt.Fprintf(c.stdout, "No saved sessions in %s yet.\nEvery 'plaidwalk run' and terminal UI walk is saved there.\n", store.Dir)
		return 0
	}
	if err := sessions.WriteList(c.stdout, entries); err != nil {
		return 1
	}
	return 0
}

const showUsage = `Usage: plaidwalk sessions show ID|FILE [--json]

Prints a saved walk as a timeline: its inputs, every API call and Link event in order,
and the outcome. Tokens stay masked.

  --json   print the walk as one JSON document for scripts instead: the session file's
           fields (format, version, id, inputs, link, outcome; see sessions/FORMAT.md) with
           each call as in 'plaidwalk run --json' (time, method, path, status, latency_ms,
           request_id, error_code, and request_body / response_body embedded as JSON).
           Like the timeline it is cleaned of terminal escapes, and tokens stay masked.
`

func showSession(c *cli, store *sessions.Store, args []string) int {
	fs := flag.NewFlagSet("sessions show", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	asJSON := fs.Bool("json", false, "print one JSON document for scripts")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(c.stdout, showUsage)
			return 0
		}
		return sessionsUsageError(c, err.Error())
	}
	if len(pos) != 1 {
		return sessionsUsageError(c, "'sessions show' needs one session id or file")
	}
	s, ok := loadSession(c, store, pos[0])
	if !ok {
		return 2
	}
	// The output goes to a buffer first: a session refused halfway prints nothing of it.
	write := sessions.WriteTimeline
	if *asJSON {
		write = sessions.WriteJSON
	}
	var out bytes.Buffer
	if err := write(&out, s); err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk sessions show: %s\n", termtext.SingleLine(err.Error()))
		return 1
	}
	_, _ = c.stdout.Write(out.Bytes())
	return 0
}

func exportSession(c *cli, store *sessions.Store, args []string) int {
	fs := flag.NewFlagSet("sessions export", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "", "curl, node, python, go, ruby, java or markdown")
	lang := fs.String("lang", "", "with --format markdown: add the program in this language (node, python, go, ruby, java)")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(c.stdout, exportUsage)
			printFlags(c.stdout, fs)
			return 0
		}
		return sessionsUsageError(c, err.Error())
	}
	if len(pos) != 1 {
		return sessionsUsageError(c, "'sessions export' needs one session id or file")
	}
	write, msg := exportWriter(*format, *lang)
	if write == nil {
		return sessionsUsageError(c, msg)
	}
	s, ok := loadSession(c, store, pos[0])
	if !ok {
		return 2
	}
	var out bytes.Buffer
	if err := write(&out, s); err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk sessions export: %s\n", termtext.SingleLine(err.Error()))
		return 1
	}
	_, _ = c.stdout.Write(out.Bytes())
	return 0
}

// loadSession reads a session by id or path; a bad file is reported and nothing else is done.
func loadSession(c *cli, store *sessions.Store, ref string) (sessions.Session, bool) {
	s, _, err := store.Load(ref)
	if err != nil {
		// An id is tried first (a directory may share its name); only then is a directory
		// named as what it is, rather than as a file that is missing.
		if info, serr := os.Stat(ref); serr == nil && info.IsDir() {
			fmt.Fprintf(c.stderr, "plaidwalk: %s is a directory, not a session: give one session file in it (a .json file plaidwalk saved) or a session id or 'latest' (run 'plaidwalk sessions' for the ids)\n",
				termtext.SingleLine(ref))
			return s, false
		}
		// The message may quote the file's own text (an id, a path from it): cleaned like it.
		fmt.Fprintf(c.stderr, "plaidwalk: %s\n", termtext.SingleLine(err.Error()))
		return s, false
	}
	return s, true
}
