package plaidflow

import (
	"context"
	"time"
)

// Webhooks is where a walk's webhooks go and what it learns from them. Offline, plaidwalk's
// own receiver (linkserver.WebhookServer) fills both; with a developer's own URL only URL is
// set and the walk polls as before.
type Webhooks struct {
	// URL goes to /sandbox/public_token/create options.webhook and /asset_report/create
	// options.webhook (the link_token's is LinkConfig.Webhook), so the Item and its Asset
	// Report send their webhooks where the walk's link_token does.
	URL string
	// AssetReportReady is closed when ASSETS PRODUCT_READY for the report arrives (verified);
	// nil: the walk only polls.
	AssetReportReady func(reportID string) <-chan struct{}
}

// reportReady is the channel the Asset Report wait watches besides its poll timer; nil (which
// never fires) without a receiver.
func (c *Client) reportReady(reportID string) <-chan struct{} {
	if c.Webhooks.AssetReportReady == nil || reportID == "" {
		return nil
	}
	return c.Webhooks.AssetReportReady(reportID)
}

// sleepOrReady waits d, or less when ready fires: it reports whether the webhook cut it short.
func sleepOrReady(ctx context.Context, d time.Duration, ready <-chan struct{}) (bool, error) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return false, ctx.Err()
	case <-ready:
		return true, nil
	case <-t.C:
		return false, nil
	}
}
