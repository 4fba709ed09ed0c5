package emulator

import (
	"strings"
	"testing"
	"time"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) exchangeResult(publicToken string) result[plaid.ItemPublicTokenExchangeResponse] {
	req := plaid.NewItemPublicTokenExchangeRequest(publicToken)
	return ok(h.client.ItemPublicTokenExchange(h.ctx).ItemPublicTokenExchangeRequest(*req).Execute())
}

func TestPublicTokenIsSingleUse(t *testing.T) {
	h := newHarness(t)
	pub := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	h.exchange(pub)
	pe := h.exchangeResult(pub).fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
	if !strings.HasPrefix(pe.ErrorMessage, "could not find matching public token") {
		t.Errorf("message %q", pe.ErrorMessage)
	}
}

func TestPublicTokenExpiresAfter30Minutes(t *testing.T) {
	h := newHarness(t)
	early := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	late := h.publicToken("ins_109508", []plaid.Products{plaid.PRODUCTS_AUTH}, nil)
	h.clock.Advance(29 * time.Minute)
	h.exchange(early)
	h.clock.Advance(time.Minute)
	h.exchangeResult(late).fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
}

func TestMalformedPublicToken(t *testing.T) {
	h := newHarness(t)
	for _, tok := range []string{"", "access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e", "public-sandbox-nope"} {
		pe := h.exchangeResult(tok).fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
		if want := "provided public token is in an invalid format. expected format: public-<environment>-<identifier>"; pe.ErrorMessage != want {
			t.Errorf("%q: message %q", tok, pe.ErrorMessage)
		}
	}
	// Well-formed but never issued.
	h.exchangeResult("public-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_PUBLIC_TOKEN")
}

func TestAccessTokenErrors(t *testing.T) {
	h := newHarness(t)
	get := func(tok string) result[plaid.ItemGetResponse] {
		return ok(h.client.ItemGet(h.ctx).ItemGetRequest(*plaid.NewItemGetRequest(tok)).Execute())
	}
	get("public-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
	get("access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}

func TestLinkTokenLifetime(t *testing.T) {
	h := newHarness(t)
	lt := h.linkToken(plaid.PRODUCTS_AUTH)
	h.clock.Advance(4*time.Hour - time.Second)
	if _, perr := h.emu.lookupLinkToken(lt.LinkToken); perr != nil {
		t.Fatalf("link token dead before 4 hours: %v", perr)
	}
	h.clock.Advance(time.Second)
	if _, perr := h.emu.lookupLinkToken(lt.LinkToken); perr == nil || perr.Code != "INVALID_LINK_TOKEN" {
		t.Fatalf("link token alive after 4 hours: %v", perr)
	}
	req := plaid.NewLinkTokenGetRequest("link-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e")
	ok(h.client.LinkTokenGet(h.ctx).LinkTokenGetRequest(*req).Execute()).fails(t, 400, "INVALID_INPUT", "INVALID_LINK_TOKEN")
}

func TestHostedLinkTokenLifetime(t *testing.T) {
	h := newHarness(t)
	req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
	req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
	req.SetProducts([]plaid.Products{plaid.PRODUCTS_AUTH})
	req.SetHostedLink(*plaid.NewLinkTokenCreateHostedLink())
	lt := ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).get(t)
	if want := h.clock.Now().Add(30 * time.Minute); !lt.Expiration.Equal(want) {
		t.Errorf("hosted link token expires %v, want %v", lt.Expiration, want)
	}
	hosted := plaid.NewLinkTokenCreateHostedLink()
	hosted.SetUrlLifetimeSeconds(3600)
	req.SetHostedLink(*hosted)
	lt = ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute()).get(t)
	if want := h.clock.Now().Add(time.Hour); !lt.Expiration.Equal(want) {
		t.Errorf("url_lifetime_seconds ignored: expires %v, want %v", lt.Expiration, want)
	}
}

func TestLinkTokenGetReportsAnExit(t *testing.T) {
	h := newHarness(t)
	lt := h.linkToken(plaid.PRODUCTS_AUTH)
	in := h.emu.institutions()[0]
	h.emu.recordLinkResult(lt.LinkToken, linkResult{LinkSessionID: "0d6c1a9e-7f7c-4d0c-9b9a-2f0f8c3e5a11",
		Institution: &in, ExitError: sandboxError("INVALID_CREDENTIALS"), ExitStatus: "requires_credentials"})
	got := ok(h.client.LinkTokenGet(h.ctx).LinkTokenGetRequest(*plaid.NewLinkTokenGetRequest(lt.LinkToken)).Execute()).get(t)
	sessions := got.GetLinkSessions()
	if len(sessions) != 1 {
		t.Fatalf("sessions: %+v", sessions)
	}
	exit := sessions[0].GetOnExit()
	if exit.Error.Get() == nil || exit.Error.Get().ErrorCode != "INVALID_CREDENTIALS" || exit.Metadata.Get().GetStatus() != "requires_credentials" {
		t.Fatalf("on_exit: %+v", exit)
	}
	if sessions[0].HasResults() {
		t.Errorf("an exited session has item_add_results")
	}
	if got.Metadata.GetClientName() != "plaidwalk tests" || len(got.Metadata.InitialProducts) != 1 {
		t.Errorf("metadata: %+v", got.Metadata)
	}
}

func TestUpdateModeLinkToken(t *testing.T) {
	h := newHarness(t)
	tok := h.connect(plaid.PRODUCTS_AUTH)
	create := func(access string) result[plaid.LinkTokenCreateResponse] {
		req := plaid.NewLinkTokenCreateRequest("plaidwalk tests", "en", []plaid.CountryCode{plaid.COUNTRYCODE_US})
		req.SetUser(*plaid.NewLinkTokenCreateRequestUser("user-1"))
		req.SetAccessToken(access)
		return ok(h.client.LinkTokenCreate(h.ctx).LinkTokenCreateRequest(*req).Execute())
	}
	lt := create(tok).get(t)
	if want := h.clock.Now().Add(30 * time.Minute); !lt.Expiration.Equal(want) {
		t.Errorf("update-mode link token expires %v, want %v", lt.Expiration, want)
	}
	create("access-sandbox-7f0b2c1e-3d4a-4b5c-8d6e-0f1a2b3c4d5e").fails(t, 400, "INVALID_INPUT", "INVALID_ACCESS_TOKEN")
}
