package main

import (
	"context"
	"fmt"
	"strings"
	"time"

	"plaidwalk/plaidflow"
)

// sandboxInstitutions maps the sandbox banks' names to their ids for --institution.
var sandboxInstitutions = map[string]string{
	"first platypus bank":               "ins_109508",
	"first platypus balance bank":       "ins_130016",
	"first gingham credit union":        "ins_109509",
	"tattersall federal credit union":   "ins_109510",
	"tartan bank":                       "ins_109511",
	"houndstooth bank":                  "ins_109512",
	"tartan-dominion bank of canada":    "ins_43",
	"flexible platypus open banking":    "ins_116834",
	"royal bank of plaid":               "ins_117650",
	"platypus oauth bank":               "ins_127287",
	"first platypus oauth app2app bank": "ins_132241",
	"windowpane bank":                   "ins_135858",
	"unsupported platypus bank":         "ins_133402",
}

func institutionID(s string) string {
	if id, ok := sandboxInstitutions[strings.ToLower(strings.TrimSpace(s))]; ok {
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
	if o.products != "" {
		// An explicit --products replaces the partner's, to reproduce a customer's exact setup.
		lc.Products = cfg.Products
	}
	return plaidflow.WalkOptions{
		Link:          lc,
		InstitutionID: institutionID(o.institution),
		Username:      o.username,
		Password:      o.password,
		Account:       o.account,
		Inputs:        partnerInputs(o),
	}
}

// walkPartner runs the whole flow for one partner and collects the result; it prints only
// live progress (to stderr, and not with --json). The `run` command prints the result
// afterwards; other commands (saving, replay) can reuse it.
func walkPartner(ctx context.Context, c *cli, cfg plaidflow.Config, p plaidflow.Partner, o runOptions) runResult {
	log := plaidflow.NewAPILog()
	client := plaidflow.NewClient(cfg, log)
	defer client.Close()
	wo := walkOptions(cfg, p, o)
	res := runResult{Config: cfg, Options: wo, Partner: p, Env: cfg.Env, EnvLabel: envLabel(cfg), BaseURL: client.BaseURL(), Started: time.Now()}
	wo.OnWarning = func(msg string) { res.Warnings = append(res.Warnings, msg) }
	if !o.json {
		wo.OnProgress = func(pr plaidflow.Progress) {
			fmt.Fprintf(c.stderr, "  … %s (poll %d)\n", pr.Message, pr.Attempt)
		}
	}
	if o.link == "browser" {
		lt, err := client.CreateLinkToken(ctx, wo.Link)
		res.Walk.LinkToken = lt
		if err == nil {
			var bl browserLink
			wo.PublicToken, bl, err = runBrowserLink(ctx, c, cfg, lt, o)
			res.Link = &bl
		}
		if err != nil {
			res.Err = err
			res.finish(log)
			return res
		}
	}
	res.Options = wo
	walk, err := plaidflow.Walk(ctx, client, p, wo)
	if wo.PublicToken != "" {
		walk.LinkToken = res.Walk.LinkToken
	}
	res.Walk, res.Err = walk, err
	res.finish(log)
	return res
}

func (r *runResult) finish(log *plaidflow.APILog) {
	r.Duration = time.Since(r.Started)
	r.Calls = log.Calls()
}
