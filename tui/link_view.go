package tui

import (
	"encoding/json"
	"fmt"
	"strings"

	"plaidwalk/linkserver"
	"plaidwalk/sessions"
)

// batchNote is shown while the page waits: Link hands most events over when it closes, so
// the list staying short is not a stalled Link.
const batchNote = "Link sends most of its events in one batch when it closes (Plaid's Link does too), so few show here until then."

// formatLinkEvent is one line of the live feed. Everything in it came from the browser, so
// it is stripped of escape sequences before it reaches the terminal.
func formatLinkEvent(ev linkserver.Event) string {
	var md map[string]any
	_ = json.Unmarshal(ev.Metadata, &md)
	str := func(k string) string {
		if v, ok := md[k].(string); ok {
			return v
		}
		return ""
	}
	var text string
	switch ev.Kind {
	case linkserver.KindLoad:
		text = "Link loaded in the browser"
	case linkserver.KindSuccess:
		text = "onSuccess: public_token received"
		if inst, ok := md["institution"].(map[string]any); ok {
			if name, ok := inst["name"].(string); ok {
				text += " from " + name
			}
		}
		if accts, ok := md["accounts"].([]any); ok {
			text += fmt.Sprintf(" (%d account(s) selected)", len(accts))
		}
	case linkserver.KindExit:
		text = "onExit"
		if e, ok := md["error"].(map[string]any); ok {
			if code, ok := e["error_code"].(string); ok {
				text += ": " + code
			}
		}
		if s := str("status"); s != "" {
			text += " status " + s
		}
	default:
		text = ev.Name
		for _, k := range []string{"view_name", "institution_name", "error_code", "mfa_type"} {
			if v := str(k); v != "" {
				text += " " + k + "=" + v
			}
		}
	}
	at := ""
	if t := sessions.EventTime(ev.At, ev.Metadata); !t.IsZero() { // when Link says it happened
		at = t.Local().Format("15:04:05") + " "
	}
	return at + oneLine(text)
}

func (l linkModel) view(env stepEnv) string {
	st, w := env.st, env.width
	var b strings.Builder
	switch {
	case l.shortcutRunning:
		sc := l.shortcut
		return env.spin + fmt.Sprintf(" Sandbox shortcut: /sandbox/public_token/create as %s at %s …",
			oneLine(sc.username), oneLine(sc.institution))
	case l.mode == modeBrowser && l.url == "":
		return "Starting the local Link page …"
	}
	if env.deps.NoBrowser {
		b.WriteString("Open this URL in a browser on this machine:\n")
	} else {
		b.WriteString("Link is open in your browser. If it did not open, visit:\n")
	}
	b.WriteString(st.accent.Render(urlLines(oneLine(env.shownURL(l.url)), w)) + "\n")
	if env.urlHidesToken(l.url) {
		b.WriteString(st.subtle.Render(wrapTo(env.urlKeysHint(true), w, 0)) + "\n")
	}
	b.WriteString("\n")
	noteLines := 0
	switch {
	case l.ended != "":
		b.WriteString(st.warn.Render(wrapTo(l.ended, w, 0)) + "\n")
		b.WriteString("r opens Link again · s uses the sandbox shortcut · esc goes back\n")
	case l.polling:
		b.WriteString(st.bold.Render("Waiting for Hosted Link") + "  " + st.accent.Render(l.waitClock()) + "\n" +
			st.subtle.Render("asking /link/token/get every "+linkserver.HostedInterval.String()+"; x or esc cancels") + "\n")
	case l.waiting:
		b.WriteString(st.bold.Render("Waiting for Link") + "  " + st.accent.Render(l.waitClock()) + "\n" +
			st.subtle.Render("finish it in the browser; x or esc cancels") + "\n" +
			st.subtle.Render(wrapTo(batchNote, w, 0)) + "\n")
		noteLines = lineCount(batchNote, w)
		if f := env.walk.authFlow; f.ID != "" { // what to pick in Link for the flow chosen
			note := "Auth flow " + f.Name + ": " + f.About
			b.WriteString(st.accent.Render(wrapTo(note, w, 0)) + "\n")
			noteLines += lineCount(note, w)
		}
	}
	if len(l.feed) > 0 {
		b.WriteString("\n" + st.subtle.Render("Link events") + "\n")
		for _, line := range lastN(l.feed, max(env.height-8-noteLines, 2)) {
			b.WriteString("  " + truncate(line, w-2) + "\n")
		}
	}
	return strings.TrimRight(b.String(), "\n")
}
