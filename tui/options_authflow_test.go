package tui

import (
	"slices"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// focusField tabs the form to the field named name.
func focusField(t *testing.T, o optionsModel, env stepEnv, name string) optionsModel {
	t.Helper()
	for range len(o.fields) + 1 {
		if o.fields[o.focus].name == name {
			return o
		}
		o, _, _ = o.update(keyMsg("tab"), env)
	}
	t.Fatalf("tab never reached %s:\n%s", name, o.view(env))
	return o
}

// chooseMode sets Link mode to want with ←/→ on its field.
func chooseMode(t *testing.T, o optionsModel, env stepEnv, want linkMode) optionsModel {
	t.Helper()
	o = focusField(t, o, env, fieldMode)
	for range 3 {
		if linkMode(o.field(fieldMode).value()) == want {
			return o
		}
		o, _, _ = o.update(keyMsg("right"), env)
	}
	t.Fatalf("Link mode never became %s", want)
	return o
}

// The Auth flow option lists plaidflow.AuthFlows after the login, in their order.
func TestOptionsAuthFlowListsPlaidflowFlows(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	want := []string{authFlowLogin}
	for _, f := range plaidflow.AuthFlows {
		want = append(want, f.Name)
	}
	if got := o.field(fieldAuthFlow).choices; !slices.Equal(got, want) {
		t.Fatalf("Auth flow choices %q, want %q", got, want)
	}
	o = focusField(t, o, env, fieldAuthFlow)
	if v := o.view(env); !strings.Contains(v, "> Auth flow") || !strings.Contains(v, "login (default)") {
		t.Errorf("the focused Auth flow lacks its help:\n%s", v)
	}
}

// With the shortcut, choosing a flow fills its bank, user and password (as run --auth-flow
// does, from the same plaidflow owner), says them in the help line, and is submitted; back to
// the login restores the default login.
func TestOptionsAuthFlowFillsTheShortcutLogin(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := chooseMode(t, newOptionsModel(env.deps.Config, env.walk.partner, false), env, modeShortcut)
	o = focusField(t, o, env, fieldAuthFlow)
	for _, f := range plaidflow.AuthFlows {
		o, _, _ = o.update(keyMsg("right"), env)
		if f.NeedsLink {
			continue
		}
		inst, user, pass := f.ShortcutLogin()
		if got := [3]string{o.field(fieldInstitution).value(), o.field(fieldUsername).value(), o.field(fieldPassword).value()}; got != [3]string{inst, user, pass} {
			t.Errorf("%s filled %q, want %s %s %s", f.Name, got, inst, user, pass)
		}
		if v := ansi.Strip(o.view(env)); !strings.Contains(strings.Join(strings.Fields(v), " "), strings.Join(strings.Fields(f.About), " ")) {
			t.Errorf("%s: the help line does not say its bank and credentials (%q):\n%s", f.Name, f.About, v)
		}
		_, _, out := o.update(keyMsg("enter"), env)
		sub, ok := out.(optionsSubmittedMsg)
		if !ok || sub.choices.authFlow.ID != f.ID || sub.choices.shortcut != (shortcut{inst, user, pass}) {
			t.Errorf("%s submitted %#v", f.Name, out)
		}
	}
	for o.field(fieldAuthFlow).value() != authFlowLogin {
		o, _, _ = o.update(keyMsg("right"), env)
	}
	if o.field(fieldInstitution).value() != plaidflow.DefaultInstitutionID || o.field(fieldPassword).value() != plaidflow.DefaultPassword {
		t.Errorf("back to login: %s / %s", o.field(fieldInstitution).value(), o.field(fieldPassword).value())
	}
}

// In the browser the help line says what to pick in Link; a custom sandbox user drops the flow.
func TestOptionsAuthFlowInTheBrowser(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := focusField(t, newOptionsModel(env.deps.Config, env.walk.partner, false), env, fieldAuthFlow)
	f, ok := plaidflow.AuthFlowByID("automated-microdeposits")
	if !ok {
		t.Fatal("no automated-microdeposits flow in plaidflow.AuthFlows")
	}
	for o.field(fieldAuthFlow).value() != f.Name {
		o, _, _ = o.update(keyMsg("right"), env)
	}
	if v := strings.Join(strings.Fields(ansi.Strip(o.view(env))), " "); !strings.Contains(v, "in Link, pick that bank (ins_109512) and log in as user_good / microdeposits_good") {
		t.Errorf("browser mode: the help does not say what to pick in Link:\n%s", v)
	}
	o = chooseMode(t, o, env, modeShortcut)
	o = focusField(t, o, env, fieldSandboxUser)
	o, _, _ = o.update(keyMsg("right"), env)
	if o.field(fieldAuthFlow).value() != authFlowLogin || o.field(fieldUsername).value() != plaidflow.CustomUsername {
		t.Errorf("custom user: flow %q, user %q", o.field(fieldAuthFlow).value(), o.field(fieldUsername).value())
	}
}

// A flow that needs Link (typed numbers) moves the form off the shortcut, says so, and the form
// refuses the shortcut with it. The flow is added to plaidflow.AuthFlows for the test: the
// option reads that list.
func TestOptionsAuthFlowNeedingLink(t *testing.T) {
	saved := plaidflow.AuthFlows
	plaidflow.AuthFlows = append(slices.Clip(saved), plaidflow.AuthFlow{ID: "typed-numbers", Name: "Typed Numbers",
		NeedsLink: true, About: "any bank: type routing 110000000 and account 1111222233330000 in Link"})
	t.Cleanup(func() { plaidflow.AuthFlows = saved })
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := chooseMode(t, newOptionsModel(env.deps.Config, env.walk.partner, false), env, modeShortcut)
	o = focusField(t, o, env, fieldAuthFlow)
	for o.field(fieldAuthFlow).value() != "Typed Numbers" {
		o, _, _ = o.update(keyMsg("right"), env)
	}
	if linkMode(o.field(fieldMode).value()) != modeBrowser {
		t.Errorf("a flow needing Link left the mode at %s", o.field(fieldMode).value())
	}
	if v := strings.Join(strings.Fields(ansi.Strip(o.view(env))), " "); !strings.Contains(v, "needs Link in the browser") {
		t.Errorf("the help does not say the flow needs Link:\n%s", v)
	}
	for _, line := range strings.Split(o.view(env), "\n") {
		if w := ansi.StringWidth(line); w > 80 {
			t.Errorf("a line is %d columns with %d flows: %q", w, len(plaidflow.AuthFlows), line)
		}
	}
	o = chooseMode(t, o, env, modeShortcut)
	o, _, out := o.update(keyMsg("enter"), env)
	if out != nil || !strings.Contains(o.err, "Typed Numbers needs Link") {
		t.Errorf("the shortcut with a flow needing Link: out %#v, err %q", out, o.err)
	}
}

// Production has no sandbox banks: the option is not offered.
func TestOptionsAuthFlowNotInProduction(t *testing.T) {
	env := pureModel(t, plaidflow.EnvProduction).env()
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	if v := o.view(env); strings.Contains(v, "Auth flow") {
		t.Errorf("production offers the Auth flow:\n%s", v)
	}
}

// Each flow's submitted link_token asks Link for what the flow needs (AuthFlow.LinkWith):
// Same-Day and Instant Micro-deposits turn on their auth flags, the others change nothing.
func TestOptionsAuthFlowAsksLinkForItsScreens(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := focusField(t, newOptionsModel(env.deps.Config, env.walk.partner, false), env, fieldAuthFlow)
	for _, f := range plaidflow.AuthFlows {
		o, _, _ = o.update(keyMsg("right"), env)
		_, _, out := o.update(keyMsg("enter"), env)
		sub, ok := out.(optionsSubmittedMsg)
		want := f.LinkWith(plaidflow.LinkConfig{})
		if !ok || sub.choices.link.SameDayMicrodeposits != want.SameDayMicrodeposits || sub.choices.link.InstantMicrodeposits != want.InstantMicrodeposits {
			t.Errorf("%s submitted %#v, want the link_token's auth flags of %+v", f.Name, out, want)
		}
	}
}
