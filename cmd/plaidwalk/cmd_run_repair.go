package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"

	"plaidwalk/internal/termtext"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// run --repair: after the partner's token, break the Item as a changed bank password would
// and repair it through Link in update mode (plaidflow/repair.go owns the calls).

// repairResult is what the repair showed, step by step; what was not reached stays empty.
type repairResult struct {
	LoginRequired *plaidflow.PlaidError  // the app's next call after /sandbox/item/reset_login
	LinkToken     plaidflow.LinkToken    // the update-mode link_token
	PublicToken   string                 // what update-mode Link handed back (not exchanged)
	Link          *browserLink           // how update-mode Link ended
	ItemError     string                 // /item/get's item.error code after the repair ("" = none)
	PartnerView   *plaidflow.PartnerView // the partner's reads with its token, after the repair
	attempt       sessions.AttemptID     // the repair's own attempt: its calls and Link's events
}

// checkRepairMode refuses --repair where it cannot run, before any call.
func checkRepairMode(c *cli, cfg plaidflow.Config, o runOptions) int {
	if !o.repair {
		return 0
	}
	switch {
	case cfg.Env == plaidflow.EnvProduction:
		fmt.Fprintln(c.stderr, "plaidwalk run: --repair breaks the Item with /sandbox/item/reset_login, which production does not have.\n"+
			"  fix: run it offline or against sandbox.")
		return 2
	case o.link != linkBrowser && o.link != linkHosted:
		fmt.Fprintln(c.stderr, "plaidwalk run: --repair needs a person to log in again through Link in update mode, and the sandbox shortcut has no update mode.\n"+
			"  fix: add --link browser (Link on a local page) or --link hosted (Plaid's Hosted Link page).")
		return 2
	}
	return 0
}

// repairItem breaks the walk's Item, has Link repair it in update mode, and shows the Item
// and the partner's token working again.
func repairItem(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, res *runResult, o runOptions) (*repairResult, error) {
	rec := res.attempt
	rr := &repairResult{attempt: rec.attempts.Open(res.Partner)}
	access := res.Walk.Item.AccessToken
	var err error
	if rr.LoginRequired, err = client.BreakItem(ctx, access); err != nil {
		return rr, err
	}
	if !o.json {
		fmt.Fprintf(c.stderr, "  … the Item's login was reset: %s now answers %s; opening Link in update mode\n",
			rr.LoginRequired.Endpoint, rr.LoginRequired.Code)
	}
	if rr.LinkToken, rr.PublicToken, rr.Link, err = updateLink(ctx, c, client, cfg, res, o, rr.attempt); err != nil {
		return rr, err
	}
	if rr.ItemError, err = client.ItemErrorCode(ctx, access); err != nil {
		return rr, err
	}
	if rr.ItemError != "" {
		return rr, fmt.Errorf("update-mode Link finished, but /item/get still reports %s: log in with the test user the Item was made with", rr.ItemError)
	}
	rr.PartnerView, err = partnerViewFor(ctx, client, *res)
	return rr, err
}

// updateLink makes a link_token in update mode for the walk's Item and has a person finish
// Link with it, in the browser or on Hosted Link as the walk's first Link was, recording its
// events and outcome in the attempt id. The repair and the Same-Day deposit code
// (run_verify_code.go) both open it. Link is nil when the link_token could not be made.
func updateLink(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, res *runResult, o runOptions,
	id sessions.AttemptID) (lt plaidflow.LinkToken, publicToken string, link *browserLink, err error) {
	if lt, err = client.CreateUpdateLinkToken(ctx, res.Options.Link, res.Walk.Item.AccessToken); err != nil {
		return lt, "", nil, err
	}
	attempts := res.attempt.attempts
	var bl browserLink
	if o.link == linkHosted {
		attempts.LinkStarted(id, sessions.LinkModeHosted)
		publicToken, bl, err = runHostedLink(ctx, c, client, lt, o)
		if bl.Outcome != nil {
			attempts.LinkEnded(id, *bl.Outcome)
		}
	} else {
		attempts.LinkStarted(id, sessions.LinkModeBrowser)
		publicToken, bl, err = runBrowserLink(ctx, c, cfg, lt, o, linkAttempt{attempts: attempts, id: id})
	}
	return lt, publicToken, &bl, err
}

// errorWebhook is the ITEM ERROR webhook the reset sent to plaidwalk's own receiver (offline),
// nil when none came (a --webhook URL elsewhere, or real keys).
func errorWebhook(hooks []sessions.Webhook) *sessions.Webhook {
	for i := len(hooks) - 1; i >= 0; i-- {
		if hooks[i].Type == "ITEM" && hooks[i].Code == "ERROR" {
			return &hooks[i]
		}
	}
	return nil
}

// webhookErrorCode reads error.error_code from a webhook's body.
func webhookErrorCode(h sessions.Webhook) string {
	var body struct {
		Error struct {
			Code string `json:"error_code"`
		} `json:"error"`
	}
	_ = json.Unmarshal(h.Body, &body)
	return termtext.SingleLine(body.Error.Code)
}

// printRepair tells the repair, in the order it happened.
func printRepair(w io.Writer, r *repairResult, hooks []sessions.Webhook, reveal bool) {
	if r == nil {
		return
	}
	clean := termtext.SingleLine
	fmt.Fprintln(w, "\n  repair: the Item broken, then fixed in Link's update mode")
	if pe := r.LoginRequired; pe != nil {
		fmt.Fprintf(w, "    %-14s /sandbox/item/reset_login, then %s failed: %s / %s\n", "broken", clean(pe.Endpoint), clean(pe.Type), clean(pe.Code))
	}
	if h := errorWebhook(hooks); h != nil && r.LoginRequired != nil {
		mark := "✓ verified"
		if !h.Verified {
			mark = "✗ not verified"
		}
		fmt.Fprintf(w, "    %-14s ITEM ERROR %s reached the walk's webhook receiver (%s)\n", "webhook", webhookErrorCode(*h), mark)
	}
	if r.LinkToken.Token != "" {
		fmt.Fprintf(w, "    %-14s %s (access_token, no products; expires %s)\n", "update token", clean(showToken(r.LinkToken.Token, reveal)),
			r.LinkToken.Expiration.UTC().Format("15:04:05 MST"))
	}
	if r.PublicToken != "" {
		fmt.Fprintf(w, "    %-14s %s (not exchanged: the access_token is unchanged)\n", "public_token", clean(showToken(r.PublicToken, reveal)))
	}
	if r.PartnerView != nil {
		fmt.Fprintf(w, "    %-14s /item/get reports no error; the partner's token reads the account again\n", "repaired")
	}
	for _, line := range wrapWords(plaidflow.RepairNote, 88) {
		fmt.Fprintf(w, "    %s\n", line)
	}
	printPartnerView(w, "partner view after the repair", r.PartnerView, reveal)
}

// repairJSON is --json's repair object.
type repairJSON struct {
	LoginRequired   *errorJSON        `json:"login_required,omitempty"`
	UpdateLinkToken string            `json:"update_link_token,omitempty"`
	PublicToken     string            `json:"public_token,omitempty"`
	Exchanged       bool              `json:"exchanged"`
	ItemError       *string           `json:"item_error"`              // /item/get's error code after the repair; null: none
	ErrorWebhook    *sessions.Webhook `json:"error_webhook,omitempty"` // the reset's ITEM ERROR webhook, when plaidwalk's receiver got it
	Repaired        bool              `json:"repaired"`
	PartnerView     *partnerViewJSON  `json:"partner_view,omitempty"`
	Note            string            `json:"note"`
}

func repairDoc(r *repairResult, hooks []sessions.Webhook, reveal bool) *repairJSON {
	if r == nil {
		return nil
	}
	doc := &repairJSON{Note: plaidflow.RepairNote, PartnerView: partnerViewDoc(r.PartnerView, reveal), Repaired: r.PartnerView != nil}
	if r.LoginRequired != nil {
		doc.LoginRequired = errorDoc(r.LoginRequired)
		doc.ErrorWebhook = errorWebhook(hooks)
	}
	if r.LinkToken.Token != "" {
		doc.UpdateLinkToken = showToken(r.LinkToken.Token, reveal)
	}
	if r.PublicToken != "" {
		doc.PublicToken = showToken(r.PublicToken, reveal)
	}
	if r.ItemError != "" {
		code := r.ItemError
		doc.ItemError = &code
	}
	return doc
}
