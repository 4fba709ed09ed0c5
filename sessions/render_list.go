package sessions

import (
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// listWidth is the row width `plaidwalk sessions` aims for: the outcome column gives way so
// the id, the last column and the one users copy, stays on a terminal. `sessions show`
// prints the outcome in full.
const listWidth = 100

// minOutcomeWidth keeps the common outcomes ("error: PRODUCTS_NOT_SUPPORTED") whole even
// when the other columns are wide.
const minOutcomeWidth = 30

// listEnvWidth bounds the ENV column, which names the host for a non-Plaid one.
const listEnvWidth = 28

// WriteList prints the store's entries as a table, newest first. Files that cannot be read
// follow the table on lines of their own, so a long problem does not widen every row.
func WriteList(w io.Writer, entries []Entry) error {
	var readable, unreadable []Entry
	for _, e := range entries {
		if e.Err != nil {
			unreadable = append(unreadable, e)
		} else {
			readable = append(readable, e)
		}
	}
	outcomeWidth := listOutcomeWidth(readable)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WHEN (UTC)\tPARTNER\tENV\tOUTCOME\tID")
	for _, e := range readable {
		s := printable(e.Session)
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", s.StartedAt.UTC().Format("2006-01-02 15:04:05"),
			clean(s.Inputs.Partner), listEnv(s.Inputs), truncate(clean(s.Outcome.Summary()), outcomeWidth), clean(e.ID))
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	for _, e := range unreadable {
		if _, err := fmt.Fprintf(w, "%-19s  unreadable: %s  %s\n", "-", clean(problemOf(e.Err)), clean(e.ID)); err != nil {
			return err
		}
	}
	return nil
}

// listOutcomeWidth is what is left of listWidth for the outcome once the other columns and
// the gaps between them are placed.
func listOutcomeWidth(entries []Entry) int {
	partner, env, id := len("PARTNER"), len("ENV"), len("ID")
	for _, e := range entries {
		partner = max(partner, utf8.RuneCountInString(clean(e.Session.Inputs.Partner)))
		env = max(env, utf8.RuneCountInString(listEnv(e.Session.Inputs)))
		id = max(id, utf8.RuneCountInString(clean(e.ID)))
	}
	const when, gaps = len("2006-01-02 15:04:05"), 4 * 2
	return max(listWidth-when-partner-env-id-gaps, minOutcomeWidth)
}

// listEnv is the ENV cell: the environment, with a non-Plaid host named without its scheme.
func listEnv(in Inputs) string {
	label := in.Env
	if in.Host != "" {
		host := in.Host
		if _, rest, ok := strings.Cut(host, "://"); ok {
			host = rest
		}
		label += " at " + host
	}
	return truncate(clean(label), listEnvWidth)
}

// truncate shortens s to n runes, the last one an ellipsis, when it is longer.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
