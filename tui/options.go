package tui

import (
	"strings"

	"github.com/charmbracelet/bubbles/cursor"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"

	"plaidwalk/plaidflow"
)

// Step 2: Link options. Every field starts at a working default, so Enter alone goes on.

type linkMode string

const (
	modeBrowser  linkMode = "browser"
	modeHosted   linkMode = "hosted link"
	modeShortcut linkMode = "sandbox shortcut"
)

const (
	fieldProducts    = "products"
	fieldCountries   = "country_codes"
	fieldLanguage    = "language"
	fieldClientName  = "client_name"
	fieldRedirectURI = "redirect_uri"
	fieldSelect      = "account_select"
	fieldMode        = "link_mode"
	fieldInstitution = "institution_id"
	fieldSandboxUser = "sandbox_user"
	fieldUsername    = "username"
	fieldPassword    = "password"
	fieldWebhook     = "webhook"
	inputPrefix      = "input:"
)

// shortcut is how the sandbox shortcut logs in, instead of Link.
type shortcut struct{ institution, username, password string }

type optionField struct {
	name, label, hint string
	input             textinput.Model
	choices           []string // a choice field when set
	choice            int
	required          bool
	standIn           string // the offline stand-in value prefilled, said as such beside it
}

func (f optionField) value() string {
	if f.choices != nil {
		return f.choices[f.choice]
	}
	return strings.TrimSpace(f.input.Value())
}

type optionsModel struct {
	ready   bool
	reuse   bool // only the partner's inputs: the Item is kept
	sandbox bool // offline or Plaid's Sandbox: the Auth flows apply
	fields  []optionField
	focus   int
	err     string
}

func textField(name, label, value, hint string) optionField {
	in := textinput.New()
	in.Prompt = ""
	in.SetValue(value)
	in.CharLimit = 512
	in.Cursor.SetMode(cursor.CursorStatic) // no blink timer: an idle screen costs nothing
	return optionField{name: name, label: label, hint: hint, input: in}
}

func choiceField(name, label, hint string, choices ...string) optionField {
	return optionField{name: name, label: label, hint: hint, choices: choices}
}

func newOptionsModel(cfg plaidflow.Config, p plaidflow.Partner, reuse bool) optionsModel {
	o := optionsModel{ready: true, reuse: reuse, sandbox: cfg.Env != plaidflow.EnvProduction}
	if !reuse {
		lc := plaidflow.DefaultLinkConfig(cfg, p)
		modes := []string{string(modeBrowser), string(modeHosted), string(modeShortcut)}
		if cfg.Env == plaidflow.EnvProduction {
			modes = modes[:2] // the shortcut is a sandbox endpoint
		}
		o.fields = []optionField{
			textField(fieldProducts, "Products", strings.Join(lc.Products, ","), "Link products, comma separated; preset from the partner"),
			textField(fieldCountries, "Country codes", strings.Join(lc.CountryCodes, ","), "comma separated, e.g. US,CA"),
			textField(fieldLanguage, "Language", lc.Language, "Link's language: en, fr, es, nl, de ..."),
			textField(fieldClientName, "Client name", lc.ClientName, "the app name Link shows"),
			textField(fieldRedirectURI, "Redirect URI", lc.RedirectURI, "only for OAuth redirects; must be allow-listed in the Dashboard"),
			choiceField(fieldSelect, "Account Select", "single: one account; multiple: Link lets the user pick several", "single", "multiple"),
			choiceField(fieldMode, "Link mode", "browser: local page; hosted link: Plaid-hosted URL; shortcut: no browser", modes...),
			authFlowField(),
			textField(fieldInstitution, "Institution", plaidflow.DefaultInstitutionID, "sandbox institution id (First Platypus Bank)"),
			choiceField(fieldSandboxUser, "Sandbox user", "custom user: your own account set as JSON in the password (user_custom)",
				sandboxUserGood, sandboxUserCustom),
			textField(fieldUsername, "Test user", plaidflow.DefaultUsername, "sandbox username"),
			passwordField(),
			textField(fieldWebhook, "Webhook", "", webhookHint(cfg)),
		}
	}
	for _, in := range p.Inputs {
		def, hint := in.Default, in.Label+"; asked for by "+p.Name
		standIn := ""
		if def == "" && in.Required && cfg.Env == plaidflow.EnvOffline {
			def, standIn = offlineStandIn, offlineStandIn // the emulator accepts any value; real mode must ask the partner
			hint = in.Label + " · offline: any value works; " + shortName(p) + " gives you the real one"
		}
		f := textField(inputPrefix+in.Name, inputLabel(p, in), def, hint)
		f.required, f.standIn = in.Required, standIn
		o.fields = append(o.fields, f)
	}
	return o.focusOn(0)
}

func (o optionsModel) field(name string) optionField {
	for _, f := range o.fields {
		if f.name == name {
			return f
		}
	}
	return optionField{input: textinput.New(), choices: nil}
}

// visible reports whether field i is shown: the test user only matters for the shortcut.
func (o optionsModel) visible(i int) bool {
	switch o.fields[i].name {
	case fieldInstitution, fieldSandboxUser, fieldUsername, fieldPassword:
		return linkMode(o.field(fieldMode).value()) == modeShortcut
	case fieldAuthFlow:
		return o.sandbox // Plaid's test banks and users exist in the Sandbox only
	}
	return true
}

func (o optionsModel) focusOn(i int) optionsModel {
	for j := range o.fields {
		o.fields[j].input.Blur()
	}
	o.focus = i
	if i < len(o.fields) && o.fields[i].choices == nil {
		o.fields[i].input.Focus()
		o.fields[i].input.CursorEnd()
	}
	return o
}

// move goes to the next (or previous) visible field, wrapping around.
func (o optionsModel) move(delta int) optionsModel {
	n := len(o.fields)
	if n == 0 {
		return o
	}
	i := o.focus
	for range n {
		i = (i + delta + n) % n
		if o.visible(i) {
			break
		}
	}
	return o.focusOn(i)
}

func (o optionsModel) focusedIsText() bool {
	return o.focus < len(o.fields) && o.fields[o.focus].choices == nil
}

// update takes the form's keys; Enter reads the form and finishes with optionsSubmittedMsg,
// or stays with the problem to fix.
func (o optionsModel) update(msg tea.Msg, env stepEnv) (optionsModel, tea.Cmd, tea.Msg) {
	km, ok := msg.(tea.KeyMsg)
	if !ok {
		return o, nil, nil
	}
	o.err = ""
	switch k := env.keys; {
	case key.Matches(km, k.Enter):
		c, problem := o.build(env.deps.Config, env.walk.partner)
		if problem != "" {
			o.err = problem
			return o, nil, nil
		}
		return o, nil, optionsSubmittedMsg{choices: c, reuse: o.reuse}
	case km.String() == "tab" || km.String() == "down":
		o = o.move(1)
	case km.String() == "shift+tab" || km.String() == "up":
		o = o.move(-1)
	case !o.focusedIsText() && key.Matches(km, k.Toggle):
		f := &o.fields[o.focus]
		step := 1
		if km.String() == "left" {
			step = len(f.choices) - 1
		}
		f.choice = (f.choice + step) % len(f.choices)
		switch f.name {
		case fieldSandboxUser:
			o = o.withoutAuthFlow().withSandboxUser(f.value())
		case fieldAuthFlow:
			o = o.withAuthFlow()
		}
	case o.focusedIsText():
		var cmd tea.Cmd
		o.fields[o.focus].input, cmd = o.fields[o.focus].input.Update(km)
		return o, cmd, nil
	}
	return o, nil, nil
}

func (o optionsModel) busy() bool { return false }

func (o optionsModel) help(env stepEnv) []key.Binding {
	k := env.keys
	if o.reuse {
		return []key.Binding{withHelp(k.Enter, "choose the account"), k.Back, k.NextField, k.PrevField}
	}
	return []key.Binding{withHelp(k.Enter, "create link_token"), k.Back, k.NextField, k.Toggle, k.PrevField}
}

// offlineStandIn fills a required partner input offline, where the emulator takes any value.
const offlineStandIn = "offline-test"

// inputLabel names a partner input in words beside "Client name", not as its API field.
func inputLabel(p plaidflow.Partner, in plaidflow.Input) string {
	switch in.Name {
	case plaidflow.InputSecondaryClientID:
		return "Secondary client ID (" + shortName(p) + ")"
	case plaidflow.InputDaysRequested:
		return "Days of history"
	}
	return in.Name
}

// shortName is a partner's name without its parenthesised qualifier: "Alloy (credit
// decisioning)" is Alloy.
func shortName(p plaidflow.Partner) string {
	if name, _, ok := strings.Cut(p.Name, " ("); ok && name != "" {
		return name
	}
	return p.Name
}

// The shortcut's sandbox users: Plaid's user_good, or a custom user whose password is a JSON
// configuration of its accounts (what support uses to reproduce a customer's account set).
const (
	sandboxUserGood   = "user_good"
	sandboxUserCustom = "custom user"
)

// passwordField holds the shortcut's password; long enough for a pasted custom configuration.
func passwordField() optionField {
	f := textField(fieldPassword, "Test password", plaidflow.DefaultPassword,
		"error_<CODE> makes the login fail with that code; user_custom takes a JSON configuration")
	f.input.CharLimit = 56 << 10 // the sandbox's limit on a configuration (about 55 KB)
	f.input.Width = 52           // a configuration scrolls within the line instead of overflowing 80 columns
	return f
}

// withSandboxUser fills the test user and password for the sandbox user chosen: user_good /
// pass_good, or user_custom with a working configuration to edit.
func (o optionsModel) withSandboxUser(choice string) optionsModel {
	user, pass := plaidflow.DefaultUsername, plaidflow.DefaultPassword
	if choice == sandboxUserCustom {
		user, pass = plaidflow.CustomUsername, plaidflow.CustomUserExample
	}
	for i := range o.fields {
		switch o.fields[i].name {
		case fieldUsername:
			o.fields[i].input.SetValue(user)
		case fieldPassword:
			o.fields[i].input.SetValue(pass)
		}
	}
	return o
}
