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
