package plaidflow

import (
	"context"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
	"plaidwalk/linkserver"
)

// TestAlloyCreditGoesOnWhenTheReportIsReady: with the walk's receiver as its webhook, the
// emulator's signed ASSETS PRODUCT_READY ends the Asset Report wait. Polls are a minute apart
// here and the walk's deadline is 30 s, so the walk finishes only because the webhook came;
// the Item and the report were both made with the receiver as their webhook.
func TestAlloyCreditGoesOnWhenTheReportIsReady(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{AssetReportDelay: 200 * time.Millisecond})
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	rx, err := linkserver.StartWebhooks(ctx, linkserver.NewKeySource(cfg.BaseURL, cfg.ClientID, cfg.Secret))
	if err != nil {
		t.Fatal(err)
	}
	defer rx.Close()
	c, log := fastClient(t, cfg)
	c.PollInterval, c.PollMax = time.Minute, time.Minute
	c.Webhooks = Webhooks{URL: rx.URL(), AssetReportReady: rx.AssetReportReady}
	p := mustPartner(t, "alloy-credit")
	o := WalkOptions{Link: DefaultLinkConfig(cfg, p), Inputs: PartnerInputs{InputSecondaryClientID: "alloy-test"}}
	o.Link.Webhook = rx.URL()
	var progress []string
	o.OnProgress = func(pr Progress) { progress = append(progress, pr.Message) }
	res, err := Walk(ctx, c, p, o)
	if err != nil {
		t.Fatalf("walk: %v (progress %q)", err, progress)
	}
	if len(res.Result.Tokens) != 2 || !strings.Contains(strings.Join(progress, "\n"), "PRODUCT_READY arrived") {
		t.Errorf("tokens %+v, progress %q", res.Result.Tokens, progress)
	}
	for _, call := range log.Calls() {
		if (call.Path == "/sandbox/public_token/create" || call.Path == "/asset_report/create") && !strings.Contains(string(call.RequestBody), rx.URL()) {
			t.Errorf("%s was sent without the walk's webhook: %s", call.Path, call.RequestBody)
		}
	}
	got := rx.Received()
	if len(got) == 0 || !got[0].Verified || got[0].WebhookCode != "PRODUCT_READY" || got[0].ItemID != res.Result.AssetReportID {
		t.Errorf("received %+v", got)
	}
}
