package emulator

import (
	"fmt"
	"sync"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

// fullFlow walks one partner hand-off through plaid-go and returns what it saw, for checks
// that flows running side by side never see each other's state.
type flowOutcome struct {
	itemID, accessToken, processorToken string
	accountIDs                          []string
	err                                 error
}

func runFlow(h *harness, user string) flowOutcome {
	var out flowOutcome
	fail := func(step string, err error) flowOutcome {
		out.err = fmt.Errorf("%s: %w", step, err)
		return out
	}
	ltReq := plaid.NewLinkTokenCreateRequest("plaidwalk", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	ltReq.SetUser(*plaid.NewLinkTokenCreateRequestUser(user))
	ltReq.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	if _, _, err := h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*ltReq).Execute(); err != nil {
		return fail("link token", err)
	}
	pubReq := plaid.NewSandboxPublicTokenCreateRequest("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH})
	pub, _, err := h.client.SandboxPublicTokenCreate(h.ctx).SandboxPublicTokenCreateRequest(*pubReq).Execute()
	if err != nil {
		return fail("public token", err)
	}
	ex, _, err := h.client.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*plaid.NewItemPublicTokenExchangeRequest(pub.PublicToken)).Execute()
	if err != nil {
		return fail("exchange", err)
	}
	out.itemID, out.accessToken = ex.ItemId, ex.AccessToken
	accts, _, err := h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(ex.AccessToken)).Execute()
	if err != nil {
		return fail("accounts", err)
	}
	for _, a := range accts.Accounts {
		out.accountIDs = append(out.accountIDs, a.AccountId)
	}
	if accts.Item.ItemId != ex.ItemId {
		out.err = fmt.Errorf("accounts/get answered for item %s, want %s", accts.Item.ItemId, ex.ItemId)
		return out
	}
	ptReq := plaid.NewProcessorTokenCreateRequest(ex.AccessToken, out.accountIDs[0], "dwolla")
	pt, _, err := h.client.ProcessorTokenCreate(h.ctx).ProcessorTokenCreateRequest(*ptReq).Execute()
	if err != nil {
		return fail("processor token", err)
	}
	out.processorToken = pt.ProcessorToken
	return out
}

// TestConcurrentFlowsDoNotLeak runs 200 full flows at once against one emulator (plaid-go over
// loopback) and checks each got its own Item, accounts and tokens, that the emulator recorded
// exactly those, and that every flow's access and processor tokens still work afterwards.
func TestConcurrentFlowsDoNotLeak(t *testing.T) {
	h := newHarness(t)
	const flows = 200
	outcomes := make([]flowOutcome, flows)
	var wg sync.WaitGroup
	for i := range flows {
		wg.Add(1)
		go func() {
			defer wg.Done()
			outcomes[i] = runFlow(h, fmt.Sprintf("user-%d", i))
		}()
	}
	wg.Wait()
	seen := map[string]int{}
	for i, o := range outcomes {
		if o.err != nil {
			t.Fatalf("flow %d: %v", i, o.err)
		}
		if len(o.accountIDs) != 12 {
			t.Fatalf("flow %d saw %d accounts", i, len(o.accountIDs))
		}
		for _, id := range append([]string{o.itemID, o.accessToken, o.processorToken}, o.accountIDs...) {
			if prev, dup := seen[id]; dup {
				t.Fatalf("%s shared by flows %d and %d", id, prev, i)
			}
			seen[id] = i
		}
	}
	checkRecords(t, h, outcomes)
	errs := make([]error, flows)
	var checks sync.WaitGroup
	for i, o := range outcomes {
		checks.Go(func() { errs[i] = tokensStillWork(h, o) })
	}
	checks.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("flow %d after the others: %v", i, err)
		}
	}
}

// tokensStillWork reads a finished flow's Item through its access_token and its account
// through its processor_token, both side by side with the other flows' reads.
func tokensStillWork(h *harness, o flowOutcome) error {
	accts, _, err := h.client.AccountsGet(h.ctx).AccountsGetRequest(*plaid.NewAccountsGetRequest(o.accessToken)).Execute()
	if err != nil {
		return fmt.Errorf("access token: %w", err)
	}
	if accts.Item.ItemId != o.itemID || len(accts.Accounts) != len(o.accountIDs) {
		return fmt.Errorf("access token reads item %s with %d accounts, want %s with %d",
			accts.Item.ItemId, len(accts.Accounts), o.itemID, len(o.accountIDs))
	}
	for i, a := range accts.Accounts {
		if a.AccountId != o.accountIDs[i] {
			return fmt.Errorf("account %d is %s now, was %s", i, a.AccountId, o.accountIDs[i])
		}
	}
	pa, _, err := h.client.ProcessorAccountGet(h.ctx).ProcessorAccountGetRequest(*plaid.NewProcessorAccountGetRequest(o.processorToken)).Execute()
	if err != nil {
		return fmt.Errorf("processor token: %w", err)
	}
	if pa.Account.AccountId != o.accountIDs[0] {
		return fmt.Errorf("processor token reads account %s, want %s", pa.Account.AccountId, o.accountIDs[0])
	}
	return nil
}

// checkRecords checks the emulator holds one Item, access token and processor token per flow,
// each the one the flow was told.
func checkRecords(t *testing.T, h *harness, outcomes []flowOutcome) {
	t.Helper()
	flows := len(outcomes)
	h.emu.mu.Lock()
	defer h.emu.mu.Unlock()
	if len(h.emu.items) != flows || len(h.emu.accessTokens) != flows || len(h.emu.processorTokens) != flows {
		t.Fatalf("emulator holds %d items, %d access tokens, %d processor tokens; want %d each",
			len(h.emu.items), len(h.emu.accessTokens), len(h.emu.processorTokens), flows)
	}
	for i, o := range outcomes {
		access, _ := h.emu.parseToken("access", o.accessToken)
		it := h.emu.accessTokens[access]
		g, _ := h.emu.processorGrant(o.processorToken)
		if it == nil || it.id != o.itemID || g.itemID != o.itemID || g.accountID() != o.accountIDs[0] {
			t.Fatalf("flow %d: the emulator's records do not match what the flow was told", i)
		}
	}
}

// BenchmarkFullFlow is one partner hand-off through plaid-go against the in-process emulator
// over loopback: link token, Sandbox public token, exchange, accounts, processor token.
func BenchmarkFullFlow(b *testing.B) {
	h := newBenchHarness(b)
	b.ReportAllocs()
	for b.Loop() {
		if o := runFlow(h, "bench"); o.err != nil {
			b.Fatal(o.err)
		}
	}
}
