package tui

import (
	"strings"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// "Another partner with this Item" only works for partners whose Link products the Item was
// linked with: Plaid refuses the partner call otherwise (PRODUCTS_NOT_SUPPORTED for an Asset
// Report on an auth-only Item), or the partner gets a token for data it cannot read. The list
// marks those partners, and Enter on one asks for a second Enter that runs Link again.

func productsMissing(p plaidflow.Partner, have []string) []string {
	var out []string
	for _, want := range p.Products {
		found := false
		for _, h := range have {
			if h == want {
				found = true
				break
			}
		}
		if !found {
			out = append(out, want)
		}
	}
	return out
}

// needsNewLinkReason says why a partner cannot use the reused Item.
func needsNewLinkReason(p plaidflow.Partner, missing, have []string) string {
	return p.Name + " needs " + strings.Join(missing, " and ") + ", but this Item was linked with " +
		strings.Join(have, ", ") + " only: it needs a new Link."
}

// chooseForReusedItem is Enter on the partner list while an Item is reused: a partner the
// Item cannot serve is refused once with the reason; Enter again on it runs Link again.
func (p partnerModel) chooseForReusedItem(sel plaidflow.Partner, w walkState) (partnerModel, tea.Cmd, tea.Msg) {
	missing := w.missingProducts(sel)
	if len(missing) == 0 {
		p.newLinkFor = ""
		return p, nil, partnerChosenMsg{partner: sel}
	}
	if p.newLinkFor != sel.ID {
		p.newLinkFor = sel.ID
		return p, nil, noticeRaisedMsg{"Item lacks " + strings.Join(missing, ", ") + ": Enter again runs Link for " + sel.Name + "."}
	}
	p.newLinkFor = ""
	return p, nil, partnerChosenMsg{partner: sel, newLink: true}
}
