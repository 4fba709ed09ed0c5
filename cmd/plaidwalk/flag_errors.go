package main

import (
	"errors"
	"flag"
	"strings"

	"plaidwalk/internal/similar"
)

// The flag package reports a flag with one dash ("-jsno") whatever was typed; our help and
// messages spell flags with two. flagError rewrites its errors with the flag as typed and,
// for an unknown one, the nearest flags the command has.

// flagError turns a flag.FlagSet parse error into one that names the flag as args typed it.
func flagError(fs *flag.FlagSet, args []string, err error) error {
	msg := err.Error()
	if name, ok := strings.CutPrefix(msg, "flag provided but not defined: -"); ok {
		out := "unknown flag " + typedFlag(args, name)
		if s := similarFlags(fs, name); len(s) > 0 {
			out += "; did you mean " + strings.Join(s, " or ") + "?"
		}
		return errors.New(out)
	}
	if name, ok := strings.CutPrefix(msg, "flag needs an argument: -"); ok {
		return errors.New(typedFlag(args, name) + " needs a value, e.g. " + typedFlag(args, name) + " VALUE")
	}
	if strings.HasPrefix(msg, "invalid ") {
		if at := strings.Index(msg, " for flag -"); at >= 0 {
			rest := msg[at+len(" for flag -"):]
			name, _, _ := strings.Cut(rest, ":")
			return errors.New(strings.Replace(msg, " for flag -"+name, " for flag "+typedFlag(args, name), 1))
		}
	}
	return err
}

// typedFlag is how the user wrote flag name: "--jsno" or "-jsno" (without any =value).
func typedFlag(args []string, name string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		flagPart, _, _ := strings.Cut(a, "=")
		if strings.HasPrefix(flagPart, "-") && strings.TrimLeft(flagPart, "-") == name {
			return flagPart
		}
	}
	return "--" + name
}

// similarFlags are the command's flags near name (nearNames), spelled --name.
func similarFlags(fs *flag.FlagSet, name string) []string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) { names = append(names, f.Name) })
	out := nearNames(name, names)
	for i := range out {
		out[i] = "--" + out[i]
	}
	return out
}

// nearNames are the names a mistyped one may have meant, for the "did you mean" of a flag
// or a command: those within two edits of it, or that start with it (three letters or more).
func nearNames(typed string, names []string) []string {
	var out []string
	for _, n := range names {
		if similar.Distance(n, typed) <= 2 || (len(typed) >= 3 && strings.HasPrefix(n, typed)) {
			out = append(out, n)
		}
	}
	return out
}
