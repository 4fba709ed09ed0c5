package tui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/list"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// Step 1: the partner list. Typing filters at once (by name, id or processor string; a
// leading /, which opens the filter in other list apps, is dropped), the arrows move, Enter
// chooses; the panel below shows what the highlighted partner needs.

type partnerItem struct{ p plaidflow.Partner }

func (i partnerItem) FilterValue() string {
	return strings.ToLower(i.p.Name + " " + i.p.ID + " " + i.p.Processor)
}

type partnerModel struct {
	list   list.Model
	filter textinput.Model
	total  int
	w, h   int
	// newLinkFor is the partner Enter was refused for on a reused Item; Enter on it again
	// runs Link again for it.
	newLinkFor string
	longest    int // the longest partner name, in cells: the name column's width when it fits
}

func newPartnerModel(c plaidflow.Catalog, preselect string, st styles) partnerModel {
	items := make([]list.Item, len(c.Partners))
	sel := 0
	for i, p := range c.Partners {
		items[i] = partnerItem{p}
		if preselect != "" && p.ID == preselect {
			sel = i
		}
	}
	l := list.New(items, partnerDelegate{st: st, longestName: 24}, 80, 10)
	l.SetShowTitle(false)
	l.SetShowFilter(false)
	l.SetShowStatusBar(false)
	l.SetShowHelp(false)
	l.SetShowPagination(false)
	l.DisableQuitKeybindings()
	l.Filter = substringFilter
	l.KeyMap = navigationOnly()
	l.Select(sel)
	f := textinput.New()
	f.Prompt = "Filter: "
	f.Placeholder = "type a name, id or processor"
	f.Cursor.SetMode(cursor.CursorStatic) // a blinking cursor would wake the UI twice a second
	f.Focus()
	longest := 0
	for _, p := range c.Partners {
		longest = max(longest, ansi.StringWidth(p.Name))
	}
	return partnerModel{list: l, filter: f, total: len(items), longest: longest}
}

// navigationOnly leaves the list the arrow and page keys: letters belong to the filter.
func navigationOnly() list.KeyMap {
	km := list.DefaultKeyMap()
	km.CursorUp = key.NewBinding(key.WithKeys("up", "ctrl+p"))
	km.CursorDown = key.NewBinding(key.WithKeys("down", "ctrl+n"))
	km.PrevPage = key.NewBinding(key.WithKeys("pgup"))
	km.NextPage = key.NewBinding(key.WithKeys("pgdown"))
	km.GoToStart = key.NewBinding(key.WithKeys("home"))
	km.GoToEnd = key.NewBinding(key.WithKeys("end"))
	for _, b := range []*key.Binding{&km.Filter, &km.ClearFilter, &km.CancelWhileFiltering,
		&km.AcceptWhileFiltering, &km.ShowFullHelp, &km.CloseFullHelp, &km.Quit, &km.ForceQuit} {
		*b = key.NewBinding(key.WithDisabled())
	}
	return km
}

// substringFilter keeps the partners whose name, id or processor contains the text, in
// catalog order: predictable, unlike a fuzzy match.
func substringFilter(term string, targets []string) []list.Rank {
	term = strings.ToLower(strings.TrimSpace(term))
	var ranks []list.Rank
	for i, t := range targets {
		if at := strings.Index(t, term); at >= 0 {
			idx := make([]int, 0, len(term))
			for k := range len(term) {
				idx = append(idx, at+k)
			}
			ranks = append(ranks, list.Rank{Index: i, MatchedIndexes: idx})
		}
	}
	return ranks
}

func (p *partnerModel) setSize(w, h int) {
	p.w, p.h = w, h
	lw, lh := w, max(h-1-detailsHeight(w, h), 2)
	if sideBySide(w) {
		lw, lh = w/2, h-1
	}
	p.list.SetSize(lw, lh)
	p.filter.Width = max(lw-36, 10)
}

func sideBySide(w int) bool { return w >= 110 }

func detailsHeight(w, h int) int {
	if sideBySide(w) {
		return h
	}
	return min(10, h/2)
}

// setFilter filters the list by v. Typing more starts again at the first match; clearing or
// shortening the filter keeps the partner the cursor was on (the list would keep its row
// number, which is another partner once the list changes).
func (p *partnerModel) setFilter(v string) {
	was, _ := p.selected()
	narrowed := len(v) > len(p.filter.Value())
	p.filter.SetValue(v)
	if strings.TrimSpace(v) == "" {
		p.list.ResetFilter()
	} else {
		p.list.SetFilterText(v)
	}
	if !narrowed {
		p.selectPartner(was.ID)
	}
}

// selectPartner puts the cursor on the partner with id when the list shows it.
func (p *partnerModel) selectPartner(id string) {
	for i, it := range p.list.VisibleItems() {
		if pi, ok := it.(partnerItem); ok && pi.p.ID == id {
			p.list.Select(i)
			return
		}
	}
}

func (p *partnerModel) clearFilter() { p.setFilter("") }

func (p partnerModel) selected() (plaidflow.Partner, bool) {
	it, ok := p.list.SelectedItem().(partnerItem)
	return it.p, ok
}

// update takes the keys of the list: Enter chooses, the arrows move, the rest filters.
func (p partnerModel) update(msg tea.Msg, env stepEnv) (partnerModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return p, nil, nil
	}
	switch k := env.keys; {
	case key.Matches(km, k.Enter):
		return p.choose(env)
	case key.Matches(km, k.Up, k.Down, k.PageUp, k.PageDown) || km.String() == "home" || km.String() == "end":
		var cmd tea.Cmd
		p.list, cmd = p.list.Update(km)
		return p, cmd, nil
	case km.Type == tea.KeyRunes || km.Type == tea.KeySpace || km.Type == tea.KeyBackspace ||
		km.Type == tea.KeyDelete || km.Type == tea.KeyCtrlU || km.Type == tea.KeyCtrlW:
		before := p.filter.Value()
		var cmd tea.Cmd
		p.filter, cmd = p.filter.Update(km)
		v := p.filter.Value()
		if strings.HasPrefix(v, "/") { // the key that opens the filter in list apps: it is open
			v = strings.TrimLeft(v, "/")
			p.filter.SetValue(before) // setFilter compares with what was there
		}
		if v != before {
			p.setFilter(v)
		}
		return p, cmd, nil
	}
	return p, nil, nil
}

// choose is Enter: the highlighted partner, if it can be walked.
func (p partnerModel) choose(env stepEnv) (partnerModel, tea.Cmd, tea.Msg) {
	sel, ok := p.selected()
	if !ok {
		return p, nil, noticeRaisedMsg{p.noMatches(env.deps.Catalog)}
	}
	if !sel.Runnable() {
		_, why := notRunnableReason(sel)
		return p, nil, noticeRaisedMsg{sel.Name + " cannot be walked: " + why}
	}
	return p.chooseForReusedItem(sel, env.walk)
}

// back clears the filter; the list is the first step, so the walk stays here.
func (p partnerModel) back() partnerModel {
	p.clearFilter()
	return p
}

func (p partnerModel) busy() bool { return false }

func (p partnerModel) help(env stepEnv) []key.Binding {
	k := env.keys
	return []key.Binding{withHelp(k.Enter, "choose"), k.Filter, k.UpDown, withHelp(k.Back, "clear filter")}
}

// notRunnableReason splits the catalog's reason, "retired: why" or "not applicable: why",
// into its kind ("" when it has none) and why, so that no line reads "Not runnable: retired: …".
func notRunnableReason(p plaidflow.Partner) (kind, why string) {
	if p.NotRunnable == "" {
		return "", "it has no token flow plaidwalk can run"
	}
	// The kind is a word or two before the first colon; a longer head is part of the why.
	if k, rest, ok := strings.Cut(p.NotRunnable, ": "); ok && len(strings.Fields(k)) <= 2 {
		return k, rest
	}
	return "", p.NotRunnable
}

func (p partnerModel) view(env stepEnv) string {
	w := env.width
	head := p.filter.View() + "  " + env.st.subtle.Render(p.countText())
	left := head + "\n" + p.rows(partnerDelegate{st: env.st, itemProducts: env.walk.reusedItemProducts(), longestName: p.longest})
	sel, ok := p.selected()
	if !ok {
		return head + "\n\n" + env.st.warn.Render(wrapTo(p.noMatches(env.deps.Catalog), w, 0))
	}
	if sideBySide(w) {
		details := p.details(sel, w-w/2-4, env)
		left = clipLines(left, p.h, w/2)
		return lipgloss.JoinHorizontal(lipgloss.Top, lipgloss.NewStyle().Width(w/2).Render(left), details)
	}
	return clipLines(left, p.h-detailsHeight(w, p.h), w) + "\n" + p.details(sel, w-4, env)
}

// noMatches says that the filter matched nothing and, for a typo, which partner ids
// are near it (the same suggestion the command line makes for --partner).
func (p partnerModel) noMatches(c plaidflow.Catalog) string {
	typed := strings.TrimSpace(p.filter.Value())
	msg := fmt.Sprintf("No partner matches %q", oneLine(typed))
	if s := c.Suggest(typed); len(s) > 0 {
		return msg + "; did you mean " + strings.Join(s, " or ") + "? esc clears the filter."
	}
	return msg + ": esc clears the filter; 'plaidwalk partners' lists them all."
}
