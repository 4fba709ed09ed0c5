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

// The request builder and DefaultLinkConfig must agree: the options screen shows
// DefaultLinkConfig, and a LinkConfig that leaves fields empty (built by hand, or read from an
// old session) must send the very same values, not a second set of defaults.
func TestLinkDefaultsHaveOneSource(t *testing.T) {
	dwolla, _ := loadCatalog(t).Find("dwolla")
	def := DefaultLinkConfig(Config{}, dwolla)
	if def.UserID != DefaultUserID || def.ClientName != DefaultClientName || def.Language != DefaultLanguage {
		t.Fatalf("DefaultLinkConfig = %+v, not the package's defaults", def)
	}
	req, err := linkTokenRequest(LinkConfig{Products: def.Products})
	if err != nil {
		t.Fatal(err)
	}
	if got := req.User.ClientUserId; got != def.UserID {
		t.Errorf("an empty UserID sends client_user_id %q, the options screen shows %q", got, def.UserID)
	}
	if req.ClientName != def.ClientName || req.Language != def.Language {
		t.Errorf("an empty LinkConfig sends %q/%q, the defaults are %q/%q", req.ClientName, req.Language, def.ClientName, def.Language)
	}
	if len(req.CountryCodes) != 1 || string(req.CountryCodes[0]) != DefaultCountry {
		t.Errorf("an empty LinkConfig sends country codes %v, want [%s]", req.CountryCodes, DefaultCountry)
	}
	if us, _ := loadCatalog(t).Find("dwolla"); !slices.Equal(def.CountryCodes, us.Countries) {
		t.Errorf("Dwolla's default countries %v, the catalog says %v", def.CountryCodes, us.Countries)
	}
}
