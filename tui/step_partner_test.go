package tui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// testEnv is what a step reads of the root, at 80x24 offline.
func testEnv(t *testing.T) stepEnv {
	t.Helper()
	return pureModel(t, plaidflow.EnvOffline).env()
}

func testPartnerStep(t *testing.T, env stepEnv) partnerModel {
	t.Helper()
	p := newPartnerModel(env.deps.Catalog, "", env.st)
	p.setSize(env.width, env.height)
	return p
}

func typeInto(p partnerModel, env stepEnv, s string) partnerModel {
	for _, r := range s {
		p, _, _ = p.update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}, env)
	}
	return p
}

// The list finishes by returning partnerChosenMsg; it never moves the walk itself.
func TestPartnerStepFinishesWithPartnerChosen(t *testing.T) {
	env := testEnv(t)
	p := typeInto(testPartnerStep(t, env), env, "dwolla")
	_, _, out := p.update(keyMsg("enter"), env)
	chosen, ok := out.(partnerChosenMsg)
	if !ok || chosen.partner.ID != "dwolla" || chosen.newLink {
		t.Fatalf("enter returned %#v, want partnerChosenMsg for dwolla", out)
	}
}

// Enter on nothing, or on a partner that cannot be walked, raises a notice and stays.
func TestPartnerStepRefusesWithANotice(t *testing.T) {
	env := testEnv(t)
	p := typeInto(testPartnerStep(t, env), env, "zzzz")
	_, _, out := p.update(keyMsg("enter"), env)
	n, ok := out.(noticeRaisedMsg)
	if !ok || !strings.Contains(n.text, `No partner matches "zzzz"`) {
		t.Fatalf("enter on no match returned %#v", out)
	}
	if v := p.view(env); !strings.Contains(v, "No partner matches") || !strings.Contains(v, "0 of") {
		t.Errorf("view of no match:\n%s", v)
	}
	if p = p.back(); p.filter.Value() != "" {
		t.Errorf("back left the filter %q", p.filter.Value())
	}
}

// On a reused Item a partner the Item cannot serve is refused once, then chosen for a new Link.
func TestPartnerStepAsksTwiceForANewLink(t *testing.T) {
	env := testEnv(t)
	env.walk.reuseItem = true
	env.walk.linkConfig.Products = []string{"auth"}
	var lacking plaidflow.Partner
	for _, c := range env.deps.Catalog.Partners {
		if c.Runnable() && len(productsMissing(c, []string{"auth"})) > 0 {
			lacking = c
			break
		}
	}
	p := testPartnerStep(t, env)
	p.selectPartner(lacking.ID)
	p, _, out := p.update(keyMsg("enter"), env)
	if _, ok := out.(noticeRaisedMsg); !ok {
		t.Fatalf("first enter on %s returned %#v, want a notice", lacking.ID, out)
	}
	if v := p.view(env); !strings.Contains(v, "new Link") {
		t.Errorf("the list does not mark %s as needing a new Link:\n%s", lacking.ID, v)
	}
	_, _, out = p.update(keyMsg("enter"), env)
	if c, ok := out.(partnerChosenMsg); !ok || !c.newLink || c.partner.ID != lacking.ID {
		t.Fatalf("second enter returned %#v, want a new Link for %s", out, lacking.ID)
	}
}

// The view shows the filter, the count and the highlighted partner's details.
func TestPartnerStepView(t *testing.T) {
	env := testEnv(t)
	p := typeInto(testPartnerStep(t, env), env, "dwolla")
	v := p.view(env)
	for _, want := range []string{"Filter: dwolla", "1 of", "> Dwolla", "id dwolla"} {
		if !strings.Contains(v, want) {
			t.Errorf("view lacks %q:\n%s", want, v)
		}
	}
	if p.busy() || len(p.help(env)) == 0 {
		t.Errorf("busy %v, help %v", p.busy(), p.help(env))
	}
}
