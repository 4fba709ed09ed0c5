package tui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

func TestBannerNamesEachEnvironmentInItsOwnColour(t *testing.T) {
	r := lipgloss.NewRenderer(&bytes.Buffer{})
	r.SetColorProfile(termenv.TrueColor)
	st := newStyles(r)
	texts := map[plaidflow.Env]string{
		plaidflow.EnvOffline:    "OFFLINE EMULATOR — tokens are not real",
		plaidflow.EnvSandbox:    "SANDBOX",
		plaidflow.EnvProduction: "PRODUCTION",
	}
	seen := map[string]plaidflow.Env{}
	for env, want := range texts {
		b := st.banner(plaidflow.Config{Env: env}, 80)
		if !strings.Contains(b, want) {
			t.Errorf("%s banner lacks %q: %q", env, want, b)
		}
		esc := b[:strings.Index(b, "plaidwalk")]
		if other, dup := seen[esc]; dup {
			t.Errorf("%s and %s banners share their colours", env, other)
		}
		seen[esc] = env
	}
}

// Sandbox keys sent to a host that is not Plaid's say where they go; Plaid's own host keeps
// the plain banner.
func TestBannerNamesAHostThatIsNotPlaids(t *testing.T) {
	st := newStyles(lipgloss.NewRenderer(&bytes.Buffer{}))
	custom := st.banner(plaidflow.Config{Env: plaidflow.EnvSandbox, BaseURL: "http://127.0.0.1:8765"}, 100)
	if !strings.Contains(custom, "SANDBOX keys at http://127.0.0.1:8765 — not Plaid's host") {
		t.Errorf("custom host banner: %q", custom)
	}
	plaid := st.banner(plaidflow.Config{Env: plaidflow.EnvSandbox, BaseURL: "https://sandbox.plaid.com"}, 100)
	if !strings.Contains(plaid, "SANDBOX — Plaid test data") {
		t.Errorf("Plaid's host banner: %q", plaid)
	}
}

func TestNoColorRendersPlainText(t *testing.T) {
	var out bytes.Buffer
	d := Deps{Output: &out, Getenv: func(k string) string {
		if k == "NO_COLOR" {
			return "1"
		}
		return ""
	}}
	r := outputRenderer(d)
	if r.ColorProfile() != termenv.Ascii {
		t.Fatalf("NO_COLOR gave profile %v", r.ColorProfile())
	}
	m := New(t.Context(), Deps{Config: plaidflow.Config{Env: plaidflow.EnvProduction}, Catalog: testCatalog(t)}, r)
	if v := m.View(); strings.Contains(v, "\x1b[") || !strings.Contains(v, "PRODUCTION") {
		t.Errorf("NO_COLOR view has colour codes or lacks the banner:\n%q", v)
	}
}

func TestEveryScreenFitsSmallAndLargeTerminals(t *testing.T) {
	link, _ := atLink(t, "dwolla")
	for i := range 30 {
		link = send(link, linkEventReceivedMsg{op: link.op, event: linkserver.Event{Kind: linkserver.KindEvent, Name: "TRANSITION_VIEW"}})
		_ = i
	}
	failed := send(atOptions(t, plaidflow.EnvOffline, "dwolla"), keyMsg("enter"))
	failed = send(failed, stepFailedMsg{op: failed.op, step: stepLinkToken, err: plaidErr()})
	screens := map[string]Model{"link": link, "accounts": atAccounts(t, "dwolla"), "error": failed, "link_token": atLinkToken(t, "dwolla")}
	for name, m := range screens {
		for _, sz := range [][2]int{{80, 24}, {100, 30}, {60, 16}} {
			for _, log := range []bool{false, true} {
				mm := send(m, resize(sz[0], sz[1]))
				if log {
					mm = send(mm, keyMsg("ctrl+l"))
				}
				lines := strings.Split(mm.View(), "\n")
				if len(lines) != sz[1] {
					t.Errorf("%s at %dx%d (log %v): %d lines, want the full height", name, sz[0], sz[1], log, len(lines))
				}
				for _, l := range lines {
					if lipgloss.Width(l) > sz[0] {
						t.Errorf("%s at %dx%d: line of %d cells", name, sz[0], sz[1], lipgloss.Width(l))
						break
					}
				}
				if !strings.Contains(lines[0], "OFFLINE EMULATOR") {
					t.Errorf("%s at %dx%d: banner missing from the first line", name, sz[0], sz[1])
				}
			}
		}
	}
	full := send(link, resize(80, 24), keyMsg("?"))
	if lines := strings.Split(full.View(), "\n"); len(lines) != 24 || !strings.Contains(full.View(), "ctrl+l") {
		t.Errorf("full help: %d lines:\n%s", len(lines), full.View())
	}
	if !strings.Contains(send(link, resize(80, 24)).View(), "TRANSITION_VIEW") {
		t.Errorf("the newest Link events are not shown")
	}
}

// fixedCatalog keeps the 80x24 goldens independent of the shipped catalog's wording.
func fixedCatalog() plaidflow.Catalog {
	checking := map[string][]string{"depository": {"checking", "savings"}}
	return plaidflow.Catalog{Partners: []plaidflow.Partner{
		{ID: "moneymover", Name: "Money Mover", Processor: "money_mover", Flow: plaidflow.FlowProcessor, Products: []string{"auth"},
			AccountTypes: checking, Countries: []string{"US"}, Description: "Moves money between bank accounts by ACH once it holds a processor token for the account.",
			DocsURL: "https://plaid.com/docs/auth/partnerships/", HasDocsPage: true},
		{ID: "lender", Name: "Lender (credit)", Flow: plaidflow.FlowCreditRelay, Products: []string{"assets"}, Countries: []string{"US"},
			Inputs:      []plaidflow.Input{{Name: "secondary_client_id", Label: "the lender's client id", Required: true}, {Name: "days_requested", Label: "days of history", Default: "60"}},
			Description: "Reads an Asset Report through a relay token.", DocsURL: "https://plaid.com/docs/assets/"},
		{ID: "gone", Name: "Gone Trust", Flow: plaidflow.FlowNone, Products: []string{"auth"}, Description: "A retired partner.",
			DocsURL: "https://plaid.com/docs/api/processors/", NotRunnable: "retired: the processor value was removed"},
	}}
}

func fixedModel(t *testing.T) Model {
	d := Deps{Config: plaidflow.Config{Env: plaidflow.EnvOffline}, Catalog: fixedCatalog()}
	return send(New(t.Context(), d, nil), resize(80, 24))
}

// The first screens at the smallest supported terminal, kept as golden files.
func TestPartnerListAt80x24(t *testing.T) {
	m := fixedModel(t)
	m = send(m, keyMsg("down"), keyMsg("down"))
	requireGolden(t, m.View())
}

func TestCreditOptionsAt80x24(t *testing.T) {
	m := send(typeText(fixedModel(t), "lender"), keyMsg("enter"))
	requireGolden(t, m.View())
}

// TestPartnerPanelEdgesLineUp renders the details box of every partner in the catalog, and one
// with wide characters, at the widths the list supports (stacked at 80 and 100, side by side
// at 140) and at 24 to 40 lines: every line of the box must be exactly as wide as its border,
// and every line of the view as wide as the window.
func TestPartnerPanelEdgesLineUp(t *testing.T) {
	c := testCatalog(t)
	wide := c.Partners[0]
	wide.ID, wide.Name = "wide", "Wide 銀行"
	wide.Description = strings.Repeat("銀行口座を確認します 💸 pay by bank — ", 8)
	c.Partners = append(c.Partners, wide)
	base := New(t.Context(), Deps{Config: plaidflow.Config{Env: plaidflow.EnvOffline}, Catalog: c}, nil)
	for _, sz := range [][2]int{{80, 24}, {80, 30}, {100, 30}, {140, 30}, {140, 40}} {
		w := sz[0]
		m := send(base, resize(w, sz[1]))
		for i, p := range m.deps.Catalog.Partners {
			m.partner.list.Select(i)
			lines := strings.Split(m.View(), "\n")
			box := boxLines(lines)
			if len(box) < 4 {
				t.Fatalf("width %d, %s: no details box in the view:\n%s", w, p.ID, strings.Join(lines, "\n"))
			}
			for _, l := range box {
				if lipgloss.Width(l) != lipgloss.Width(box[0]) {
					t.Errorf("width %d, %s: box line of %d cells, its top edge has %d:\n%s", w, p.ID, lipgloss.Width(l), lipgloss.Width(box[0]), strings.Join(box, "\n"))
					break
				}
			}
			for _, l := range lines {
				if lipgloss.Width(l) != w {
					t.Errorf("width %d, %s: a line of %d cells, want every line as wide as the window", w, p.ID, lipgloss.Width(l))
					break
				}
			}
		}
	}
}

// boxLines cuts the bordered box out of a view: from the ┌ line to the └ line, starting at
// the ┌ column in cells (the list on its left may hold wide characters).
func boxLines(lines []string) []string {
	var box []string
	col := -1
	for _, l := range lines {
		plain := ansi.Strip(l)
		if col < 0 {
			at := strings.Index(plain, "┌")
			if at < 0 {
				continue
			}
			col = lipgloss.Width(plain[:at])
		}
		part := strings.TrimRight(ansi.TruncateLeft(plain, col, ""), " ")
		if part == "" {
			break
		}
		box = append(box, part)
		if strings.HasPrefix(part, "└") {
			break
		}
	}
	return box
}

// A description with wide characters (CJK, emoji) is wrapped by display cells, not runes.
func TestWrapCountsDisplayCells(t *testing.T) {
	for _, text := range []string{
		"Dwolla create a verified funding source for your customer, so your servers never see or store the account",
		"銀行口座を確認します 銀行口座を確認します 銀行口座を確認します 銀行口座を確認します",
		"pay 💸 fast 💸 pay 💸 fast 💸 pay 💸 fast 💸 pay 💸 fast 💸 pay 💸 fast",
		strings.Repeat("長", 60),
	} {
		for _, width := range []int{20, 37, 96} {
			for _, l := range strings.Split(wrapTo(text, width, 0), "\n") {
				if lipgloss.Width(l) > width {
					t.Errorf("wrapTo(%d): line of %d cells: %q", width, lipgloss.Width(l), l)
				}
			}
			for _, l := range strings.Split(fitLines(text, width), "\n") {
				if lipgloss.Width(l) != width {
					t.Errorf("fitLines(%d): line of %d cells", width, lipgloss.Width(l))
				}
			}
		}
	}
}

// Without colour (NO_COLOR, the ASCII profile the tests use) the cursor row of every list
// must still be visible as text: moving it must change what is drawn.
func TestCursorRowsAreMarkedWithoutColour(t *testing.T) {
	cursorLine := func(v, sub string) string {
		for _, l := range strings.Split(v, "\n") {
			if strings.Contains(l, ">") && strings.Contains(l, sub) {
				return l
			}
		}
		return ""
	}
	m := atAccounts(t, "dwolla")
	before := m.View()
	if cursorLine(before, "Plaid Checking") == "" {
		t.Errorf("account picker: no > on the cursor row:\n%s", before)
	}
	m = send(m, keyMsg("down"))
	after := m.View()
	if after == before || cursorLine(after, "Plaid Saving") == "" || cursorLine(after, "Plaid Checking") != "" {
		t.Errorf("account picker: down did not move the > marker:\n%s", after)
	}
	p := pureModel(t, plaidflow.EnvOffline)
	first := p.View()
	p = send(p, keyMsg("down"))
	if p.View() == first || !strings.Contains(p.View(), "> ") {
		t.Errorf("partner list: down changed nothing visible without colour")
	}
	r := atResults(t)
	first = r.View()
	r = send(r, keyMsg("down"))
	if r.View() == first || cursorLine(r.View(), "access_token") == "" {
		t.Errorf("results token list: down changed nothing visible without colour:\n%s", r.View())
	}
	r = atResultsWith(t, []plaidflow.Call{{Method: "POST", Path: "/item/public_token/exchange", Status: 200},
		{Method: "POST", Path: "/processor/token/create", Status: 200, RequestID: "reqProcessor001"}})
	if cursorLine(r.View(), "/processor/token/create 200") == "" {
		t.Fatalf("API calls: the newest call is not marked:\n%s", r.View())
	}
	r = send(r, keyMsg("left"))
	if cursorLine(r.View(), "/item/public_token/exchange 200") == "" || cursorLine(r.View(), "/processor/token/create 200") != "" {
		t.Errorf("API calls: ← did not move the > marker:\n%s", r.View())
	}
}
