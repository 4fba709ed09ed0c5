package plaidflow

import (
	"slices"
	"testing"

	"plaidwalk/internal/plaidspec"
)

// TestProcessorsAreTheSpecsEnum: plaid-go types processor as a plain string, so plaidwalk keeps
// its own list; it must be exactly the enum of the spec inside the plaid-go version in go.mod.
func TestProcessorsAreTheSpecsEnum(t *testing.T) {
	schema := plaidspec.MustLoad(t).Doc.Components.Schemas["ProcessorTokenCreateRequest"]
	var enum []string
	for _, v := range schema.Value.Properties["processor"].Value.Enum {
		enum = append(enum, v.(string))
	}
	if !slices.Equal(enum, Processors) {
		t.Errorf("plaidflow.Processors differs from the spec's enum:\n ours: %v\n spec: %v", Processors, enum)
	}
}

// TestLinkValuesAreInTheSpec: the products plaidwalk offers for Link are values of the spec's
// Products enum, and its country codes are the spec's CountryCode enum.
func TestLinkValuesAreInTheSpec(t *testing.T) {
	schemas := plaidspec.MustLoad(t).Doc.Components.Schemas
	enum := func(name string) []string {
		var out []string
		for _, v := range schemas[name].Value.Enum {
			out = append(out, v.(string))
		}
		return out
	}
	products := enum("Products")
	for _, p := range linkProducts {
		if !slices.Contains(products, p) {
			t.Errorf("plaidwalk offers %s, which the spec's Products enum lacks", p)
		}
	}
	countries := enum("CountryCode")
	slices.Sort(countries)
	if !slices.Equal(countries, countryCodes) {
		t.Errorf("country codes: ours %v, the spec's %v", countryCodes, countries)
	}
}
