package tui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"plaidwalk/plaidflow"
)

// The shortcut's "custom user" entry fills user_custom and a working configuration to edit;
// the form sends them as the shortcut's login, and going back to user_good restores its own.
func TestOptionsCustomUserEntry(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	for o.fields[o.focus].name != fieldMode {
		o, _, _ = o.update(keyMsg("tab"), env)
	}
	o, _, _ = o.update(keyMsg("right"), env)
	o, _, _ = o.update(keyMsg("right"), env) // sandbox shortcut
	if !strings.Contains(o.view(env), "Sandbox user") {
		t.Fatalf("the shortcut's form has no Sandbox user entry:\n%s", o.view(env))
	}
	for o.fields[o.focus].name != fieldSandboxUser {
		o, _, _ = o.update(keyMsg("tab"), env)
	}
	o, _, _ = o.update(keyMsg("right"), env)
	if v := o.view(env); !strings.Contains(v, "custom user") || !strings.Contains(v, plaidflow.CustomUsername) {
		t.Errorf("after choosing the custom user:\n%s", v)
	}
	_, _, out := o.update(keyMsg("enter"), env)
	sub, ok := out.(optionsSubmittedMsg)
	if !ok || sub.choices.mode != modeShortcut || sub.choices.shortcut.username != plaidflow.CustomUsername ||
		sub.choices.shortcut.password != plaidflow.CustomUserExample {
		t.Fatalf("submitted %#v, want the shortcut as user_custom with the example configuration", out)
	}
	o, _, _ = o.update(keyMsg("right"), env)
	if o.field(fieldUsername).value() != plaidflow.DefaultUsername || o.field(fieldPassword).value() != plaidflow.DefaultPassword {
		t.Errorf("back to user_good: %q / %q", o.field(fieldUsername).value(), o.field(fieldPassword).value())
	}
}

// A configuration far longer than the other fields' limit still fits the password.
func TestOptionsPasswordTakesALongConfiguration(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false)
	long := `{"seed":"` + strings.Repeat("x", 4000) + `"}`
	for i := range o.fields {
		if o.fields[i].name == fieldPassword {
			o.fields[i].input.SetValue(long)
		}
	}
	if got := o.field(fieldPassword).value(); got != long {
		t.Errorf("the password kept %d of %d bytes", len(got), len(long))
	}
}

// The configuration scrolls within its line: the form still fits 80 columns, focused or not.
func TestOptionsCustomUserFits80Columns(t *testing.T) {
	env := testEnv(t)
	env.walk.partner = partnerNamed(t, env, "dwolla")
	o := newOptionsModel(env.deps.Config, env.walk.partner, false).withSandboxUser(sandboxUserCustom)
	for o.fields[o.focus].name != fieldMode {
		o, _, _ = o.update(keyMsg("tab"), env)
	}
	o, _, _ = o.update(keyMsg("right"), env)
	o, _, _ = o.update(keyMsg("right"), env)
	for _, focus := range []string{fieldMode, fieldPassword} {
		for o.fields[o.focus].name != focus {
			o, _, _ = o.update(keyMsg("tab"), env)
		}
		for _, line := range strings.Split(o.view(env), "\n") {
			if w := ansi.StringWidth(line); w > 80 {
				t.Errorf("focus on %s: a line is %d columns: %q", focus, w, line)
			}
		}
	}
}
