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

// itemProducts are the products the reused Item was linked with: the link_token's products.
func (m Model) itemProducts() []string { return m.walk.linkConfig.Products }

// missingProducts are the partner's Link products the reused Item lacks; nil outside reuse.
func (m Model) missingProducts(p plaidflow.Partner) []string {
	if !m.walk.reuseItem {
		return nil
	}
	return productsMissing(p, m.itemProducts())
}

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
func (m Model) chooseForReusedItem(p plaidflow.Partner) (tea.Model, tea.Cmd) {
	missing := m.missingProducts(p)
	if len(missing) == 0 {
		m.partner.newLinkFor = ""
		return m.choosePartner(p)
	}
	if m.partner.newLinkFor != p.ID {
		m.partner.newLinkFor = p.ID
		m.notice = "Item lacks " + strings.Join(missing, ", ") + ": Enter again runs Link for " + p.Name + "."
		return m, nil
	}
	m.partner.newLinkFor = ""
	m.walk.reuseItem = false
	m.walk.partner = plaidflow.Partner{} // fresh options for a fresh Link
	return m.choosePartner(p)
}

// reusedItemProducts is what the list delegate compares against: nil when no Item is reused.
func (m Model) reusedItemProducts() []string {
	if !m.walk.reuseItem {
		return nil
	}
	return append([]string{}, m.itemProducts()...)
}
