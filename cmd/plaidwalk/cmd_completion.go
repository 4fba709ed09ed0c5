package main

import (
	"context"
	"embed"
	"flag"
	"fmt"
	"io"

	"plaidwalk/internal/termtext"
)

func printCompletionUsage(w io.Writer) {
	fmt.Fprint(w, `Usage: plaidwalk completion bash|zsh|fish

Prints a script that lets your shell complete plaidwalk's commands, their flags, the partner
ids after --partner and the choices of --link, --env and --format. The script asks plaidwalk
itself for the words, so it stays right when the catalog changes.

Load it for this shell:       source <(plaidwalk completion bash)
Load it in every new bash:    plaidwalk completion bash > ~/.local/share/bash-completion/completions/plaidwalk
zsh (compinit on):            plaidwalk completion zsh > "${fpath[1]}/_plaidwalk"
fish:                         plaidwalk completion fish > ~/.config/fish/completions/plaidwalk.fish

Exit codes: 0 the script was printed; 2 no shell or one plaidwalk has no script for.
`)
}

// completionScripts are the scripts `completion` prints, one per shell. They are short
// because plaidwalk answers them: each calls the hidden __complete (complete.go) for the words.
//
//go:embed completions/plaidwalk.bash completions/plaidwalk.zsh completions/plaidwalk.fish
var completionScripts embed.FS

// cmdCompletion prints the completion script of one shell.
func cmdCompletion(_ context.Context, c *cli, args []string) int {
	fs := flag.NewFlagSet("completion", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	pos, done, code := parseFlags(c, fs, args, 1, printCompletionUsage)
	if done {
		return code
	}
	if len(pos) == 0 {
		fmt.Fprintln(c.stderr, "plaidwalk completion: name the shell: bash, zsh or fish.\nRun 'plaidwalk completion --help'.")
		return 2
	}
	switch pos[0] {
	case "bash", "zsh", "fish":
	default:
		fmt.Fprintf(c.stderr, "plaidwalk completion: no script for %q; plaidwalk has one for bash, zsh and fish.\n", termtext.SingleLine(pos[0]))
		return 2
	}
	script, err := completionScripts.ReadFile("completions/plaidwalk." + pos[0])
	if err == nil {
		_, err = c.stdout.Write(script)
	}
	if err != nil {
		fmt.Fprintf(c.stderr, "plaidwalk completion: %v\n", err)
		return 1
	}
	return 0
}
