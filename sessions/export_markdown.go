package sessions

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
)

// WriteMarkdown writes a session as a write-up a support ticket can take: a summary, the
// inputs, the calls as a table, Link's events, and the failing call's bodies.
func WriteMarkdown(w io.Writer, s Session) error {
	if err := checkCalls(s.Calls); err != nil {
		return err
	}
	s = printable(s)
	in := s.Inputs
	fmt.Fprintf(w, "# plaidwalk session %s\n\n", mdText(s.ID))
	fmt.Fprintf(w, "| | |\n|---|---|\n")
	rows := [][2]string{
		{"Partner", partnerLabel(in)},
		{"Environment", in.EnvLabel() + offlineNote(in.Env)},
		{"Outcome", outcomeLine(s.Outcome)},
		{"Recorded", s.StartedAt.UTC().Format(time.RFC3339) + " (took " + s.FinishedAt.Sub(s.StartedAt).Round(time.Millisecond).String() + ")"},
		{"plaidwalk", s.Plaidwalk + sourceNote(s.Source)},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "| %s | %s |\n", r[0], mdCell(r[1]))
	}
	writeMarkdownInputs(w, in)
	writeMarkdownCalls(w, s.Calls)
	writeMarkdownLink(w, s.Link)
	writeMarkdownVerification(w, s)
	writeMarkdownAfterHandoff(w, s)
	writeMarkdownFailure(w, s)
	fmt.Fprintf(w, "\n## Reproduce\n\nSave the session file and run `plaidwalk replay FILE` (offline by default; with "+
		"PLAID_CLIENT_ID and PLAID_SECRET set it replays in the sandbox), or `plaidwalk sessions export %s --format curl` "+
		"for the same calls as a shell script.\n\n", mdCell(s.ID))
	fmt.Fprintln(w, "_Secrets and whole tokens are not part of this write-up: tokens show their kind and last four characters only._")
	return nil
}

func writeMarkdownInputs(w io.Writer, in Inputs) {
	fmt.Fprintf(w, "\n## Inputs\n\n")
	items := [][2]string{
		{"Link", linkLabel(in)},
		{"Test user", userLabel(in)},
		{"Client name", in.Link.ClientName},
		{"Language", in.Link.Language},
		{"Redirect URI", in.Link.RedirectURI},
		{"Webhook", in.Link.Webhook},
		{"Link customization", in.Link.LinkCustomization},
	}
	if in.Account != nil {
		items = append(items, [2]string{"Account", in.Account.Label()})
	}
	for _, k := range sortedKeys(in.PartnerInputs) {
		items = append(items, [2]string{"Partner input `" + mdText(k) + "`", in.PartnerInputs[k]})
	}
	for _, it := range items {
		if it[1] != "" {
			fmt.Fprintf(w, "- **%s**: %s\n", it[0], mdText(it[1]))
		}
	}
}

func writeMarkdownCalls(w io.Writer, calls []Call) {
	fmt.Fprintf(w, "\n## API calls\n\n")
	if len(calls) == 0 {
		fmt.Fprintln(w, "No API calls were recorded.")
		return
	}
	earlier := earlierAttempts(calls)
	for _, e := range earlier {
		if e {
			fmt.Fprintln(w, "Calls marked *earlier attempt* came before the user went back or tried again; the inputs and outcome above are the last attempt's.")
			fmt.Fprintln(w)
			break
		}
	}
	fmt.Fprintln(w, "| # | Endpoint | Status | Error code | Latency | request_id |")
	fmt.Fprintln(w, "|---|---|---|---|---|---|")
	for i := 0; i < len(calls); {
		j := alikeRunEnd(calls, earlier, i)
		writeMarkdownCall(w, i, calls[i], earlier[i])
		if rest := j - i - 1; rest == 1 {
			writeMarkdownCall(w, i+1, calls[i+1], earlier[i+1])
		} else if rest > 1 {
			last := calls[j-1]
			fmt.Fprintf(w, "| %d–%d | the same call %d more times (polling)%s | %d | %s | last %.1f ms | last %s |\n", i+2, j, rest,
				earlierMark(earlier[i]), last.Status, mdCell(orDash(last.ErrorCode)), last.LatencyMS, mdCell(orDash(last.RequestID)))
		}
		i = j
	}
}

// writeMarkdownCall is call number i+1's row.
func writeMarkdownCall(w io.Writer, i int, c Call, earlier bool) {
	fmt.Fprintf(w, "| %d | `%s %s`%s | %d | %s | %.1f ms | %s |\n", i+1, mdCell(c.Method), mdCell(c.Path), earlierMark(earlier),
		c.Status, mdCell(orDash(c.ErrorCode)), c.LatencyMS, mdCell(orDash(c.RequestID)))
}

func earlierMark(earlier bool) string {
	if earlier {
		return " *earlier attempt*"
	}
	return ""
}

func writeMarkdownLink(w io.Writer, l *Link) {
	if l == nil || (len(l.Events) == 0 && l.Outcome == nil && l.DroppedEvents == 0) {
		return
	}
	fmt.Fprintf(w, "\n## Plaid Link\n\n")
	for _, ev := range l.Events {
		fmt.Fprintf(w, "- %s `%s`\n", ev.Time.UTC().Format("15:04:05.000"), mdText(eventLine(ev)))
	}
	if note := droppedNote(l); note != "" {
		fmt.Fprintf(w, "\n%s\n", mdText(note))
	}
	if o := l.Outcome; o != nil {
		line := "Link ended with **" + mdText(o.Status) + "**"
		if o.ErrorCode != "" {
			line += ": " + mdText(o.ErrorType+" / "+o.ErrorCode+" "+o.ErrorMessage)
		}
		if o.LinkSessionID != "" {
			line += " (link_session_id " + mdText(o.LinkSessionID) + ")"
		}
		fmt.Fprintf(w, "\n%s.\n", line)
	}
}

// writeMarkdownFailure shows the bodies of the call that ended the walk, the part support
// asks for. Only a walk that ended in an error has one: a failed answer the walk went past (a
// PRODUCT_NOT_READY poll before the report was ready, a retried 500) is not a failure.
func writeMarkdownFailure(w io.Writer, s Session) {
	c := endingCall(s)
	if c == nil {
		return
	}
	fmt.Fprintf(w, "\n## Failed call: `%s %s`\n\n", mdCell(c.Method), mdCell(c.Path))
	fmt.Fprintf(w, "Request (redacted):\n\n```json\n%s\n```\n\n", fence(prettyJSON(c.RequestBody)))
	fmt.Fprintf(w, "Response (redacted):\n\n```json\n%s\n```\n", fence(prettyJSON(c.ResponseBody)))
}

// endingCall is the failed call that ended an errored walk: the one with the outcome's
// request_id, or else the last call when it failed. nil for any other outcome.
func endingCall(s Session) *Call {
	if s.Outcome.Result != ResultError || len(s.Calls) == 0 {
		return nil
	}
	if id := s.Outcome.RequestID; id != "" {
		for i := len(s.Calls) - 1; i >= 0; i-- {
			if s.Calls[i].RequestID == id && s.Calls[i].Status >= 400 {
				return &s.Calls[i]
			}
		}
	}
	if last := &s.Calls[len(s.Calls)-1]; last.Status >= 400 {
		return last
	}
	return nil
}

func prettyJSON(body string) string {
	var buf bytes.Buffer
	if json.Indent(&buf, []byte(body), "", "  ") == nil {
		return cleanBlock(buf.String())
	}
	return cleanBlock(body)
}

// cleanBlock is clean for multi-line text: line breaks and tabs kept.
func cleanBlock(s string) string { return Scrub(termtext.Multiline(s)) }

// fence keeps a body from closing its code block early.
func fence(s string) string { return strings.ReplaceAll(s, "```", "`\u200b``") }

// mdText cleans text for Markdown prose: no HTML, no stray emphasis from underscores in ids.
func mdText(s string) string {
	r := strings.NewReplacer("<", "&lt;", ">", "&gt;", "_", `\_`, "*", `\*`, "`", "'", "[", `\[`, "]", `\]`)
	return r.Replace(clean(s))
}

func mdCell(s string) string {
	return strings.ReplaceAll(strings.NewReplacer("<", "&lt;", ">", "&gt;", "`", "'").Replace(clean(s)), "|", `\|`)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
