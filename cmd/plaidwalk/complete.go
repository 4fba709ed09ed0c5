package main

import (
	"flag"
	"fmt"
	"strings"

	"plaidwalk/codegen"
	"plaidwalk/plaidflow"
)

// The hidden `plaidwalk __complete WORD... CURRENT` answers the completion scripts
// (cmd_completion.go): the words that may replace CURRENT, one a line, each optionally
// followed by a tab and a description, and then a last line ":N" saying what the shell may
// offer when no word fits. The protocol is cobra's, which plaidwalk once used, so scripts
// a user installed then keep working.
const (
	completeFiles  = 0 // file names (after a flag that takes a file)
	completeNoFile = 4 // nothing: the words are all there is
)

// cmdComplete prints the words that complete args' last element, given the ones before it.
func cmdComplete(c *cli, args []string) int {
	if len(args) == 0 {
		args = []string{""}
	}
	typed, before := args[len(args)-1], args[:len(args)-1]
	words, directive := completeWords(before, typed)
	for _, w := range words {
		if word, _, _ := strings.Cut(w, "\t"); strings.HasPrefix(word, typed) {
			fmt.Fprintln(c.stdout, w)
		}
	}
	fmt.Fprintf(c.stdout, ":%d\n", directive)
	return 0
}

// completeWords are the candidates for the word after before (unfiltered: cmdComplete keeps
// those that start with what was typed) and the directive for when none fits.
func completeWords(before []string, typed string) ([]string, int) {
	tui := func() *flag.FlagSet { return tuiFlags(&tuiOptions{}) }
	switch {
	case len(before) == 0 && !strings.HasPrefix(typed, "-"):
		var words []string
		for _, cmd := range commands() {
			words = append(words, cmd.name+"\t"+cmd.summary)
		}
		return append(words, "help\tshow the help of plaidwalk or of one command"), completeNoFile
	case len(before) == 0 || strings.HasPrefix(before[0], "-"):
		// Flags before any command are the terminal UI's.
		return flagWords(tui(), before, typed)
	case before[0] == "help" && len(before) == 1:
		return append(commandNames(), "tui"), completeNoFile
	case before[0] == "completion" && len(before) == 1:
		return []string{"bash", "zsh", "fish"}, completeNoFile
	}
	if cmd, ok := findCommand(before[0]); ok && cmd.flags != nil {
		return flagWords(cmd.flags(), before[1:], typed)
	}
	return nil, completeNoFile
}

// flagWords complete a command's arguments: its flag names after a dash, partner ids after
// --partner and the choices of --link, --format, --lang and --env; otherwise nothing (and no
// file names, except after the flags that take a file).
func flagWords(fs *flag.FlagSet, before []string, typed string) ([]string, int) {
	if len(before) > 0 {
		switch strings.TrimLeft(before[len(before)-1], "-") {
		case "partner":
			return partnerIDs(), completeNoFile
		case "link":
			return []string{linkShortcut, linkBrowser, linkHosted}, completeNoFile
		case "format":
			return append(append([]string{"curl"}, codegen.Languages...), "markdown"), completeNoFile
		case "lang":
			return codegen.Languages, completeNoFile
		case "env":
			return []string{"offline", "sandbox", "production"}, completeNoFile
		case "save":
			return nil, completeFiles
		}
	}
	if !strings.HasPrefix(typed, "-") {
		return nil, completeNoFile
	}
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		_, usage := flag.UnquoteUsage(f)
		names = append(names, "--"+f.Name+"\t"+usage)
	})
	return names, completeNoFile
}

// partnerIDs are the embedded catalog's partner ids, with their names as descriptions.
func partnerIDs() []string {
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		return nil
	}
	var ids []string
	for _, p := range catalog.Partners {
		if p.Runnable() {
			ids = append(ids, p.ID+"\t"+p.Name)
		}
	}
	return ids
}
