package tui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// banner is the environment line shown on every screen: what the tokens are worth must never
// be in doubt, so each environment has its own words and colour. Keys sent to a host that is
// not Plaid's (PLAID_BASE_URL) say so: the data there is whatever that host makes it.
func (st styles) banner(cfg plaidflow.Config, width int) string {
	var text string
	var style lipgloss.Style
	switch cfg.Env {
	case plaidflow.EnvProduction:
		text, style = "PRODUCTION — real banks, real data", st.bannerProduction
	case plaidflow.EnvSandbox:
		text, style = "SANDBOX — Plaid test data", st.bannerSandbox
	default:
		text, style = "OFFLINE EMULATOR — tokens are not real", st.bannerOffline
	}
	if host := plaidflow.CustomHost(cfg); host != "" {
		text = strings.ToUpper(string(cfg.Env)) + " keys at " + host + " — not Plaid's host"
	}
	if width > 0 {
		style = style.Width(width)
	}
	return style.Render("plaidwalk · " + text)
}
