package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"plaidwalk/internal/termtext"
	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
	"plaidwalk/sessions"
)

// walkWebhooks is where a walk's webhooks go: offline, when the user named no URL, plaidwalk's
// own receiver (linkserver.WebhookServer, on loopback behind a per-walk secret); a URL the
// user gave (--webhook) instead; with real keys and no URL, nowhere, since Plaid cannot reach
// this machine's loopback.
type walkWebhooks struct {
	srv *linkserver.WebhookServer // nil unless the receiver runs
	url string
}

// reportSettle is how long a walk that made an Asset Report waits, once done, for the report's
// webhook when polling found the report first: the emulator sends it at the same moment.
const reportSettle = 3 * time.Second

// startWalkWebhooks starts the receiver when the walk should have one. The keys that check
// signatures are the emulator's own (the walk's config talks to it).
func startWalkWebhooks(ctx context.Context, cfg plaidflow.Config, userURL string) (walkWebhooks, error) {
	if userURL != "" {
		return walkWebhooks{url: userURL}, nil
	}
	if cfg.Env != plaidflow.EnvOffline {
		return walkWebhooks{}, nil
	}
	keys := linkserver.NewKeySource(plaidflow.BaseURLFor(cfg), cfg.ClientID, cfg.Secret)
	srv, err := linkserver.StartWebhooks(ctx, keys)
	if err != nil {
		return walkWebhooks{}, err
	}
	return walkWebhooks{srv: srv, url: srv.URL()}, nil
}

// apply makes the walk use the URL: the link_token's webhook (unless one was set already, as
// a replay's --keep-webhook does) and the client's, for the shortcut's Item and Asset Reports.
func (w walkWebhooks) apply(client *plaidflow.Client, lc *plaidflow.LinkConfig) {
	if w.url == "" {
		return
	}
	if lc.Webhook == "" {
		lc.Webhook = w.url
	}
	hooks := plaidflow.Webhooks{URL: lc.Webhook}
	if w.srv != nil {
		client.Conceal(w.srv.Secret()) // the receiver's URL reaches request bodies, the log and sessions
	}
	if w.srv != nil && lc.Webhook == w.url {
		hooks.AssetReportReady = w.srv.AssetReportReady
	}
	client.Webhooks = hooks
}

// own says whether url is the receiver's: its secret is not kept in a saved session.
func (w walkWebhooks) own(url string) bool { return w.srv != nil && url == w.url }

// received is what the receiver got, as sessions keep it. With an Asset Report made it first
// waits a little for that report's webhook; after verifying a pending account
// (/sandbox/item/set_verification_status), for the AUTH webhook that sends: either may still
// be on its way when the walk ends, and a replay compares them.
func (w walkWebhooks) received(reportID, secret string, verified bool) []sessions.Webhook {
	if w.srv == nil {
		return nil
	}
	settle := time.After(reportSettle)
	if reportID != "" {
		select {
		case <-w.srv.AssetReportReady(reportID):
		case <-settle:
		}
	}
	if verified {
		select {
		case <-w.srv.Arrived("AUTH"):
		case <-settle:
		}
	}
	var out []sessions.Webhook
	for _, hook := range w.srv.Received() {
		out = append(out, sessions.WebhookOf(hook, secret))
	}
	return out
}

func (w walkWebhooks) close() {
	if w.srv != nil {
		_ = w.srv.Close()
	}
}

// printWebhooks lists the webhooks a walk got, one line each, cleaned.
func printWebhooks(out io.Writer, hooks []sessions.Webhook) {
	if len(hooks) == 0 {
		return
	}
	fmt.Fprintln(out, "\n  webhooks (plaidwalk's own receiver)")
	for _, h := range hooks {
		mark := "✓ verified"
		if !h.Verified {
			mark = "✗ not verified: " + h.VerifyError
		}
		fmt.Fprintf(out, "    %s  %s %s  %s  %s\n", h.ReceivedAt.Local().Format("15:04:05"), termtext.SingleLine(h.Type),
			termtext.SingleLine(h.Code), termtext.SingleLine(orDash(h.ItemID)), termtext.SingleLine(mark))
	}
}
