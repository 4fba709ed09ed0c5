package plaidflow

import (
	"context"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// walkFor runs a whole offline walk for a partner and returns the partner view's input.
func walkFor(t *testing.T, c *Client, id string, inputs PartnerInputs) PartnerViewInput {
	t.Helper()
	p := mustPartner(t, id)
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(c.Config(), p), Inputs: inputs})
	if err != nil {
		t.Fatalf("walk %s: %v", id, err)
	}
	return PartnerViewInput{Partner: p, Result: res.Result, InstitutionID: DefaultInstitutionID}
}

func paths(calls []Call) []string {
	var out []string
	for _, c := range calls {
		out = append(out, c.Path)
	}
	return out
}

// TestPartnerViewDwollaOffline: the emulator takes the walk's processor token; Dwolla moves
// money, so it reads numbers and the balance, and no identity; the log keeps the account
// number's last four digits only.
func TestPartnerViewDwollaOffline(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	in := walkFor(t, c, "dwolla", nil)
	before := len(log.Calls())
	v, err := c.PartnerView(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(paths(log.Calls()[before:]), " ")
	if got != "/processor/auth/get /processor/balance/get" {
		t.Errorf("calls %q, want auth then balance", got)
	}
	if !v.Read || v.TestToken != "" || len(v.Numbers) != 1 || len(v.Numbers[0].Routing) != 9 || len(v.Numbers[0].Account) < 8 {
		t.Fatalf("view %+v: want read with the walk's token and one ACH number set", v)
	}
	if v.Account.Subtype != "checking" || v.Account.Current == nil || len(v.Owners) != 0 {
		t.Errorf("account %+v owners %d: want the checking account with a balance, no owners", v.Account, len(v.Owners))
	}
	auth := log.Calls()[before]
	if strings.Contains(auth.ResponseBody, v.Numbers[0].Account) || !strings.Contains(auth.ResponseBody, MaskNumber(v.Numbers[0].Account)) {
		t.Errorf("the API log should keep the account number's last four digits only: %s", auth.ResponseBody)
	}
	if !strings.Contains(v.Note, "emulator plays Dwolla") {
		t.Errorf("note %q should say the emulator plays the partner", v.Note)
	}
}

// TestPartnerViewIdentity: a partner that verifies identity also reads the owners.
func TestPartnerViewIdentity(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	v, err := c.PartnerView(context.Background(), walkFor(t, c, "alloy", nil))
	if err != nil {
		t.Fatal(err)
	}
	if len(v.Owners) == 0 || len(v.Owners[0].Names) == 0 || len(v.Owners[0].Addresses) == 0 {
		t.Fatalf("owners %+v: want the account's owner with a name and an address", v.Owners)
	}
	if last := log.Calls()[len(log.Calls())-1]; last.Path != "/processor/identity/get" || last.Status != 200 {
		t.Errorf("last call %s %d, want /processor/identity/get 200", last.Path, last.Status)
	}
}

// TestPartnerViewSandboxKeys: with sandbox keys the walk's token is not ours to read; a test
// token from /sandbox/processor_token/create stands in, and the view says so.
func TestPartnerViewSandboxKeys(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	cfg.Env = EnvSandbox
	c, log := fastClient(t, cfg)
	in := walkFor(t, c, "dwolla", nil)
	before := len(log.Calls())
	v, err := c.PartnerView(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(paths(log.Calls()[before:]), " ")
	if got != "/sandbox/processor_token/create /processor/auth/get /processor/balance/get" {
		t.Errorf("calls %q", got)
	}
	if !strings.HasPrefix(v.TestToken, "processor-sandbox-") || v.TestToken == tokenOf(in.Result, TokenProcessor) || !strings.Contains(v.Note, "/sandbox/processor_token/create") {
		t.Errorf("test token %q note %q: want a new test token and the reason", v.TestToken, v.Note)
	}
}

// TestPartnerViewNoCalls: Stripe's btok_ is read through Stripe's API and production has no
// test token, so neither calls anything; each says why.
func TestPartnerViewNoCalls(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	c, log := fastClient(t, cfg)
	stripe := walkFor(t, c, "stripe", nil)
	before := len(log.Calls())
	v, err := c.PartnerView(context.Background(), stripe)
	if err != nil || v.Read || !strings.Contains(v.Note, "Stripe's own API") {
		t.Errorf("stripe: %+v %v", v, err)
	}
	prod := cfg
	prod.Env = EnvProduction
	pc, _ := fastClient(t, prod)
	v, err = pc.PartnerView(context.Background(), walkFor(t, c, "dwolla", nil))
	if err != nil || v.Read || !strings.Contains(v.Note, "production") {
		t.Errorf("production: %+v %v", v, err)
	}
	if n := len(log.Calls()) - before; n != 6 { // the second walk's own calls only
		t.Errorf("%d calls after the Stripe walk, want the dwolla walk's 6: %v", n, paths(log.Calls()[before:]))
	}
}

// TestPartnerViewRelay: the credit partner fetches the shared Asset Report with the relay token.
func TestPartnerViewRelay(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	in := walkFor(t, c, "alloy-credit", PartnerInputs{InputSecondaryClientID: "alloy-test"})
	v, err := c.PartnerView(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if v.Report == nil || len(v.Report.Items) != 1 || v.Report.Items[0].Accounts == 0 || v.Report.Items[0].Institution == "" {
		t.Fatalf("report %+v", v.Report)
	}
	if last := log.Calls()[len(log.Calls())-1]; last.Path != "/credit/relay/get" {
		t.Errorf("last call %s", last.Path)
	}
}
