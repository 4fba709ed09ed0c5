package plaidflow

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"strconv"
	"testing"

	"plaidwalk/emulator"
)

// A Canadian bank linked through the shortcut for a US partner is still named when /item/get
// does not name it: the lookup does not ask only about the walk's US, which Plaid answers with
// INVALID_INSTITUTION.
func TestWalkNamesABankOutsideTheWalksCountries(t *testing.T) {
	c, log := fastClient(t, namelessItems(t, startEmulator(t, emulator.Options{})))
	p := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), InstitutionID: "ins_43"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan-Dominion Bank of Canada" {
		t.Errorf("institution name %q", res.Accounts.InstitutionName)
	}
	looked := false
	for _, call := range log.Calls() {
		if call.Path == "/institutions/get_by_id" {
			looked = true
			if call.Status != http.StatusOK {
				t.Errorf("/institutions/get_by_id answered %d", call.Status)
			}
		}
	}
	if !looked {
		t.Errorf("the bank was not looked up")
	}
}

// TestItemGetNamesTheBank: /item/get names the institution (v43's spec has
// item.institution_name), so no lookup is made.
func TestItemGetNamesTheBank(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	p := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), InstitutionID: "ins_109511"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan Bank" {
		t.Errorf("institution name %q", res.Accounts.InstitutionName)
	}
	for _, call := range log.Calls() {
		if call.Path == "/institutions/get_by_id" {
			t.Errorf("/institutions/get_by_id was called although /item/get named the bank")
		}
	}
}

// namelessItems serves cfg's Plaid with /item/get's institution_name set to null, as Plaid
// sends it for an Item made without a bank login (Same-Day Micro-deposits).
func namelessItems(t *testing.T, cfg Config) Config {
	target, err := url.Parse(cfg.BaseURL)
	if err != nil {
		t.Fatal(err)
	}
	proxy := httputil.NewSingleHostReverseProxy(target)
	proxy.ModifyResponse = func(resp *http.Response) error {
		if resp.Request.URL.Path != "/item/get" || resp.StatusCode != http.StatusOK {
			return nil
		}
		var body map[string]any
		if err := json.NewDecoder(resp.Body).Decode(&body); err != nil {
			return err
		}
		body["item"].(map[string]any)["institution_name"] = nil
		raw, _ := json.Marshal(body)
		resp.Body, resp.ContentLength = io.NopCloser(bytes.NewReader(raw)), int64(len(raw))
		resp.Header.Set("Content-Length", strconv.Itoa(len(raw)))
		return nil
	}
	srv := httptest.NewServer(proxy)
	t.Cleanup(srv.Close)
	cfg.BaseURL = srv.URL
	return cfg
}

// When /item/get does not name the bank and the lookup fails, the name still comes from what
// is known: the Sandbox bank's name, or the name Link's metadata gave.
func TestInstitutionNameSurvivesAFailedLookup(t *testing.T) {
	faults := map[string][]int{"/institutions/get_by_id": {400, 400}}
	c, _ := fastClient(t, namelessItems(t, faultyPlaid(t, faults)))
	p := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), InstitutionID: "ins_109511"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan Bank" {
		t.Errorf("after a failed lookup the Sandbox name should be used, got %q", res.Accounts.InstitutionName)
	}
	c2, _ := fastClient(t, namelessItems(t, faultyPlaid(t, faults)))
	pt, err := c2.SandboxPublicToken(context.Background(), "ins_109511", []string{"auth"}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	// A bank the Sandbox table does not know (as a real bank from Link would be) keeps Link's
	// name. This test is not parallel, so no other test sees the table without it.
	delete(sandboxInstitutionNames, "ins_109511")
	t.Cleanup(func() { sandboxInstitutionNames["ins_109511"] = "Tartan Bank" })
	res, err = Walk(context.Background(), c2, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), PublicToken: pt, InstitutionName: "Tartan Bank (from Link)"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan Bank (from Link)" {
		t.Errorf("Link's name should be used, got %q", res.Accounts.InstitutionName)
	}
}
