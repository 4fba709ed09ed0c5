package tui

import (
	"encoding/json"
	"fmt"
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// The webhook pane: offline, plaidwalk's own receiver (Deps.Webhooks) gets the webhooks the
// emulator sends for this walk, and the Link and results views show them as they arrive,
// each with its verification result; w shows the newest one's body. The receiver hands each
// webhook to the program as a message: Update and View do no I/O.

// webhookReceivedMsg: the receiver got one webhook.
type webhookReceivedMsg struct{ hook linkserver.Webhook }

// listenWebhooksCmd waits for the receiver's next webhook; nil without a receiver, and
// nothing once it has closed.
func listenWebhooksCmd(ch <-chan linkserver.Webhook) tea.Cmd {
	if ch == nil {
		return nil
	}
	return func() tea.Msg {
		h, ok := <-ch
		if !ok {
			return nil
		}
		return webhookReceivedMsg{hook: h}
	}
}

// webhookPane is what the pane shows.
type webhookPane struct {
	list     []linkserver.Webhook // in arrival order, the newest maxPaneWebhooks
	showBody bool                 // w: the newest webhook's body
}

// maxPaneWebhooks bounds what the UI keeps for the pane (the session keeps its own record).
const maxPaneWebhooks = 50

// maxBodyLines bounds the body shown, so the step keeps most of the screen.
const maxBodyLines = 8

func (m Model) webhookReceived(msg webhookReceivedMsg) (tea.Model, tea.Cmd) {
	m.hooks.list = append(m.hooks.list, msg.hook)
	if n := len(m.hooks.list); n > maxPaneWebhooks {
		m.hooks.list = m.hooks.list[n-maxPaneWebhooks:]
	}
	if a := m.walk.session.attempts; a != nil {
		a.AddWebhook(sessions.WebhookOf(msg.hook, m.deps.Config.Secret)) // like Link's events, into the attempt it came in
	}
	return m, listenWebhooksCmd(m.deps.Webhooks)
}

// webhookPaneShown: the pane is part of the Link and results views once a webhook came.
func (m Model) webhookPaneShown() bool {
	return len(m.hooks.list) > 0 && (m.step == stepLink || m.step == stepResults || m.step == stepVerify) &&
		!m.detail.open && !m.confirming && m.failure == nil
}

// webhookPaneView is the pane: a header, the newest three webhooks, and with w the newest's
// body. Everything in it came from the sender and is cleaned.
func (m Model) webhookPaneView(w int) string {
	list := m.hooks.list
	head := fmt.Sprintf("Webhooks (%d, plaidwalk's receiver)", len(list))
	if m.hooks.showBody {
		head += " · w hides the body"
	} else {
		head += " · w shows the newest body"
	}
	lines := []string{m.st.subtle.Render(truncate(head, w))}
	for _, h := range list[max(0, len(list)-3):] {
		mark := m.st.good.Render("✓ verified")
		if !h.Verified {
			mark = m.st.bad.Render("✗ not verified: " + oneLine(h.VerifyError))
		}
		line := fmt.Sprintf("  %s  %s %s  %s  ", h.ReceivedAt.Local().Format("15:04:05"), oneLine(h.WebhookType), oneLine(h.WebhookCode), oneLine(orNone(h.ItemID)))
		lines = append(lines, truncate(line+mark, w))
	}
	if m.hooks.showBody {
		body := strings.Split(termtext.Multiline(prettyBody(list[len(list)-1].Body)), "\n")
		if len(body) > maxBodyLines {
			body = append(body[:maxBodyLines-1], "…")
		}
		for _, l := range body {
			lines = append(lines, truncate("    "+l, w))
		}
	}
	return strings.Join(lines, "\n")
}

func prettyBody(raw json.RawMessage) string {
	var v any
	if json.Unmarshal(raw, &v) != nil {
		return string(raw)
	}
	out, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return string(raw)
	}
	return string(out)
}

func orNone(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// webhookHint says what an empty Webhook field means here.
func webhookHint(cfg plaidflow.Config) string {
	if cfg.Env == plaidflow.EnvOffline {
		return "empty: plaidwalk's own receiver, shown as webhooks arrive; or your app's URL"
	}
	return "where Plaid posts this Item's webhooks; must be reachable from the internet (empty: none)"
}
