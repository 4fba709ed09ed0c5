package main

import (
	"context"
	"fmt"
	"strings"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// replayAfterHandoff walks the saved walk's steps after the partner's token on the replayed
// Item: the partner's reads, and a repair, whose update-mode Link needs a person in a browser
// (in Hosted Link when the saved walk used it), as `run --repair` does.
func replayAfterHandoff(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner,
	wo plaidflow.WalkOptions, walk plaidflow.WalkResult, in sessions.Inputs) error {
	res := runResult{Config: cfg, Partner: p, Options: wo, Walk: walk}
	log := client.Log()
	attempts := sessions.NewAttempts()
	defer attempts.Listen(log)()
	res.attempt = linkAttempt{attempts: attempts, id: attempts.Open(p)}
	for _, step := range in.AfterHandoff {
		var err error
		switch step {
		case sessions.AfterPartnerView:
			_, err = partnerViewFor(ctx, client, res)
		case sessions.AfterDepositCode:
			fmt.Fprintln(c.stderr, "  note: the saved walk typed its micro-deposit code in Link's update mode: type it again in the browser to replay it")
			_, err = verifyByCode(ctx, c, client, cfg, &res, runOptions{link: linkBrowser, linkTimeout: plaidflow.DefaultLinkTimeout})
		case sessions.AfterRepair:
			o := runOptions{link: linkBrowser, linkTimeout: plaidflow.DefaultLinkTimeout}
			if in.LinkMode == sessions.LinkModeHosted {
				o.link = linkHosted
			}
			fmt.Fprintln(c.stderr, "  note: the saved walk repaired its Item in Link's update mode: log in again in the browser to replay it")
			_, err = repairItem(ctx, c, client, cfg, &res, o)
		default:
			if path, ok := sessions.TriedPath(step); ok {
				err = tryOnReplay(ctx, client, walk, path)
				break
			}
			fmt.Fprintf(c.stderr, "  note: the saved walk's step %q after the hand-off is unknown to this plaidwalk; skipped\n", sessions.Clean(step))
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// typedIntoLink says whether the saved walk's account was linked by typing its numbers into
// Link (Same-Day Micro-deposits leave it pending_manual_verification, Instant Micro-deposits
// manually_verified), which the sandbox shortcut cannot do.
func typedIntoLink(s sessions.Session) bool {
	st := sessions.FirstVerificationStatus(s.Calls)
	return st == plaidflow.VerificationPendingManual || st == plaidflow.VerificationManual
}

// replayWalk walks the replay: through the sandbox shortcut, or, for a saved walk whose
// account was typed into Link, through Link in the browser again, where the person types it.
func replayWalk(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, p plaidflow.Partner,
	wo *plaidflow.WalkOptions, saved sessions.Session) (plaidflow.WalkResult, error) {
	if !typedIntoLink(saved) {
		return plaidflow.Walk(ctx, client, p, *wo)
	}
	fmt.Fprintln(c.stderr, "  note: the saved walk's account was linked by typing its numbers into Link: type them again in the browser to replay it")
	lt, err := client.CreateLinkToken(ctx, wo.Link)
	if err != nil {
		return plaidflow.WalkResult{LinkToken: lt}, err
	}
	attempts := sessions.NewAttempts()
	o := runOptions{link: linkBrowser, linkTimeout: plaidflow.DefaultLinkTimeout}
	if wo.PublicToken, _, err = runBrowserLink(ctx, c, cfg, lt, o, linkAttempt{attempts: attempts, id: attempts.Open(p)}); err != nil {
		return plaidflow.WalkResult{LinkToken: lt}, err
	}
	res, err := plaidflow.Walk(ctx, client, p, *wo)
	res.LinkToken = lt
	return res, err
}

// afterHandoffSteps are the steps a run walked after the partner's token (even one that
// failed), in the order run walks them.
func afterHandoffSteps(r runResult) []string {
	var out []string
	if r.Code != nil {
		out = append(out, sessions.AfterDepositCode)
	}
	if r.PartnerView != nil {
		out = append(out, sessions.AfterPartnerView)
	}
	if r.Repair != nil {
		out = append(out, sessions.AfterRepair)
	}
	return out
}

// afterHandoffNote names the steps after the hand-off a replay walks ("" when none).
func afterHandoffNote(in sessions.Inputs) string {
	if len(in.AfterHandoff) == 0 {
		return ""
	}
	return "after the partner's token the replay walks the saved steps too: " + strings.Join(in.AfterHandoff, ", ")
}

// tryOnReplay makes a call the saved walk made on its Try the Item screen, on the replayed
// Item. Plaid's answer, error or not, is the step compared (the saved walk went on after an
// error too); only a call that got no answer stops the replay.
func tryOnReplay(ctx context.Context, client *plaidflow.Client, walk plaidflow.WalkResult, path string) error {
	in := plaidflow.TryInput{AccessToken: walk.Item.AccessToken, InstitutionID: walk.Accounts.InstitutionID}
	if len(walk.Accounts.Accounts) > 0 {
		in.AccountID = walk.Accounts.Accounts[0].ID
	}
	err := client.Try(ctx, path, in)
	if _, ok := plaidflow.AsPlaidError(err); ok {
		return nil
	}
	return err
}
