package sessions

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"plaidwalk/internal/termtext"
)

// Clean makes text from a session file, Link or the API safe for a terminal on one line:
// internal/termtext removes escape sequences, controls and invisible characters, then any
// token left is masked.
func Clean(s string) string { return clean(s) }

func clean(s string) string { return Scrub(termtext.SingleLine(s)) }

// printable is s with every string in it cleaned, whatever the field: a session file is
// untrusted input (it may have been crafted, or edited by hand), and each of its fields may
// reach a terminal or a write-up. Renderers start from it rather than cleaning field by field.
func printable(s Session) Session { return mapStrings(s, clean) }

// droppedNote says how many of Link's events the session did not keep, "" when none.
func droppedNote(l *Link) string {
	if l == nil || l.DroppedEvents == 0 {
		return ""
	}
	return fmt.Sprintf("(Link sent %d more events, not kept: a session keeps the first %d events, at most %d KB of them)",
		l.DroppedEvents, MaxLinkEvents, MaxLinkEventBytes>>10)
}

func problemOf(err error) string {
	if fe, ok := err.(*FileError); ok {
		return fe.Problem
	}
	if fe, ok := err.(*futureError); ok {
		return fe.Problem
	}
	return err.Error()
}

// timelineEntry is a call or a Link event placed on the session's clock.
type timelineEntry struct {
	at      time.Time
	text    string
	call    *Call // nil for a Link event
	earlier bool
}

// WriteTimeline prints a session as a readable timeline: a header with the inputs, then every
// API call and Link event in time order, then the outcome.
func WriteTimeline(w io.Writer, s Session) error {
	if err := checkCalls(s.Calls); err != nil {
		return err
	}
	s = printable(s)
	in := s.Inputs
	fmt.Fprintf(w, "Session %s\n", clean(s.ID))
	fmt.Fprintf(w, "  partner      %s\n", clean(partnerLabel(in)))
	fmt.Fprintf(w, "  environment  %s%s\n", clean(in.EnvLabel()), offlineNote(in.Env))
	fmt.Fprintf(w, "  recorded     %s by plaidwalk %s%s, took %s\n", s.StartedAt.UTC().Format("2006-01-02 15:04:05 UTC"),
		clean(s.Plaidwalk), sourceNote(s.Source), s.FinishedAt.Sub(s.StartedAt).Round(time.Millisecond))
	fmt.Fprintf(w, "  link         %s\n", clean(linkLabel(in)))
	if user := userLabel(in); user != "" {
		fmt.Fprintf(w, "  test user    %s\n", clean(user))
	}
	if in.Account != nil {
		fmt.Fprintf(w, "  account      %s\n", clean(in.Account.Label()))
	}
	for _, k := range sortedKeys(in.PartnerInputs) {
		fmt.Fprintf(w, "  input        %s = %s\n", clean(k), clean(in.PartnerInputs[k]))
	}
	fmt.Fprintln(w, "\nTimeline")
	entries := timeline(s)
	for _, e := range entries {
		fmt.Fprintf(w, "  %8s  %s\n", "+"+formatOffset(e.at.Sub(s.StartedAt)), e.text)
	}
	if len(entries) == 0 {
		fmt.Fprintln(w, "  (no API calls were recorded)")
	}
	if note := droppedNote(s.Link); note != "" {
		fmt.Fprintf(w, "  %s\n", note)
	}
	fmt.Fprintf(w, "\nOutcome: %s\n", clean(outcomeLine(s.Outcome)))
	for _, t := range s.Outcome.Tokens {
		fmt.Fprintf(w, "  %-26s %s\n", clean(t.Kind), clean(t.Masked))
	}
	return nil
}

func timeline(s Session) []timelineEntry {
	var out []timelineEntry
	earlier := earlierAttempts(s.Calls)
	for i, c := range s.Calls {
		line := callLine(c)
		if earlier[i] {
			line += "  (earlier attempt)"
		}
		out = append(out, timelineEntry{at: c.Time, text: line, call: &s.Calls[i], earlier: earlier[i]})
	}
	if s.Link != nil {
		for _, ev := range s.Link.Events {
			out = append(out, timelineEntry{at: ev.Time, text: "Link " + clean(eventLine(ev))})
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].at.Before(out[j].at) })
	return foldPolling(out)
}

func callLine(c Call) string {
	line := fmt.Sprintf("%-4s %-40s %3d  %7.1fms", clean(c.Method), clean(c.Path), c.Status, c.LatencyMS)
	if c.ErrorCode != "" {
		line += "  " + clean(c.ErrorCode)
	}
	if c.RequestID != "" {
		line += "  request_id " + clean(c.RequestID)
	}
	return line
}

func eventLine(ev LinkEvent) string {
	parts := []string{ev.Name}
	for _, kv := range [][2]string{{"view", ev.ViewName}, {"institution", ev.InstitutionName}, {"error", ev.ErrorCode}, {"exit_status", ev.ExitStatus}, {"mfa", ev.MFAType}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, " ")
}

func formatOffset(d time.Duration) string {
	if d < 0 {
		d = 0
	}
	return fmt.Sprintf("%.3fs", d.Seconds())
}

func partnerLabel(in Inputs) string {
	if in.PartnerName != "" && in.PartnerName != in.Partner {
		return in.PartnerName + " (" + in.Partner + ")"
	}
	return in.Partner
}

// EnvLabel is where the walk's calls went: the environment, and the host when it was not one
// of Plaid's ("sandbox at http://127.0.0.1:8765"), since such a host's data is not Plaid's.
func (in Inputs) EnvLabel() string {
	if in.Host != "" {
		return in.Env + " at " + in.Host
	}
	return in.Env
}

func offlineNote(env string) string {
	if env == "offline" {
		return " (the built-in emulator: its tokens are not real)"
	}
	return ""
}

func sourceNote(src string) string {
	if src == "" {
		return ""
	}
	return " (" + src + ")"
}

func linkLabel(in Inputs) string {
	label := map[string]string{LinkModeShortcut: "sandbox shortcut (no browser)", LinkModeBrowser: "Plaid Link in the browser", LinkModeHosted: "Hosted Link"}[in.LinkMode]
	if label == "" {
		label = in.LinkMode
	}
	if len(in.Link.Products) > 0 {
		label += ", products " + strings.Join(in.Link.Products, ",")
	}
	if len(in.Link.CountryCodes) > 0 {
		label += ", countries " + strings.Join(in.Link.CountryCodes, ",")
	}
	if in.InstitutionID != "" || in.Institution != "" {
		label += ", institution " + strings.TrimSpace(in.Institution+" "+in.InstitutionID)
	}
	return label
}

func userLabel(in Inputs) string {
	switch {
	case in.Username == "":
		return ""
	case in.Password != "":
		return in.Username + " / " + in.Password
	}
	return in.Username + " (password not kept)"
}

// Label is "Plaid Checking ••0000 (depository/checking)".
func (a AccountChoice) Label() string {
	label := a.Name
	if a.Mask != "" {
		label = strings.TrimSpace(label + " ••" + a.Mask)
	}
	if a.Type != "" {
		label += " (" + a.Type + "/" + a.Subtype + ")"
	}
	return label
}

func outcomeLine(o Outcome) string {
	line := o.Summary()
	if o.Result == ResultError {
		if o.Step != "" {
			line += " at " + o.Step
		}
		if o.ErrorMessage != "" && o.ErrorCode != "" {
			line += ": " + o.ErrorMessage
		}
		if o.RequestID != "" {
			line += " (request_id " + o.RequestID + ")"
		}
	}
	return line
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
