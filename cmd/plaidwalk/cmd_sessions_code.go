package main

import (
	"fmt"
	"io"
	"strings"

	"plaidwalk/codegen"
	"plaidwalk/sessions"
)

const exportUsage = `Usage: plaidwalk sessions export ID|FILE --format FORMAT [--lang LANG]

Prints the saved walk on stdout in one of these formats:
  curl      a bash script that makes the same API calls with curl and jq
  node      a JavaScript program using Plaid's Node library (npm install plaid; node walk.js)
  python    a Python program using plaid-python
  go        a Go program (package main) using plaid-go v43
  ruby      a Ruby program using the plaid gem
  java      a Java class (Walk.java) using plaid-java
  markdown  a write-up of the walk for a support ticket; --lang adds the program in one language

The scripts and programs repeat the walk from the link_token to the partner's token, Link
replaced by the sandbox shortcut (a comment shows where an app gets the public_token). Keys come
from PLAID_CLIENT_ID and PLAID_SECRET, the host from PLAID_ENV or PLAID_BASE_URL (so they run
against 'plaidwalk emulator'); each token is read from the response that made it and printed
masked unless PLAIDWALK_REVEAL=1. A Plaid error stops them with a non-zero exit status.

Flags:
`

// exportWriter is the writer of a format (and for markdown, the language of its code
// section), or nil and the usage problem.
func exportWriter(format, lang string) (func(io.Writer, sessions.Session) error, string) {
	formats := "curl, " + strings.Join(codegen.Languages, ", ") + " or markdown"
	if lang != "" && format != "markdown" && format != "md" {
		return nil, "--lang goes with --format markdown; for a program alone use --format " + safeFlagValue(lang)
	}
	if lang != "" && !codegen.Supported(lang) {
		return nil, fmt.Sprintf("--lang must be one of %s, not %q", strings.Join(codegen.Languages, ", "), lang)
	}
	switch {
	case format == "curl":
		return sessions.WriteCurl, ""
	case format == "markdown" || format == "md":
		if lang == "" {
			return sessions.WriteMarkdown, ""
		}
		return func(w io.Writer, s sessions.Session) error { return writeMarkdownWithCode(w, s, lang) }, ""
	case codegen.Supported(format):
		return func(w io.Writer, s sessions.Session) error { return codegen.Write(w, format, s) }, ""
	}
	return nil, fmt.Sprintf("--format must be %s, not %q", formats, format)
}

// writeMarkdownWithCode is the write-up with the program in lang as a last section.
func writeMarkdownWithCode(w io.Writer, s sessions.Session, lang string) error {
	var code strings.Builder
	if err := codegen.Write(&code, lang, s); err != nil {
		return err
	}
	if err := sessions.WriteMarkdown(w, s); err != nil {
		return err
	}
	fence := "```"
	for strings.Contains(code.String(), fence) {
		fence += "`"
	}
	_, err := fmt.Fprintf(w, "\n## The walk in %s\n\n%s%s\n%s%s\n", lang, fence, map[string]string{"node": "javascript"}[lang]+strings.TrimPrefix(lang, "node"), code.String(), fence)
	return err
}

// safeFlagValue is a flag value to repeat in a message: short, one line.
func safeFlagValue(s string) string {
	if len(s) > 20 || strings.ContainsAny(s, " \t\r\n\x1b") {
		return "LANG"
	}
	return s
}

// checkCodeLang checks the UI's first code language: --lang, else PLAIDWALK_LANG (the
// environment or .env, read with the rest of the configuration), else curl. An unknown one is
// a usage error (2) naming where it came from.
func checkCodeLang(c *cli, fromFlag bool, lang string) int {
	from := "PLAIDWALK_LANG"
	if fromFlag {
		from = "--lang"
	}
	if lang == "" || lang == "curl" || codegen.Supported(lang) {
		return 0
	}
	fmt.Fprintf(c.stderr, "plaidwalk: %s must be curl, %s, not %q\n", from, strings.Join(codegen.Languages, ", "), lang)
	return 2
}
