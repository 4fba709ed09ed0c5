package tui

import (
	"plaidwalk/plaidflow"
)

// The Link options' Auth flow: how Auth verifies the account. "login" is the default (the bank
// login verifies it); the others are plaidflow.AuthFlows, read from that list so a flow added
// there shows up here. Choosing one fills the shortcut's bank, user and password from the
// flow (plaidflow.AuthFlow.ShortcutLogin, the owner run's --auth-flow reads too); a flow that
// needs Link (numbers or a deposit code typed by a person) turns the shortcut into the
// browser, and the form refuses the shortcut with it.

const (
	fieldAuthFlow = "auth_flow"
	authFlowLogin = "login"
)

// authFlowField lists the flows by name, login first.
func authFlowField() optionField {
	choices := []string{authFlowLogin}
	for _, f := range plaidflow.AuthFlows {
		choices = append(choices, f.Name)
	}
	return choiceField(fieldAuthFlow, "Auth flow", "", choices...)
}

// authFlow is the flow chosen; false for the login (or a form without the option).
func (o optionsModel) authFlow() (plaidflow.AuthFlow, bool) {
	name := o.field(fieldAuthFlow).value()
	for _, f := range plaidflow.AuthFlows {
		if f.Name == name {
			return f, true
		}
	}
	return plaidflow.AuthFlow{}, false
}

// authFlowHint is the Auth flow's help line for the flow chosen: the bank and credentials it
// uses, and whether it needs Link in the browser.
func (o optionsModel) authFlowHint() string {
	f, ok := o.authFlow()
	if !ok {
		return "login (default): the bank login verifies the account. ←/→ picks an Auth flow of Plaid's Sandbox: " +
			"its bank and test user are filled in for you"
	}
	hint := f.Name + ": " + f.About
	switch {
	case f.NeedsLink:
		hint += " · needs Link in the browser (or Hosted Link): a person types the numbers, which the sandbox shortcut cannot"
	case linkMode(o.field(fieldMode).value()) != modeShortcut:
		inst, user, pass := f.ShortcutLogin()
		hint += " · in Link, pick that bank (" + inst + ") and log in as " + user + " / " + pass
	}
	return hint
}

// withAuthFlow fills the shortcut's login for the flow chosen (the default login for "login"
// or a flow the shortcut cannot walk), and moves a flow that needs Link off the shortcut.
func (o optionsModel) withAuthFlow() optionsModel {
	inst, user, pass := plaidflow.DefaultInstitutionID, plaidflow.DefaultUsername, plaidflow.DefaultPassword
	f, ok := o.authFlow()
	if ok && !f.NeedsLink {
		inst, user, pass = f.ShortcutLogin()
	}
	for i := range o.fields {
		switch o.fields[i].name {
		case fieldInstitution:
			o.fields[i].input.SetValue(inst)
		case fieldSandboxUser:
			o.fields[i].choice = 0 // user_good: every flow logs in as it
		case fieldUsername:
			o.fields[i].input.SetValue(user)
		case fieldPassword:
			o.fields[i].input.SetValue(pass)
		case fieldMode:
			if ok && f.NeedsLink && linkMode(o.fields[i].value()) == modeShortcut {
				o.fields[i].choice = 0 // the browser
			}
		}
	}
	return o
}

// withoutAuthFlow sets the option back to the login: the sandbox user was changed by hand, so
// the flow's password is gone.
func (o optionsModel) withoutAuthFlow() optionsModel {
	for i := range o.fields {
		if o.fields[i].name == fieldAuthFlow {
			o.fields[i].choice = 0
		}
	}
	return o
}

// authFlowProblem is why the form cannot go on with the flow chosen ("" when it can).
func (o optionsModel) authFlowProblem(mode linkMode) string {
	if f, ok := o.authFlow(); ok && f.NeedsLink && mode == modeShortcut {
		return f.Name + " needs Link: a person types the account's numbers there, which the sandbox shortcut cannot. " +
			"Choose Link mode browser (or hosted link)."
	}
	return ""
}
