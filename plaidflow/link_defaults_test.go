package plaidflow

import (
	"slices"
	"testing"
)

func TestDefaultLinkConfigFiltersToThePartnersAccounts(t *testing.T) {
	cat := loadCatalog(t)
	dwolla, _ := cat.Find("dwolla")
	lc := DefaultLinkConfig(Config{Env: EnvOffline}, dwolla)
	if got := lc.AccountFilters["depository"]; !slices.Contains(got, "checking") || !slices.Contains(got, "savings") {
		t.Fatalf("Dwolla's Link filter %v lacks checking and savings", lc.AccountFilters)
	}
	if _, ok := lc.AccountFilters["credit"]; ok {
		t.Errorf("Dwolla's Link filter lets credit accounts through: %v", lc.AccountFilters)
	}
	lc.AccountFilters["depository"][0] = "edited"
	if dwolla2, _ := cat.Find("dwolla"); dwolla2.AccountTypes["depository"][0] == "edited" {
		t.Errorf("editing a LinkConfig edited the catalog")
	}
}
