package linkserver_test

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/plaid/plaid-go/v43/plaid"

	"plaidwalk/internal/browsertest"
	"plaidwalk/linkserver"
)

// TestLinkInChromium drives the emulated Link in headless Chromium from the page linkserver
// serves, as a person would, and checks what reaches the terminal's side. One browser serves
// every flow; each flow gets its own tab, emulator and link_token.
func TestLinkInChromium(t *testing.T) {
	browser := browsertest.Start(t)
	t.Run("success exchanges and makes a Dwolla processor token", func(t *testing.T) { testSuccess(t, browser) })
	t.Run("error_ITEM_LOCKED ends in onExit with ITEM_LOCKED", func(t *testing.T) { testItemLocked(t, browser) })
	t.Run("closing Link ends in onExit without error", func(t *testing.T) { testClose(t, browser) })
	t.Run("an unknown link_token ends in onExit with INVALID_LINK_TOKEN", func(t *testing.T) { testBadToken(t, browser) })
	t.Run("multi-select shares two accounts", func(t *testing.T) { testMultiSelect(t, browser) })
	t.Run("MFA", func(t *testing.T) { testMFA(t, browser) })
	t.Run("automated micro-deposits: the picker says pending", func(t *testing.T) { testAutomatedMicrodeposits(t, browser) })
	t.Run("same-day micro-deposits: numbers, then the code in update mode", func(t *testing.T) { testSameDayMicrodeposits(t, browser) })
	t.Run("instant micro-deposits at Windowpane Bank", func(t *testing.T) { testInstantMicrodeposits(t, browser) })
	t.Run("instant match asks Plaid Saving's numbers", func(t *testing.T) { testInstantMatch(t, browser) })
	t.Run("OAuth bank through the redirect_uri", func(t *testing.T) { testOAuthRedirect(t, browser) })
	t.Run("OAuth bank in a pop-up", func(t *testing.T) { testOAuthPopup(t, browser) })
	t.Run("unhealthy banks send Plaid's degraded and down events", func(t *testing.T) { testUnhealthyBanks(t, browser) })
	t.Run("exit with force ends in onExit at once; submit never throws", func(t *testing.T) { testForceExitAndSubmit(t, browser) })
	t.Run("an onExit refused by plaidwalk is said on the page", func(t *testing.T) { testExitAfterTheOutcome(t, browser) })
}

func testSuccess(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.pickBank("First Platypus", "ins_109508")
	r.screen("credentials", "credentials")
	r.inLink(typeInto("#username", "user_good"), typeInto("#password", "pass_good"), click("#primary"))
	r.screen("accounts", "select-account")
	r.inLink(click(`label.acct[data-name="Plaid Checking"]`))
	r.shots.Take(r.tab, "account-chosen")
	r.inLink(click("#primary"))
	r.screen("connected", "connected")
	r.inLink(click("#primary"))

	o := r.wait()
	if !o.Succeeded() || o.Exited || o.Institution == nil || o.Institution.InstitutionID != "ins_109508" {
		t.Fatalf("outcome %+v", o)
	}
	if len(o.Accounts) != 1 || o.Accounts[0].Name != "Plaid Checking" || o.Accounts[0].Subtype != "checking" {
		t.Fatalf("accounts in onSuccess: %+v", o.Accounts)
	}
	r.pageState("done", "page-done")
	checkEvents(t, r.events(), o.LinkSessionID, "OPEN", "SELECT_INSTITUTION", "SUBMIT_CREDENTIALS", "HANDOFF")
	exchangeAndProcess(t, r.api, o)
}

// exchangeAndProcess proves the public_token is real to the emulator's API: it exchanges, the
// Item holds exactly the chosen account, and Dwolla's processor token is created for it.
func exchangeAndProcess(t *testing.T, api *plaid.APIClient, o linkserver.Outcome) {
	t.Helper()
	ctx := context.Background()
	ex, _, err := api.PlaidApi.ItemPublicTokenExchange(ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(o.PublicToken)).Execute()
	if err != nil {
		t.Fatalf("exchange: %v", err)
	}
	accts, _, err := api.PlaidApi.AccountsGet(ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(ex.GetAccessToken())).Execute()
	if err != nil {
		t.Fatalf("/accounts/get: %v", err)
	}
	if len(accts.Accounts) != 1 || accts.Accounts[0].AccountId != o.Accounts[0].ID {
		t.Fatalf("the Item's accounts %+v are not the one Link reported (%s)", accts.Accounts, o.Accounts[0].ID)
	}
	req := plaid.NewProcessorTokenCreateRequest(ex.GetAccessToken(), o.Accounts[0].ID, "dwolla")
	pt, _, err := api.PlaidApi.ProcessorTokenCreate(ctx).ProcessorTokenCreateRequest(*req).Execute()
	if err != nil {
		t.Fatalf("/processor/token/create: %v", err)
	}
	if !strings.HasPrefix(pt.GetProcessorToken(), "processor-sandbox-") {
		t.Fatalf("processor token %q", pt.GetProcessorToken())
	}
}

// checkEvents asserts the named onEvent callbacks arrived, that every event name is one of
// Plaid's (the LinkEventName enum of its spec), and that every one carries Link's metadata
// for this session.
func checkEvents(t *testing.T, evs []linkserver.Event, sessionID string, names ...string) {
	t.Helper()
	enum := linkEventNames(t)
	seen := map[string]bool{}
	for _, ev := range evs {
		if ev.Kind != linkserver.KindEvent {
			continue
		}
		seen[ev.Name] = true
		if !enum[ev.Name] {
			t.Errorf("onEvent %s is not one of Plaid's LinkEventName values", ev.Name)
		}
		var md map[string]any
		if err := json.Unmarshal(ev.Metadata, &md); err != nil {
			t.Fatalf("%s metadata: %v", ev.Name, err)
		}
		for _, key := range []string{"timestamp", "view_name", "link_session_id", "request_id", "institution_id", "error_code", "exit_status", "mfa_type"} {
			if _, ok := md[key]; !ok {
				t.Errorf("%s metadata lacks %s: %s", ev.Name, key, ev.Metadata)
			}
		}
		if md["link_session_id"] != sessionID {
			t.Errorf("%s has link_session_id %v, want %s", ev.Name, md["link_session_id"], sessionID)
		}
	}
	for _, n := range names {
		if !seen[n] {
			t.Errorf("no %s event; got %s", n, eventNames(evs))
		}
	}
	if len(evs) == 0 || evs[0].Kind != linkserver.KindLoad {
		t.Errorf("onLoad did not come first: %s", eventNames(evs))
	}
}

func testItemLocked(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.pickBank("Platypus", "ins_109508")
	r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "error_ITEM_LOCKED"), click("#primary"))
	r.screen("error", "error-item-locked")
	r.inLink(click("#primary"))
	o := r.wait()
	if !o.Exited || o.Succeeded() || o.ExitError == nil || o.ExitError.ErrorCode != "ITEM_LOCKED" || o.ExitError.ErrorType != "ITEM_ERROR" {
		t.Fatalf("outcome %+v (error %+v)", o, o.ExitError)
	}
	if o.ExitStatus != "requires_credentials" || o.Institution == nil || o.Institution.InstitutionID != "ins_109508" || o.LinkSessionID == "" {
		t.Fatalf("exit metadata %+v", o)
	}
	r.pageState("error", "page-error")
	checkEvents(t, r.events(), o.LinkSessionID, "OPEN", "SUBMIT_CREDENTIALS", "ERROR", "EXIT")
}

func testClose(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.screen("consent", "consent")
	r.inLink(click("#primary"), waitView("search"), click("#close"))
	o := r.wait()
	if !o.Exited || o.ExitError != nil || o.Succeeded() || o.ExitStatus != "institution_not_found" {
		t.Fatalf("outcome %+v", o)
	}
	r.pageState("exited", "page-closed")
	checkEvents(t, r.events(), o.LinkSessionID, "OPEN", "TRANSITION_VIEW", "EXIT")
}

func testMultiSelect(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{multi: true})
	r.pickBank("First Platypus", "ins_109508")
	r.inLink(waitView("credentials"), typeInto("#username", "user_good"), typeInto("#password", "pass_good"), click("#primary"), waitView("accounts"),
		click(`label.acct[data-name="Plaid Checking"]`), click(`label.acct[data-name="Plaid Saving"]`))
	r.shots.Take(r.tab, "multi-select")
	r.inLink(click("#primary"))
	r.screen("connected", "connected-two")
	r.inLink(click("#primary"))
	o := r.wait()
	if !o.Succeeded() || len(o.Accounts) != 2 {
		t.Fatalf("outcome %+v", o)
	}
}

func testBadToken(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{linkToken: "link-sandbox-00000000-0000-4000-8000-000000000000"})
	r.screen("error", "invalid-link-token")
	r.inLink(click("#primary"))
	o := r.wait()
	if !o.Exited || o.ExitError == nil || o.ExitError.ErrorCode != "INVALID_LINK_TOKEN" || o.ExitError.ErrorType != "INVALID_INPUT" {
		t.Fatalf("outcome %+v (error %+v)", o, o.ExitError)
	}
}

func testOAuthRedirect(t *testing.T, browser context.Context) {
	redirect := fmt.Sprintf("http://localhost:%d/oauth-return", freeLocalhostPort(t))
	r := newRig(t, browser, rigOptions{redirectURI: redirect})
	r.pickBank("OAuth", "ins_127287")
	r.screen("oauth", "oauth-handoff")
	r.inLink(click("#primary"))
	// The bank's page replaces the whole tab.
	if err := chromedp.Do(r.tab, chromedp.WaitVisible(chromedp.ID("approve"))); err != nil {
		t.Fatalf("the bank's consent page did not appear: %v", err)
	}
	r.shots.Take(r.tab, "bank-consent")
	if err := chromedp.Do(r.tab, chromedp.Click(chromedp.ID("approve"))); err != nil {
		t.Fatal(err)
	}
	// Back on the redirect_uri, the page re-creates Link, which continues at account select.
	r.screen("accounts", "oauth-select-account")
	loc, err := chromedp.Run(r.tab, chromedp.Location())
	if err != nil || !strings.HasPrefix(loc, redirect+"?oauth_state_id=") {
		t.Fatalf("the bank returned to %q, want %s?oauth_state_id=...", loc, redirect)
	}
	r.inLink(click(`label.acct[data-name="Plaid Checking"]`), click("#primary"), waitView("connected"), click("#primary"))
	o := r.wait()
	if !o.Succeeded() || o.Institution == nil || o.Institution.InstitutionID != "ins_127287" {
		t.Fatalf("outcome %+v", o)
	}
	r.pageState("done", "oauth-page-done")
	exchangeAndProcess(t, r.api, o)
}

func testOAuthPopup(t *testing.T, browser context.Context) {
	r := newRig(t, browser, rigOptions{})
	r.pickBank("OAuth", "ins_127287")
	r.screen("oauth", "oauth-handoff")
	opened := chromedp.WaitNewTarget(r.tab, func(info *target.Info) bool { return strings.Contains(info.URL, "/link/emulated/oauth/bank") })
	r.inLink(click("#primary"))
	var id target.ID
	select {
	case id = <-opened:
	case <-time.After(15 * time.Second):
		t.Fatal("the bank's pop-up never opened")
	}
	popup, closePopup := chromedp.NewContext(r.tab, chromedp.WithTargetID(id))
	defer closePopup()
	if err := chromedp.Do(popup, chromedp.WaitVisible(chromedp.ID("approve"))); err != nil {
		t.Fatalf("pop-up: %v", err)
	}
	r.shots.Take(popup, "bank-popup")
	r.screen("oauth_wait", "oauth-waiting")
	if err := chromedp.Do(popup, chromedp.Click(chromedp.ID("approve"))); err != nil {
		t.Fatal(err)
	}
	r.screen("accounts", "oauth-select-account")
	r.inLink(click(`label.acct[data-name="Plaid Checking"]`), click("#primary"), waitView("connected"), click("#primary"))
	o := r.wait()
	if !o.Succeeded() || o.Institution.InstitutionID != "ins_127287" {
		t.Fatalf("outcome %+v", o)
	}
	checkEvents(t, r.events(), o.LinkSessionID, "OPEN_OAUTH", "CLOSE_OAUTH")
	exchangeAndProcess(t, r.api, o)
}
