package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// banner is the environment line shown on every screen: what the tokens are worth must never
// be in doubt, so each environment has its own words and colour. Keys sent to a host that is
// not Plaid's (PLAID_BASE_URL) say so: the data there is whatever that host makes it. The
// banner is one line at any width: a narrower window gets shorter words, never a wrapped line
// whose first half scrolls away (leaving " real" of "not real"); the environment's name stays.
func (st styles) banner(cfg plaidflow.Config, width int) string {
	var words []string
	var style lipgloss.Style
	switch cfg.Env {
	case plaidflow.EnvProduction:
		words, style = []string{"PRODUCTION — real banks, real data", "PRODUCTION — real data", "PRODUCTION"}, st.bannerProduction
	case plaidflow.EnvSandbox:
		words, style = []string{"SANDBOX — Plaid test data", "SANDBOX — test data", "SANDBOX"}, st.bannerSandbox
	default:
		words, style = []string{"OFFLINE EMULATOR — tokens are not real", "OFFLINE — tokens are not real", "OFFLINE — not real", "OFFLINE"}, st.bannerOffline
	}
	if host := plaidflow.CustomHost(cfg); host != "" {
		env := strings.ToUpper(string(cfg.Env))
		words = []string{env + " keys at " + host + " — not Plaid's host", env + " — not Plaid's host", env}
	}
	text := "plaidwalk · " + words[0]
	if width > 0 {
		room := width - style.GetHorizontalFrameSize()
		for i, w := range append([]string{text}, words...) {
			if text = w; lipgloss.Width(w) <= room || i == len(words) {
				break
			}
		}
		text = truncate(text, max(room, 1))
		style = style.Width(width)
	}
	return style.Render(text)
}
