package plaidflow

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"plaidwalk/assets"
	"plaidwalk/internal/similar"
)

// FlowKind is how a partner's token is made.
type FlowKind string

const (
	FlowProcessor   FlowKind = "processor"
	FlowStripe      FlowKind = "stripe"
	FlowCreditRelay FlowKind = "credit_relay"
	FlowNone        FlowKind = "none" // shown, not runnable (Prime Trust, Square)
)

// Input is an extra value a partner needs (Alloy credit's secondary_client_id, report days).
type Input struct {
	Name     string `json:"name"`
	Label    string `json:"label"`
	Default  string `json:"default,omitempty"`
	Required bool   `json:"required,omitempty"`
}

// Names of the extra inputs the flows read.
const (
	InputSecondaryClientID = "secondary_client_id"
	InputDaysRequested     = "days_requested"
)

// Partner is one entry of the catalog.
type Partner struct {
	ID           string              `json:"id"`
	Name         string              `json:"name"`
	Processor    string              `json:"processor,omitempty"`
	Flow         FlowKind            `json:"flow"`
	Products     []string            `json:"products"`
	AccountTypes map[string][]string `json:"account_types"` // type -> accepted subtypes (empty list: any subtype)
	Countries    []string            `json:"countries"`
	Inputs       []Input             `json:"inputs,omitempty"`
	Description  string              `json:"description"`
	DocsURL      string              `json:"docs_url"`
	HasDocsPage  bool                `json:"has_docs_page"`
	NotRunnable  string              `json:"not_runnable,omitempty"` // why, when Flow is none
}

// Runnable reports whether plaidwalk can walk this partner's flow.
func (p Partner) Runnable() bool { return p.Flow != FlowNone && p.NotRunnable == "" }

// Input returns the partner's extra input with this name.
func (p Partner) Input(name string) (Input, bool) {
	for _, in := range p.Inputs {
		if in.Name == name {
			return in, true
		}
	}
	return Input{}, false
}

// Catalog is the partner list, in display order.
type Catalog struct{ Partners []Partner }

// LoadCatalog parses the embedded catalog.
func LoadCatalog() (Catalog, error) { return ParseCatalog(assets.PartnersJSON) }

// ParseCatalog parses a catalog document (a JSON array of partners) and checks its shape.
func ParseCatalog(data []byte) (Catalog, error) {
	var ps []Partner
	if err := json.Unmarshal(data, &ps); err != nil {
		return Catalog{}, fmt.Errorf("partner catalog: %w", err)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if p.ID == "" || seen[p.ID] {
			return Catalog{}, fmt.Errorf("partner catalog: empty or repeated id %q", p.ID)
		}
		seen[p.ID] = true
	}
	return Catalog{Partners: ps}, nil
}

// Find returns the partner with this id (case-insensitive; "_" and "-" are the same).
func (c Catalog) Find(id string) (Partner, bool) {
	key := normalizeID(id)
	for _, p := range c.Partners {
		if normalizeID(p.ID) == key {
			return p, true
		}
	}
	return Partner{}, false
}

// Runnable returns the partners plaidwalk can walk, in catalog order.
func (c Catalog) Runnable() []Partner {
	var out []Partner
	for _, p := range c.Partners {
		if p.Runnable() {
			out = append(out, p)
		}
	}
	return out
}

// Suggest returns the ids closest to a mistyped one, best first (at most three).
func (c Catalog) Suggest(id string) []string {
	key := normalizeID(id)
	if key == "" {
		return nil
	}
	type scored struct {
		id    string
		score int
	}
	var cands []scored
	for _, p := range c.Partners {
		best := -1
		for _, name := range []string{p.ID, p.Processor, p.Name} {
			n := normalizeID(name)
			if n == "" {
				continue
			}
			s := similar.Distance(key, n)
			if strings.HasPrefix(n, key) || strings.Contains(n, key) {
				s = min(s, 1)
			}
			if best < 0 || s < best {
				best = s
			}
		}
		// A suggestion must be plausibly the same word.
		if best >= 0 && best <= max(2, len(key)/3) {
			cands = append(cands, scored{p.ID, best})
		}
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].score < cands[j].score })
	var out []string
	for i := 0; i < len(cands) && i < 3; i++ {
		out = append(out, cands[i].id)
	}
	return out
}

func normalizeID(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer("_", "-", " ", "-", ".", "").Replace(s)
}
