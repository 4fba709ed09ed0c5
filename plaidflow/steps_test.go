package plaidflow

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"plaidwalk/emulator"
)

var requestIDShape = regexp.MustCompile(`^[0-9A-Za-z]{15}$`)

func TestStepsAgainstEmulator(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	ctx := context.Background()
	dwolla := mustPartner(t, "dwolla")

	before := time.Now()
	lt, err := c.CreateLinkToken(ctx, DefaultLinkConfig(c.Config(), dwolla))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(lt.Token, "link-sandbox-") || !requestIDShape.MatchString(lt.RequestID) {
		t.Errorf("link token %+v", lt)
	}
	if d := lt.Expiration.Sub(before); d < 3*time.Hour+59*time.Minute || d > 4*time.Hour+time.Minute {
		t.Errorf("link token should live 4 hours, expires in %s", d)
	}

	pt, err := c.SandboxPublicToken(ctx, DefaultInstitutionID, []string{"auth"}, "", "")
	if err != nil || !strings.HasPrefix(pt, "public-sandbox-") {
		t.Fatalf("public token %q, %v", pt, err)
	}
	item, err := c.Exchange(ctx, pt)
	if err != nil || !strings.HasPrefix(item.AccessToken, "access-sandbox-") || len(item.ItemID) != 37 {
		t.Fatalf("exchange %+v, %v", item, err)
	}

	checking := checkAccounts(t, c, item)
	res, err := c.PartnerToken(ctx, dwolla, item.AccessToken, checking.ID, nil, nil)
	if err != nil || len(res.Tokens) != 1 || res.Tokens[0].Kind != TokenProcessor || !strings.HasPrefix(res.Tokens[0].Value, "processor-sandbox-") {
		t.Fatalf("processor token %+v, %v", res, err)
	}
	checkEachStepLoggedOnce(t, log)
}

// checkAccounts checks /accounts/get + /item/get for user_good and returns the checking account.
func checkAccounts(t *testing.T, c *Client, item Item) Account {
	t.Helper()
	accts, err := c.Accounts(context.Background(), item.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	if accts.InstitutionName != "First Platypus Bank" {
		t.Errorf("institution name %q", accts.InstitutionName)
	}
	if accts.ItemID != item.ItemID || accts.InstitutionID != DefaultInstitutionID || len(accts.Accounts) != 12 {
		t.Fatalf("accounts %+v", accts)
	}
	checking := accountByMask(t, accts, "0000")
	if checking.Type != "depository" || checking.Subtype != "checking" || checking.Available == nil || *checking.Available != 100 {
		t.Errorf("checking %+v", checking)
	}
	if card := accountByMask(t, accts, "3333"); card.Type != "credit" || card.Limit == nil || *card.Limit != 2000 {
		t.Errorf("credit card %+v", card)
	}
	return checking
}

func checkEachStepLoggedOnce(t *testing.T, log *APILog) {
	t.Helper()
	paths := map[string]int{}
	for _, call := range log.Calls() {
		paths[call.Path]++
		if call.Status == 200 && !requestIDShape.MatchString(call.RequestID) {
			t.Errorf("%s: request_id %q not recorded", call.Path, call.RequestID)
		}
	}
	for _, p := range []string{"/link/token/create", "/sandbox/public_token/create", "/item/public_token/exchange", "/accounts/get", "/item/get", "/processor/token/create"} {
		if paths[p] != 1 {
			t.Errorf("%s called %d times, want once (log %v)", p, paths[p], paths)
		}
	}
}

func TestStripeToken(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	item, accts := linkedItem(t, c, []string{"auth"}, "")
	res, err := c.PartnerToken(context.Background(), mustPartner(t, "stripe"), item.AccessToken, accountByMask(t, accts, "1111").ID, nil, nil)
	if err != nil || len(res.Tokens) != 1 || res.Tokens[0].Kind != TokenStripeBankAcct || !strings.HasPrefix(res.Tokens[0].Value, "btok_") {
		t.Fatalf("stripe %+v, %v", res, err)
	}
}

func TestCreditRelayReportsProgressUntilReady(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{AssetReportDelay: 120 * time.Millisecond}))
	item, accts := linkedItem(t, c, []string{"assets"}, "")
	var progress []Progress
	res, err := c.PartnerToken(context.Background(), mustPartner(t, "alloy-credit"), item.AccessToken, accts.Accounts[0].ID,
		PartnerInputs{InputSecondaryClientID: "alloy-test-client"}, func(p Progress) { progress = append(progress, p) })
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Tokens) != 2 || res.Tokens[0].Kind != TokenAssetReport || res.Tokens[1].Kind != TokenRelay || res.AssetReportID == "" {
		t.Fatalf("relay result %+v", res)
	}
	notReady := 0
	for _, call := range log.Calls() {
		if call.Path == "/asset_report/get" && call.ErrorCode == "PRODUCT_NOT_READY" {
			notReady++
		}
	}
	if notReady == 0 || len(progress) != notReady+1 || progress[len(progress)-1].Attempt != notReady+1 {
		t.Errorf("%d not-ready polls, progress %+v", notReady, progress)
	}
	for _, call := range log.Calls() {
		if call.Path == "/asset_report/create" && !strings.Contains(call.RequestBody, `"days_requested":60`) {
			t.Errorf("days_requested default not sent: %s", call.RequestBody)
		}
	}
}

func TestCreditRelayNeedsSecondaryClientID(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	_, err := c.PartnerToken(context.Background(), mustPartner(t, "alloy-credit"), "access-sandbox-x", "acc", nil, nil)
	var ie *InputError
	if !asInputError(err, &ie) || ie.Input.Name != InputSecondaryClientID {
		t.Fatalf("want InputError for secondary_client_id, got %v", err)
	}
	_, err = c.PartnerToken(context.Background(), mustPartner(t, "alloy-credit"), "access-sandbox-x", "acc",
		PartnerInputs{InputSecondaryClientID: "a", InputDaysRequested: "900"}, nil)
	if !asInputError(err, &ie) || ie.Input.Name != InputDaysRequested {
		t.Fatalf("want InputError for days_requested, got %v", err)
	}
	if n := len(log.Calls()); n != 0 {
		t.Errorf("bad inputs must be caught before any call, %d made", n)
	}
}

func asInputError(err error, target **InputError) bool {
	ie, ok := err.(*InputError)
	*target = ie
	return ok
}

func TestAssetReportWaitHonoursContext(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{AssetReportDelay: time.Hour}))
	item, accts := linkedItem(t, c, []string{"assets"}, "")
	ctx, cancel := context.WithCancel(context.Background())
	polls := 0
	_, err := c.PartnerToken(ctx, mustPartner(t, "alloy-credit"), item.AccessToken, accts.Accounts[0].ID,
		PartnerInputs{InputSecondaryClientID: "a"}, func(Progress) {
			if polls++; polls == 3 {
				cancel()
			}
		})
	if err == nil || ctx.Err() == nil || !strings.Contains(err.Error(), "stopped waiting") {
		t.Fatalf("want a cancelled wait, got %v", err)
	}
	pe, ok := AsPlaidError(err)
	if !ok || pe.Code != "PRODUCT_NOT_READY" || !strings.Contains(pe.Hint, "polls") {
		t.Errorf("the last Plaid answer should be kept with its hint: %+v", pe)
	}
}

func TestHostedLinkToken(t *testing.T) {
	c, _ := fastClient(t, startEmulator(t, emulator.Options{}))
	lc := DefaultLinkConfig(c.Config(), mustPartner(t, "dwolla"))
	lc.HostedLink = true
	lt, err := c.CreateLinkToken(context.Background(), lc)
	if err != nil || lt.HostedLinkURL == "" {
		t.Fatalf("hosted link token %+v, %v", lt, err)
	}
	r, err := c.LinkTokenResult(context.Background(), lt.Token)
	if err != nil || r.Done {
		t.Fatalf("an unused link token has no finished session: %+v, %v", r, err)
	}
}

func TestLinkTokenOptionsReachPlaid(t *testing.T) {
	cfg := startEmulator(t, emulator.Options{})
	c, log := fastClient(t, cfg)
	lc := DefaultLinkConfig(cfg, mustPartner(t, "dwolla"))
	lc.AccountFilters = map[string][]string{"depository": {"checking", "savings"}, "credit": nil}
	lc.Webhook = "https://example.com/hook"
	lc.RedirectURI = "http://localhost:8765/oauth"
	lc.LinkCustomization = "multi_select"
	lc.UserID = "user-42"
	if _, err := c.CreateLinkToken(context.Background(), lc); err != nil {
		t.Fatal(err)
	}
	body := log.Calls()[0].RequestBody
	for _, want := range []string{`"account_filters":{"credit":{"account_subtypes":["all"]},"depository":{"account_subtypes":["checking","savings"]}}`,
		`"webhook":"https://example.com/hook"`, `"redirect_uri":"http://localhost:8765/oauth"`, `"link_customization_name":"multi_select"`,
		`"client_user_id":"user-42"`, `"products":["auth"]`, `"country_codes":["US"]`} {
		if !strings.Contains(body, want) {
			t.Errorf("request lacks %s:\n%s", want, body)
		}
	}
}
