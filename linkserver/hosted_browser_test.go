package linkserver_test

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/emulator"
	"plaidwalk/internal/browsertest"
	"plaidwalk/linkserver"
)

// TestHostedLinkInChromium opens the emulator's hosted_link_url as a person would and lets
// WaitHostedLink find the public_token through /link/token/get, as plaidwalk does.
func TestHostedLinkInChromium(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	baseURL, stop, err := emulator.New(emulator.Options{}).Serve(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer stop()
	api := newPlaidClient(baseURL)
	req := plaid.NewLinkTokenCreateRequest("plaidwalk test", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(plaid.LinkTokenCreateRequestUser{ClientUserId: "hosted"})
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	req.SetHostedLink(*plaid.NewLinkTokenCreateHostedLink())
	lt, _, err := api.PlaidApi.LinkTokenCreate(ctx).LinkTokenCreateRequest(*req).Execute()
	if err != nil || lt.GetHostedLinkUrl() == "" {
		t.Fatalf("/link/token/create with hosted_link: %v (url %q)", err, lt.GetHostedLinkUrl())
	}
	poll := func(ctx context.Context) (bool, string, error) {
		got, _, err := api.PlaidApi.LinkTokenGet(ctx).LinkTokenGetRequest(*plaid.NewLinkTokenGetRequest(lt.GetLinkToken())).Execute()
		if err != nil {
			return false, "", err
		}
		for _, s := range got.GetLinkSessions() {
			if s.OnSuccess.IsSet() && s.OnSuccess.Get() != nil {
				return true, s.OnSuccess.Get().PublicToken, nil
			}
			if s.OnExit.IsSet() && s.OnExit.Get() != nil {
				return true, "", nil
			}
		}
		return false, "", nil
	}
	waited := make(chan linkserver.Outcome, 1)
	go func() {
		o, err := linkserver.WaitHostedLink(ctx, poll, 50*time.Millisecond, time.Minute)
		if err != nil {
			t.Errorf("WaitHostedLink: %v", err)
		}
		waited <- o
	}()

	tab := browsertest.Start(t)
	shots := browsertest.NewShots(t)
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tab, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	view := func(v string) chromedp.Action[chromedp.Void] {
		return chromedp.WaitVisible(chromedp.CSS(`#screen[data-view="` + v + `"]`))
	}
	step("open hosted_link_url", chromedp.Navigate(lt.GetHostedLinkUrl()), view("consent"))
	shots.Take(tab, "hosted-consent")
	step("to search", chromedp.Click(chromedp.ID("primary")), view("search"), chromedp.SendKeys(chromedp.ID("search"), "Houndstooth"))
	step("pick bank", chromedp.Click(chromedp.CSS(`button.inst[data-id="ins_109512"]`)), view("credentials"))
	step("log in", chromedp.SendKeys(chromedp.ID("username"), "user_good"), chromedp.SendKeys(chromedp.ID("password"), "pass_good"),
		chromedp.Click(chromedp.ID("primary")), view("accounts"))
	step("choose", chromedp.Click(chromedp.CSS(`label.acct[data-name="Plaid Checking"]`)), chromedp.Click(chromedp.ID("primary")), view("connected"))
	step("continue", chromedp.Click(chromedp.ID("primary")), view("hosted_done"))
	shots.Take(tab, "hosted-done")

	o := <-waited
	if !o.Succeeded() {
		t.Fatalf("Hosted Link outcome %+v", o)
	}
	ex, _, err := api.PlaidApi.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(o.PublicToken)).Execute()
	if err != nil || ex.GetAccessToken() == "" {
		t.Fatalf("exchange of the Hosted Link token: %v", err)
	}
}
