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
	if typedIntoLink(s) {
		notes = append(notes, "the saved walk's account was linked by typing its numbers into Link (Same-Day or Instant Micro-deposits), "+
			"which the sandbox shortcut cannot do: the replay opens Link in the browser again")
	} else if in.LinkMode != sessions.LinkModeShortcut {
		notes = append(notes, "the saved walk used Plaid Link ("+in.LinkMode+"); the replay uses the sandbox shortcut with the same institution, user and account")
	}
	if wo.Username == "" {
		wo.Username = plaidflow.DefaultUsername
	}
	if wo.Password == "" {
		var note string
		wo.Password, note = replayPassword(s)
		if note != "" {
			notes = append(notes, note)
		}
	}
	if in.Env != string(cfg.Env) {
		notes = append(notes, "the walk was recorded in "+in.Env+" and is replayed in "+string(cfg.Env))
	}
	return wo, notes
}

// replayPassword picks the password for a walk whose own is not in the session: a browser
// walk never handed one to plaidwalk, and a password that is not a sandbox test password is
// dropped when saving. A login that failed is failed again with the matching error_<CODE>
// test password; anything else logs in with pass_good.
func replayPassword(s sessions.Session) (string, string) {
	if s.Inputs.LinkMode != sessions.LinkModeShortcut {
		if lo := linkOutcomeOf(s); lo != nil && lo.ErrorCode != "" {
			return "error_" + lo.ErrorCode, "Link ended with " + lo.ErrorCode + " in the saved walk, so the replay logs in with the sandbox password error_" + lo.ErrorCode
		}
		if sessions.FirstVerificationStatus(s.Calls) == plaidflow.VerificationPendingAutomatic {
			if f, ok := plaidflow.AuthFlowByID("automated-microdeposits"); ok {
				_, _, pass := f.ShortcutLogin()
				return pass, "the saved walk's account came out of Link " + plaidflow.VerificationPendingAutomatic +
					" (Automated Micro-deposits), so the replay logs in with " + pass + ", the password that starts that flow"
			}
		}
		return plaidflow.DefaultPassword, ""
	}
	if pw := s.Outcome.SandboxPassword(); pw != "" {
		return pw, "the saved walk's password was not kept (only sandbox test passwords are) and its login failed with " +
			s.Outcome.ErrorCode + ", so the replay logs in with the sandbox password " + pw + ", which fails the same way"
	}
	return plaidflow.DefaultPassword, "the saved walk's password was not kept (only sandbox test passwords are); the replay uses " + plaidflow.DefaultPassword
}

func linkOutcomeOf(s sessions.Session) *sessions.LinkOutcome {
	if s.Link == nil {
		return nil
	}
	return s.Link.Outcome
}
