package tui

import (
	"github.com/charmbracelet/lipgloss"

	"plaidwalk/plaidflow"
)

// banner is the environment line shown on every screen: what the tokens are worth must never
// be in doubt, so each environment has its own words and colour.
func (st styles) banner(env plaidflow.Env, width int) string {
	var text string
	var style lipgloss.Style
	switch env {
	case plaidflow.EnvProduction:
		text, style = "PRODUCTION — real banks, real data", st.bannerProduction
	case plaidflow.EnvSandbox:
		text, style = "SANDBOX — Plaid test data", st.bannerSandbox
	default:
		text, style = "OFFLINE EMULATOR — tokens are not real", st.bannerOffline
	}
	if width > 0 {
		style = style.Width(width)
	}
	return style.Render("plaidwalk · " + text)
}
