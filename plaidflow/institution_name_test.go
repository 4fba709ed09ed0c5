package plaidflow

import (
	"context"
	"net/http"
	"testing"

	"plaidwalk/emulator"
)

// A Canadian bank linked through the shortcut for a US partner is still named: the lookup
// does not ask only about the walk's US, which Plaid answers with INVALID_INSTITUTION.
func TestWalkNamesABankOutsideTheWalksCountries(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	p := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), InstitutionID: "ins_43"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan-Dominion Bank of Canada" {
		t.Errorf("institution name %q", res.Accounts.InstitutionName)
	}
	for _, call := range log.Calls() {
		if call.Path == "/institutions/get_by_id" && call.Status != http.StatusOK {
			t.Errorf("/institutions/get_by_id answered %d", call.Status)
		}
	}
}

// When the lookup fails the name still comes from what is known: the Sandbox bank's name, or
// the name Link's metadata gave.
func TestInstitutionNameSurvivesAFailedLookup(t *testing.T) {
	faults := map[string][]int{"/institutions/get_by_id": {400, 400}}
	c, _ := fastClient(t, faultyPlaid(t, faults))
	p := mustPartner(t, "dwolla")
	res, err := Walk(context.Background(), c, p, WalkOptions{Link: DefaultLinkConfig(Config{}, p), InstitutionID: "ins_109511"})
	if err != nil {
		t.Fatal(err)
	}
	if res.Accounts.InstitutionName != "Tartan Bank" {
		t.Errorf("after a failed lookup the Sandbox name should be used, got %q", res.Accounts.InstitutionName)
	}
	c2, _ := fastClient(t, faultyPlaid(t, faults))
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
