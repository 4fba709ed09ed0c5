package tui

import (
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

func partnerNamed(t *testing.T, env stepEnv, id string) plaidflow.Partner {
	t.Helper()
	p, ok := env.deps.Catalog.Find(id)
	if !ok {
		t.Fatalf("no partner %s", id)
	}
	return p
}

// The form finishes by returning optionsSubmittedMsg with what it read.
func TestOptionsStepFinishesWithOptionsSubmitted(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	_, _, out := o.update(keyMsg("enter"), env)
	sub, ok := out.(optionsSubmittedMsg)
	if !ok || sub.reuse || len(sub.choices.link.Products) == 0 || sub.choices.mode != modeBrowser {
		t.Fatalf("enter returned %#v, want optionsSubmittedMsg in browser mode", out)
	}
}

// A problem keeps the form on screen and says what to fix; tab moves the focus.
func TestOptionsStepStaysWithTheProblem(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	o.fields[0].input.SetValue("")
	o, _, out := o.update(keyMsg("enter"), env)
	if out != nil || !strings.Contains(o.err, "Products is empty") {
		t.Fatalf("empty products: out %#v err %q", out, o.err)
	}
	if v := o.view(env); !strings.Contains(v, "Products is empty") || !strings.Contains(v, "> Products") {
		t.Errorf("view:\n%s", v)
	}
	o, _, _ = o.update(keyMsg("tab"), env)
	if o.focus != 1 || !strings.Contains(o.view(env), "> Country codes") {
		t.Errorf("tab: focus %d\n%s", o.focus, o.view(env))
	}
	if o.busy() || len(o.help(env)) == 0 {
		t.Errorf("busy %v help %v", o.busy(), o.help(env))
	}
}

// The link_token screen finishes by returning linkTokenAcceptedMsg, only once a token is made.
func TestLinkTokenStepFinishesWithLinkTokenAccepted(t *testing.T) {
	env := testEnv(t)
	env.mode = modeBrowser
	l := linkTokenModel{creating: true}
	if !l.busy() || !strings.Contains(l.view(env), "Calling /link/token/create") {
		t.Fatalf("while creating: busy %v view %q", l.busy(), l.view(env))
	}
	if _, _, out := l.update(keyMsg("enter"), env); out != nil {
		t.Fatalf("enter before a token returned %#v", out)
	}
	l = l.back()
	env.walk.token = fakeToken()
	_, _, out := l.update(keyMsg("enter"), env)
	if _, ok := out.(linkTokenAcceptedMsg); !ok {
		t.Fatalf("enter returned %#v, want linkTokenAcceptedMsg", out)
	}
	if _, _, out = l.update(keyMsg("v"), env); out != (revealToggledMsg{}) {
		t.Fatalf("v returned %#v", out)
	}
	v := l.view(env)
	if strings.Contains(v, fakeToken().Token) || !strings.Contains(v, "Press Enter to open Link") {
		t.Errorf("view shows the token whole or lacks the next action:\n%s", v)
	}
	env.reveal = true
	if !strings.Contains(l.view(env), fakeToken().Token) {
		t.Errorf("revealed view lacks the token:\n%s", l.view(env))
	}
}
