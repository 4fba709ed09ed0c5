package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// resolveInstitution turns --institution into an institution_id: a sandbox bank's name
// (any case) or an id as given. Anything else would only come back from Plaid as
// INVALID_INSTITUTION, so it is refused here with the list of names.
func resolveInstitution(s string) (string, error) {
	s = strings.TrimSpace(s)
	for _, in := range plaidflow.SandboxInstitutions {
		if strings.EqualFold(in.Name, s) {
			return in.ID, nil
		}
	}
	if strings.HasPrefix(s, "ins_") && len(s) > len("ins_") {
		return s, nil
	}
	names := make([]string, len(plaidflow.SandboxInstitutions))
	for i, in := range plaidflow.SandboxInstitutions {
		names[i] = in.Name + " (" + in.ID + ")"
	}
	return "", fmt.Errorf("--institution %q is neither an institution id (ins_...) nor a sandbox bank; use one of:\n  %s",
		s, strings.Join(names, "\n  "))
}

func institutionID(s string) string {
	if id, err := resolveInstitution(s); err == nil {
		return id
	}
	return strings.TrimSpace(s)
}

// partnerInputs are the partner input flags that were given.
func partnerInputs(o runOptions) plaidflow.PartnerInputs {
	inputs := plaidflow.PartnerInputs{}
	if o.secondaryClientID != "" {
		inputs[plaidflow.InputSecondaryClientID] = o.secondaryClientID
	}
	if o.daysRequested != "" {
		inputs[plaidflow.InputDaysRequested] = o.daysRequested
	}
	return inputs
}

// walkOptions turns the flags into plaidflow's walk options for a partner.
func walkOptions(cfg plaidflow.Config, p plaidflow.Partner, o runOptions) plaidflow.WalkOptions {
	lc := plaidflow.DefaultLinkConfig(cfg, p)
	lc.HostedLink = o.link == linkHosted
	if o.products != "" {
		// An explicit --products replaces the partner's, to reproduce a customer's exact setup.
		lc.Products = cfg.Products
	}
	wo := plaidflow.WalkOptions{
		Link:          lc,
		InstitutionID: institutionID(o.institution),
		Username:      o.username,
		Password:      o.password,
		Account:       o.account,
		Inputs:        partnerInputs(o),
	}
	if f, ok := plaidflow.AuthFlowByID(o.authFlow); ok {
		wo.Link = f.LinkWith(wo.Link) // Link offers the flow's screens only when the link_token asks
	}
	if o.link == linkBrowser || o.link == linkHosted {
		// The bank is picked in Link, not by --institution: leaving it out lets the saved
		// session record the bank the Item came from, which is what a replay must use.
		wo.InstitutionID = ""
	}
	return wo
}

// walkPartner runs the whole flow for one partner and collects the result; it prints only
// the header (to stdout) and live progress (to stderr), and neither with --json. The `run` command prints the result
// afterwards; other commands (saving, replay) can reuse it.
func walkPartner(ctx context.Context, c *cli, cfg plaidflow.Config, p plaidflow.Partner, o runOptions) runResult {
	log := plaidflow.NewAPILog()
	attempts := sessions.NewAttempts() // a run is one attempt, recorded as the UI records its own
	defer attempts.Listen(log)()
	client := c.deps.newClient(cfg, log)
	defer client.Close()
	wo := walkOptions(cfg, p, o)
	hooks, err := startWalkWebhooks(ctx, cfg, o.webhook)
	if err != nil {
		return runResult{Config: cfg, Options: wo, Partner: p, Env: cfg.Env, Err: err, Started: time.Now()}
	}
	defer hooks.close()
	hooks.apply(client, &wo.Link)
	res := runResult{Config: cfg, Options: wo, Partner: p, Env: cfg.Env, EnvLabel: plaidflow.EnvLabel(cfg), BaseURL: client.BaseURL(), Started: time.Now(),
		attempt: linkAttempt{attempts: attempts, id: attempts.Open(p)}}
	if hooks.own(wo.Link.Webhook) {
		res.ownWebhook = wo.Link.Webhook
	}
	wo.OnWarning = func(msg string) { res.Warnings = append(res.Warnings, msg) }
	if !o.json {
		printRunHeader(c.stdout, res)
		wo.OnProgress = func(pr plaidflow.Progress) {
			fmt.Fprintf(c.stderr, "  … %s (poll %d)\n", pr.Message, pr.Attempt)
		}
	}
	if o.link == linkBrowser || o.link == linkHosted {
		wo.PublicToken, err = linkByHand(ctx, c, client, cfg, &res, o)
		if err != nil {
			res.Err = err
			res.recordWebhooks(hooks, attempts)
			res.finish(log)
			return res
		}
		if l := res.Link; l != nil && l.Outcome != nil && l.Outcome.Institution != nil {
			wo.InstitutionName = l.Outcome.Institution.Name // the name, should the lookup fail
		}
	}
	res.Options = wo
	walk, err := plaidflow.Walk(ctx, client, p, wo)
	if wo.PublicToken != "" {
		walk.LinkToken = res.Walk.LinkToken
	}
	res.Walk, res.Err = walk, err
	if res.Err == nil {
		res.VerifiedFrom, res.Err = verifyPending(ctx, client, &res.Walk)
	}
	if res.Err == nil && needsCode(res) && (o.link == linkBrowser || o.link == linkHosted) {
		res.Code, res.Err = verifyByCode(ctx, c, client, cfg, &res, o)
	}
	if err == nil && o.partnerView {
		res.PartnerView, res.Err = partnerViewFor(ctx, client, res)
	}
	if res.Err == nil && o.repair {
		res.Repair, res.Err = repairItem(ctx, c, client, cfg, &res, o)
	}
	res.recordWebhooks(hooks, attempts)
	res.finish(log)
	return res
}

// linkByHand creates the link_token and has a person finish Link, in the page linkserver
// serves (browser) or on Plaid's own page (hosted). The token and what Link reported go
// into res either way.
func linkByHand(ctx context.Context, c *cli, client *plaidflow.Client, cfg plaidflow.Config, res *runResult, o runOptions) (string, error) {
	lt, err := client.CreateLinkToken(ctx, res.Options.Link)
	res.Walk.LinkToken = lt
	if err != nil {
		return "", err
	}
	var token string
	var bl browserLink
	rec := res.attempt
	if o.link == linkHosted {
		rec.attempts.LinkStarted(rec.id, sessions.LinkModeHosted)
		token, bl, err = runHostedLink(ctx, c, client, lt, o)
		if bl.Outcome != nil {
			rec.attempts.LinkEnded(rec.id, *bl.Outcome)
		}
	} else {
		rec.attempts.LinkStarted(rec.id, sessions.LinkModeBrowser)
		token, bl, err = runBrowserLink(ctx, c, cfg, lt, o, rec)
	}
	res.Link = &bl
	return token, err
}

// recordWebhooks keeps what the receiver got, in the result and in the attempt each came in.
func (r *runResult) recordWebhooks(hooks walkWebhooks, attempts *sessions.Attempts) {
	r.Webhooks = hooks.received(r.Walk.Result.AssetReportID, r.Config.Secret, r.VerifiedFrom != "")
	for _, h := range r.Webhooks {
		attempts.AddWebhook(h)
	}
}

func (r *runResult) finish(log *plaidflow.APILog) {
	r.Duration = time.Since(r.Started)
	r.Calls = log.Calls()
}
