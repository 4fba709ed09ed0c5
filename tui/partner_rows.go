package tui

import (
	"fmt"
	"strings"
)

// The partner list is drawn here rather than by bubbles' list, which pages: End there shows
// a last page of one partner and blank rows. The list's rows are a window that is always full
// (the last one ends at the last partner), and the header says where the cursor is.

// rows are the partners on screen: the cursor's page, moved up at the end so it stays full.
func (p partnerModel) rows(d partnerDelegate) string {
	items := p.list.VisibleItems()
	h := max(p.list.Height(), 1)
	idx := p.list.Index()
	top := min(idx/h*h, max(len(items)-h, 0))
	var b strings.Builder
	for i := top; i < min(top+h, len(items)); i++ {
		if i > top {
			b.WriteByte('\n')
		}
		d.Render(&b, p.list, i, items[i])
	}
	return b.String()
}

// countText is "82 of 82 partners · 12/82": how many the filter leaves, and the cursor's row.
func (p partnerModel) countText() string {
	n := len(p.list.VisibleItems())
	count := fmt.Sprintf("%d of %d partners", n, p.total)
	if n == 0 {
		return count
	}
	return count + fmt.Sprintf(" · %d/%d", p.list.Index()+1, n)
}
