package main

import (
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// replayWalkOptions turns a saved session's inputs back into walk options, with a note for
// each way the replay has to differ from the original walk.
func replayWalkOptions(cfg plaidflow.Config, p plaidflow.Partner, s sessions.Session) (plaidflow.WalkOptions, []string) {
	in := s.Inputs
	var notes []string
	lc := in.Link.FlowLinkConfig()
	def := plaidflow.DefaultLinkConfig(cfg, p)
	if len(lc.Products) == 0 {
		lc.Products = def.Products
	}
	if len(lc.CountryCodes) == 0 {
		lc.CountryCodes = def.CountryCodes
	}
	if lc.ClientName == "" {
		lc.ClientName = def.ClientName
	}
	if lc.UserID == "" {
		lc.UserID = def.UserID
	}
	lc.HostedLink = false
	wo := plaidflow.WalkOptions{
		Link: lc, InstitutionID: in.InstitutionID, Username: in.Username, Password: in.Password,
		Inputs: plaidflow.PartnerInputs(in.PartnerInputs),
	}
	if in.Account != nil {
		wo.Account = in.Account.Mask
		if wo.Account == "" {
			wo.Account = in.Account.Name
		}
	}
	if in.LinkMode != sessions.LinkModeShortcut {
		notes = append(notes, "the saved walk used Plaid Link ("+in.LinkMode+"); the replay uses the sandbox shortcut with the same institution, user and account")
		if lo := linkOutcomeOf(s); wo.Password == "" && lo != nil && lo.ErrorCode != "" {
			wo.Password = "error_" + lo.ErrorCode
			notes = append(notes, "Link ended with "+lo.ErrorCode+" in the saved walk, so the replay logs in with the sandbox password "+wo.Password)
		}
	}
	if wo.Username == "" {
		wo.Username = plaidflow.DefaultUsername
	}
	if wo.Password == "" {
		wo.Password = plaidflow.DefaultPassword
		if in.LinkMode == sessions.LinkModeShortcut {
			notes = append(notes, "the saved walk's password was not kept (only sandbox test passwords are); the replay uses "+plaidflow.DefaultPassword)
		}
	}
	if in.Env != string(cfg.Env) {
		notes = append(notes, "the walk was recorded in "+in.Env+" and is replayed in "+string(cfg.Env))
	}
	return wo, notes
}

func linkOutcomeOf(s sessions.Session) *sessions.LinkOutcome {
	if s.Link == nil {
		return nil
	}
	return s.Link.Outcome
}
