package emulator

import (
	"regexp"
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

var (
	uuidPart      = `[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}`
	linkTokenRE   = regexp.MustCompile(`^link-sandbox-` + uuidPart + `$`)
	publicTokenRE = regexp.MustCompile(`^public-sandbox-` + uuidPart + `$`)
	accessTokenRE = regexp.MustCompile(`^access-sandbox-` + uuidPart + `$`)
	processorRE   = regexp.MustCompile(`^processor-sandbox-` + uuidPart + `$`)
	stripeTokenRE = regexp.MustCompile(`^btok_[A-Za-z0-9]{24}$`)
	plaidIDRE     = regexp.MustCompile(`^[A-Za-z0-9]{37}$`)
	requestIDRE   = regexp.MustCompile(`^[A-Za-z0-9]{15}$`)
)

// TestHappyPathProcessorFlow is the flow plaidwalk walks for a money-movement partner:
// link token, Sandbox public token, exchange, item, accounts, processor token, Stripe token.
func TestHappyPathProcessorFlow(t *testing.T) {
	h := newHarness(t)
	lt := h.linkToken(plaid.PRODUCTS_AUTH)
	if !linkTokenRE.MatchString(lt.LinkToken) || !requestIDRE.MatchString(lt.RequestId) {
		t.Fatalf("link token %q request_id %q have the wrong shape", lt.LinkToken, lt.RequestId)
	}
	if want := h.clock.Now().Add(linkTokenLifetime); !lt.Expiration.Equal(want) {
		t.Errorf("expiration %v, want %v (4 hours)", lt.Expiration, want)
	}
	pub := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	if !publicTokenRE.MatchString(pub) {
		t.Fatalf("public token %q has the wrong shape", pub)
	}
	ex := h.exchange(pub)
	if !accessTokenRE.MatchString(ex.AccessToken) || !plaidIDRE.MatchString(ex.ItemId) {
		t.Fatalf("exchange gave %q / %q", ex.AccessToken, ex.ItemId)
	}
	item := ok(h.client.ItemGet(h.ctx).ItemGetRequest(*plaid.NewItemGetRequest(ex.AccessToken)).Execute()).get(t).Item
	if item.ItemId != ex.ItemId || item.GetInstitutionId() != "ins_109508" || item.Error.IsSet() && item.Error.Get() != nil {
		t.Fatalf("item/get: %+v", item)
	}
	if len(item.BilledProducts) != 1 || item.BilledProducts[0] != plaid.PRODUCTS_AUTH {
		t.Errorf("billed_products %v, want [auth]", item.BilledProducts)
	}
	accounts := h.accounts(ex.AccessToken)
	if len(accounts) != 12 {
		t.Fatalf("got %d accounts, want user_good's 12", len(accounts))
	}
	checking := accountByMask(t, accounts, "0000")
	if checking.Name != "Plaid Checking" || checking.Type != plaid.ACCOUNTTYPE_DEPOSITORY ||
		checking.GetSubtype() != plaid.ACCOUNTSUBTYPE_CHECKING || checking.Balances.GetAvailable() != 100 ||
		checking.Balances.GetCurrent() != 110 || !plaidIDRE.MatchString(checking.AccountId) {
		t.Fatalf("checking account: %+v", checking)
	}
	preq := plaid.NewProcessorTokenCreateRequest(ex.AccessToken, checking.AccountId, "dwolla")
	ptok := ok(h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*preq).Execute()).get(t)
	if !processorRE.MatchString(ptok.ProcessorToken) || !requestIDRE.MatchString(ptok.RequestId) {
		t.Fatalf("processor token %q / %q", ptok.ProcessorToken, ptok.RequestId)
	}
	sreq := plaid.NewProcessorStripeBankAccountTokenCreateRequest(ex.AccessToken, checking.AccountId)
	stok := ok(h.client.ProcessorStripeBankAccountTokenCreate(h.ctx).ProcessorStripeBankAccountTokenCreateRequest(*sreq).Execute()).get(t)
	if !stripeTokenRE.MatchString(stok.StripeBankAccountToken) {
		t.Fatalf("stripe token %q", stok.StripeBankAccountToken)
	}
}

// TestUserGoodAccounts checks all twelve of user_good's accounts against the Sandbox's.
func TestUserGoodAccounts(t *testing.T) {
	h := newHarness(t)
	accounts := h.accounts(h.connect(plaid.PRODUCTS_TRANSACTIONS))
	want := []struct{ mask, name, typ, subtype string }{
		{"0000", "Plaid Checking", "depository", "checking"}, {"1111", "Plaid Saving", "depository", "savings"},
		{"2222", "Plaid CD", "depository", "cd"}, {"3333", "Plaid Credit Card", "credit", "credit card"},
		{"4444", "Plaid Money Market", "depository", "money market"}, {"5555", "Plaid IRA", "investment", "ira"},
		{"6666", "Plaid 401k", "investment", "401k"}, {"7777", "Plaid Student Loan", "loan", "student"},
		{"8888", "Plaid Mortgage", "loan", "mortgage"}, {"9001", "Plaid HSA", "depository", "hsa"},
		{"9002", "Plaid Cash Management", "depository", "cash management"},
		{"9999", "Plaid Business Credit Card", "credit", "credit card"},
	}
	seen := map[string]bool{}
	for _, w := range want {
		a := accountByMask(t, accounts, w.mask)
		if a.Name != w.name || string(a.Type) != w.typ || string(a.GetSubtype()) != w.subtype {
			t.Errorf("account %s: got %s %s/%s, want %s %s/%s", w.mask, a.Name, a.Type, a.GetSubtype(), w.name, w.typ, w.subtype)
		}
		if seen[a.AccountId] {
			t.Errorf("account_id %s used twice", a.AccountId)
		}
		seen[a.AccountId] = true
	}
	card := accountByMask(t, accounts, "3333")
	if card.Balances.GetCurrent() != 410 || card.Balances.GetLimit() != 2000 || card.Balances.Available.Get() != nil {
		t.Errorf("credit card balances: %+v", card.Balances)
	}
	if code := card.Balances.GetIsoCurrencyCode(); code != "USD" {
		t.Errorf("iso_currency_code %q, want USD", code)
	}
}

// hostedLinkToken creates a Hosted Link token with multi_select and a depository filter.
func (h *harness) hostedLinkToken() plaid.LinkTokenCreateResponse {
	h.t.Helper()
	req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	req.SetLinkCustomizationName("multi_select")
	filters := plaid.NewLinkTokenAccountFilters()
	filters.SetDepository(*plaid.NewDepositoryFilter([]plaid.DepositoryAccountSubtype{"checking", "savings"}))
	req.SetAccountFilters(*filters)
	req.SetHostedLink(*plaid.NewLinkTokenCreateHostedLink())
	return ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).get(h.t)
}

// TestLinkTokenViewForLink checks what the emulated Link learns of a link token.
func TestLinkTokenViewForLink(t *testing.T) {
	h := newHarness(t)
	lt := h.hostedLinkToken()
	if want := h.url + "/link/emulated/hosted/" + lt.LinkToken; lt.GetHostedLinkUrl() != want {
		t.Errorf("hosted_link_url %q, want %q", lt.GetHostedLinkUrl(), want)
	}
	view, perr := h.emu.lookupLinkToken(lt.LinkToken)
	if perr != nil {
		t.Fatalf("lookupLinkToken: %v", perr)
	}
	if !view.MultiSelect || !view.Hosted || view.ClientName != "plaidwalk tests" || strings.Join(view.Products, ",") != "auth" ||
		strings.Join(view.AccountFilters["depository"], ",") != "checking,savings" || len(view.AccountFilters) != 1 {
		t.Fatalf("link token view: %+v", view)
	}
	if _, perr := h.emu.lookupLinkToken("link-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e"); perr == nil || perr.Code != "INVALID_LINK_TOKEN" {
		t.Errorf("unknown link token: %v", perr)
	}
	if got, want := len(h.emu.institutions()), len(sandboxInstitutions)+len(realInstitutions); got != want || len(sandboxInstitutions) != 15 {
		t.Fatalf("got %d institutions, want the 15 sandbox ones and the %d real ones", got, len(realInstitutions))
	}
}

// TestLinkFacingMethods drives the methods the emulated Link calls, the way it calls them,
// and checks the API side sees the result (Account Select limits the Item; Hosted Link reads
// the session back from /link/token/get).
func TestLinkFacingMethods(t *testing.T) {
	h := newHarness(t)
	lt := h.hostedLinkToken()
	it, perr := h.emu.createItem("ins_109508", "user_good", "pass_good", []string{"auth"})
	if perr != nil || len(it.Accounts) != 12 || it.Institution.Name != "First Platypus Bank" {
		t.Fatalf("createItem: %+v %v", it, perr)
	}
	chosen := []accountView{it.Accounts[0], it.Accounts[1]}
	if _, perr := h.emu.issuePublicToken(it.ItemID, []string{"nope"}); perr == nil || perr.Code != "INVALID_ACCOUNT_ID" {
		t.Errorf("issuePublicToken with an unknown account: %v", perr)
	}
	pub, perr := h.emu.issuePublicToken(it.ItemID, []string{chosen[0].ID, chosen[1].ID})
	if perr != nil || !publicTokenRE.MatchString(pub) {
		t.Fatalf("issuePublicToken: %q %v", pub, perr)
	}
	inst := it.Institution
	h.emu.recordLinkResult(lt.LinkToken, linkResult{LinkSessionID: "b3f2b4a8-6a4c-4a57-9f7e-3c1f7e0f2d11",
		PublicToken: pub, Institution: &inst, Accounts: chosen})

	got := ok(h.client.LinkTokenGet(h.ctx).LinkTokenGetRequest(*plaid.NewLinkTokenGetRequest(lt.LinkToken)).Execute()).get(t)
	sessions := got.GetLinkSessions()
	if len(sessions) != 1 {
		t.Fatalf("link_sessions: %+v", sessions)
	}
	results := sessions[0].GetResults()
	if len(results.ItemAddResults) != 1 || results.ItemAddResults[0].PublicToken != pub || sessions[0].GetOnSuccess().PublicToken != pub {
		t.Fatalf("link session results: %+v", sessions[0])
	}
	if ex := h.exchange(pub); ex.ItemId != it.ItemID {
		t.Fatalf("exchange item_id %s, want %s", ex.ItemId, it.ItemID)
	} else if accounts := h.accounts(ex.AccessToken); len(accounts) != 2 || accounts[0].AccountId != chosen[0].ID || accounts[1].AccountId != chosen[1].ID {
		t.Fatalf("after Account Select the item has %d accounts, want the 2 chosen", len(accounts))
	}
}
