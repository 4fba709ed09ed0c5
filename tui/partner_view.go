package tui

import (
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/charmbracelet/bubbles/list"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// partnerDelegate draws one partner per line: name, flow kind, products; greyed when
// plaidwalk cannot walk it.
type partnerDelegate struct {
	st           styles
	itemProducts []string // the reused Item's products; nil when no Item is reused
	longestName  int      // the longest partner name in the catalog
}

// nameWidth is the name column: the longest name when the list is wide enough to keep room
// for the flow kind and some products, else at least 24 cells (longer names cut with …).
func (d partnerDelegate) nameWidth(listWidth int) int {
	const rest = 2 + 1 + 13 + 1 + 16 // cursor, kind, and room for a product or two
	return max(min(d.longestName, listWidth-rest), 24)
}

func (d partnerDelegate) Height() int                             { return 1 }
func (d partnerDelegate) Spacing() int                            { return 0 }
func (d partnerDelegate) Update(_ tea.Msg, _ *list.Model) tea.Cmd { return nil }

func (d partnerDelegate) Render(w io.Writer, m list.Model, index int, item list.Item) {
	it, ok := item.(partnerItem)
	if !ok {
		return
	}
	p := it.p
	cursor := "  "
	if index == m.Index() {
		cursor = "> "
	}
	kind := string(p.Flow)
	newLink := d.itemProducts != nil && len(productsMissing(p, d.itemProducts)) > 0
	switch {
	case !p.Runnable():
		kind = "not runnable"
	case newLink:
		kind = "new Link"
	}
	nameW := d.nameWidth(m.Width())
	name := truncate(p.Name, nameW)
	name += strings.Repeat(" ", max(nameW-ansi.StringWidth(name), 0))
	line := fmt.Sprintf("%s%s %-13s %s", cursor, name, kind, strings.Join(p.Products, ","))
	line = truncate(line, max(m.Width(), 10))
	switch {
	case !p.Runnable() || (newLink && index != m.Index()):
		line = d.st.greyed.Render(line)
	case index == m.Index():
		line = d.st.selected.Render(line)
	}
	fmt.Fprint(w, line)
}

// viewPartnerDetails is the panel about the highlighted partner: what it is, what it needs,
// where its guide is. The description gives way (cut with …) so the whole box, borders
// included, fits the lines the layout gives it.
func (pm partnerModel) details(p plaidflow.Partner, width int, env stepEnv) string {
	st := env.st
	head := st.bold.Render(p.Name) + st.subtle.Render("  id "+p.ID)
	if p.Processor != "" {
		head += st.subtle.Render(" · processor " + p.Processor)
	}
	top := []string{head}
	if !p.Runnable() {
		kind, why := notRunnableReason(p)
		label := "Not runnable: "
		if kind != "" {
			label = "Not runnable (" + kind + "): "
		}
		top = append(top, strings.Split(st.warn.Render(label+wrapTo(why, width-len(label), len(label))), "\n")...)
	}
	if missing := env.walk.missingProducts(p); len(missing) > 0 {
		top = append(top, strings.Split(st.warn.Render(wrapTo(needsNewLinkReason(p, missing, env.walk.linkConfig.Products)+" Enter twice runs Link again.", width, 0)), "\n")...)
	}
	bottom := strings.Split(st.subtle.Render(wrapTo("Needs: "+partnerNeeds(p), width, 0)), "\n")
	docs := p.DocsURL
	if !p.HasDocsPage && docs != "" {
		docs += " (no partner page of its own)"
	}
	bottom = append(bottom, st.accent.Render(truncate("Docs: "+docs, width)))
	desc := strings.Split(wrapTo(p.Description, width, 0), "\n")
	room := detailsHeight(env.width, pm.h) - 2 - len(top) - len(bottom) // 2: the borders
	if keep := max(room, 1); len(desc) > keep {
		desc = append(desc[:keep-1], truncate(desc[keep-1]+" …", width))
	}
	body := strings.Join(append(append(top, desc...), bottom...), "\n")
	// Every line is fitted to the inner width first: the box then draws each line as it is.
	return st.panel.Width(width + 2).Render(fitLines(body, width))
}

func partnerNeeds(p plaidflow.Partner) string {
	needs := "Link products " + strings.Join(p.Products, ", ")
	if len(p.Products) == 0 {
		needs = "no Link products"
	}
	if acc := accountTypesText(p.AccountTypes); acc != "" {
		needs += " · accounts " + acc
	}
	if len(p.Countries) > 0 {
		needs += " · " + strings.Join(p.Countries, ",")
	}
	for _, in := range p.Inputs {
		needs += " · input " + in.Name
	}
	return needs
}

func accountTypesText(types map[string][]string) string {
	var out []string
	for t, subs := range types {
		if len(subs) == 0 {
			out = append(out, t)
			continue
		}
		out = append(out, t+" ("+strings.Join(subs, "/")+")")
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}
