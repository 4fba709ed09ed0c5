package tui

import (
	"testing"

	"plaidwalk/plaidflow"
)

// At 100 columns the longest partner name is not cut.
func TestPartnerListKeepsLongNamesWhenThereIsRoom(t *testing.T) {
	m := send(typeText(pureModel(t, plaidflow.EnvOffline), "alloy-credit"), resize(100, 30))
	mustContain(t, m.View(), "> Alloy (credit decisioning) ")
}
