package main

import (
	"context"
	"flag"
	"fmt"
	"plaidwalk/codegen"
	"strings"

	"github.com/spf13/cobra"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
)

// newRootCommand builds plaidwalk's command tree on cobra, for what cobra does well: finding
// the command, "did you mean" for a mistyped one, and shell completion (`completion
// bash|zsh|fish`, cmd_completion.go, and the hidden `__complete` the scripts call). Each command still parses
// its own flags (DisableFlagParsing), so its --help text, its messages and its exit codes
// stay its own; *code receives the exit code of the command that ran.
func newRootCommand(ctx context.Context, c *cli, code *int) *cobra.Command {
	root := &cobra.Command{
		Use:           "plaidwalk",
		Short:         "walk a Plaid partner integration, one API call at a time",
		SilenceErrors: true,
		SilenceUsage:  true,
		// The UI's flags are parsed by cmdTUI; cobra would refuse them as unknown.
		DisableFlagParsing: true,
		// Completing the root offers the UI's flags; its arguments are the commands.
		ValidArgsFunction: completeFlags(func() *flag.FlagSet { return tuiFlags(&tuiOptions{}) }),
	}
	// Our own completion command (cmd_completion.go) has help in our words and our exit codes.
	root.CompletionOptions.DisableDefaultCmd = true
	root.SetOut(c.stdout)
	root.SetErr(c.stderr)
	root.SetIn(c.stdin)
	for _, cmd := range commands() {
		complete := completeFlags(cmd.flags)
		if cmd.name == "completion" {
			complete = cobra.FixedCompletions([]string{"bash", "zsh", "fish"}, cobra.ShellCompDirectiveNoFileComp)
		}
		root.AddCommand(&cobra.Command{
			Use:                cmd.name,
			Short:              cmd.summary,
			DisableFlagParsing: true,
			ValidArgsFunction:  complete,
			RunE: func(_ *cobra.Command, args []string) error {
				*code = cmd.run(ctx, c, args)
				return nil
			},
		})
	}
	root.SetHelpCommand(&cobra.Command{
		Use:                "help [command]",
		Short:              "show the help of plaidwalk or of one command",
		DisableFlagParsing: true,
		ValidArgsFunction: func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
			return append(commandNames(), "tui"), cobra.ShellCompDirectiveNoFileComp
		},
		RunE: func(_ *cobra.Command, args []string) error {
			*code = cmdHelp(ctx, c, args)
			return nil
		},
	})
	return root
}

// completeFlags completes a command's arguments: its flag names after a dash, partner ids
// after --partner and the --link and --format choices; otherwise nothing (and no file names,
// except after the flags that take a file).
func completeFlags(flags func() *flag.FlagSet) cobra.CompletionFunc {
	return func(_ *cobra.Command, args []string, toComplete string) ([]string, cobra.ShellCompDirective) {
		if flags == nil {
			return nil, cobra.ShellCompDirectiveNoFileComp
		}
		fs := flags()
		if len(args) > 0 {
			switch strings.TrimLeft(args[len(args)-1], "-") {
			case "partner":
				return partnerIDs(), cobra.ShellCompDirectiveNoFileComp
			case "link":
				return []string{linkShortcut, linkBrowser, linkHosted}, cobra.ShellCompDirectiveNoFileComp
			case "format":
				return append(append([]string{"curl"}, codegen.Languages...), "markdown"), cobra.ShellCompDirectiveNoFileComp
			case "lang":
				return codegen.Languages, cobra.ShellCompDirectiveNoFileComp
			case "env":
				return []string{"offline", "sandbox", "production"}, cobra.ShellCompDirectiveNoFileComp
			case "save":
				return nil, cobra.ShellCompDirectiveDefault
			}
		}
		if strings.HasPrefix(toComplete, "-") {
			var names []string
			fs.VisitAll(func(f *flag.Flag) {
				if strings.HasPrefix("--"+f.Name, toComplete) {
					names = append(names, "--"+f.Name+"\t"+f.Usage)
				}
			})
			return names, cobra.ShellCompDirectiveNoFileComp
		}
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
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

func commandNames() []string {
	var names []string
	for _, cmd := range commands() {
		names = append(names, cmd.name)
	}
	return names
}

// unknownCommand says a command does not exist, with cobra's suggestions for what was meant.
func unknownCommand(c *cli, root *cobra.Command, name string) int {
	msg := fmt.Sprintf("plaidwalk: unknown command %q.", termtext.SingleLine(name))
	if s := root.SuggestionsFor(name); len(s) > 0 {
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
