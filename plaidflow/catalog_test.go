package plaidflow

import (
	"strings"
	"testing"
)

func loadCatalog(t testing.TB) Catalog {
	t.Helper()
	c, err := LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestCatalogIsConsistent(t *testing.T) {
	c := loadCatalog(t)
	ids := map[string]bool{}
	procs := map[string]string{}
	for _, p := range c.Partners {
		if ids[p.ID] {
			t.Errorf("repeated id %q", p.ID)
		}
		ids[p.ID] = true
		if p.Processor != "" {
			if other, dup := procs[p.Processor]; dup {
				t.Errorf("processor %q used by %s and %s", p.Processor, other, p.ID)
			}
			procs[p.Processor] = p.ID
			if !IsProcessor(p.Processor) {
				t.Errorf("%s: processor %q is not a valid Plaid processor", p.ID, p.Processor)
			}
		}
		checkPartnerFields(t, p)
	}
	for _, proc := range Processors {
		if _, ok := procs[proc]; !ok {
			t.Errorf("processor %q has no catalog entry", proc)
		}
	}
	if len(Processors) != 78 {
		t.Errorf("PLAID-FACTS lists 78 processor values, have %d", len(Processors))
	}
}

func checkPartnerFields(t *testing.T, p Partner) {
	t.Helper()
	if p.Name == "" || p.Description == "" || !strings.HasPrefix(p.DocsURL, "https://plaid.com/docs/") || len(p.Countries) == 0 {
		t.Errorf("%s: missing name, description, docs URL or countries", p.ID)
	}
	if strings.Contains(p.Description, "\n") {
		t.Errorf("%s: description should be one paragraph", p.ID)
	}
	for _, prod := range p.Products {
		if !IsLinkProduct(prod) {
			t.Errorf("%s: %q is not a Link product", p.ID, prod)
		}
	}
	for _, cc := range p.Countries {
		if !IsCountryCode(cc) {
			t.Errorf("%s: bad country %q", p.ID, cc)
		}
	}
	switch p.Flow {
	case FlowProcessor:
		if p.Processor == "" {
			t.Errorf("%s: processor flow without a processor", p.ID)
		}
	case FlowStripe, FlowCreditRelay:
	case FlowNone:
		if p.NotRunnable == "" || p.Runnable() {
			t.Errorf("%s: not runnable without a reason", p.ID)
		}
	default:
		t.Errorf("%s: unknown flow %q", p.ID, p.Flow)
	}
	if p.Runnable() && len(p.Products) == 0 {
		t.Errorf("%s: runnable partner without Link products", p.ID)
	}
	if !p.HasDocsPage && !strings.Contains(p.Description, "no partner page") && p.Flow != FlowNone {
		t.Errorf("%s: without a docs page the description must say the name comes from the string", p.ID)
	}
}

func TestCatalogSpecialPartners(t *testing.T) {
	c := loadCatalog(t)
	want := map[string]func(Partner) bool{
		"stripe": func(p Partner) bool { return p.Flow == FlowStripe && p.Processor == "" },
		"alloy":  func(p Partner) bool { return p.Processor == "alloy" && contains2(p.Products, "identity") },
		"alloy-credit": func(p Partner) bool {
			in, ok := p.Input(InputSecondaryClientID)
			days, _ := p.Input(InputDaysRequested)
			return p.Flow == FlowCreditRelay && contains2(p.Products, "assets") && ok && in.Required && days.Default == "60"
		},
		"ocrolus":     func(p Partner) bool { return p.Processor == "ocrolus" && contains2(p.Products, "assets") },
		"apex":        func(p Partner) bool { return p.Processor == "apex_clearing" },
		"prime-trust": func(p Partner) bool { return !p.Runnable() && strings.Contains(p.NotRunnable, "1.500.0") },
		"square":      func(p Partner) bool { return !p.Runnable() && strings.Contains(p.NotRunnable, "Square") },
		"straddle":    func(p Partner) bool { return contains2(p.Products, "auth") && contains2(p.Products, "identity") },
		"paynote":     func(p Partner) bool { return !contains2(p.Products, "balance") && !contains2(p.Products, "signal") },
		"vopay":       func(p Partner) bool { return contains2(p.Countries, "CA") },
	}
	for id, ok := range want {
		p, found := c.Find(id)
		if !found || !ok(p) {
			t.Errorf("%s: %+v", id, p)
		}
	}
}

func contains2(list []string, v string) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

func TestCatalogFindAndSuggest(t *testing.T) {
	c := loadCatalog(t)
	for _, id := range []string{"DWOLLA", "modern_treasury", "Sila-Money"} {
		if _, ok := c.Find(id); !ok {
			t.Errorf("Find(%q) failed", id)
		}
	}
	tests := map[string]string{"dwola": "dwolla", "strpe": "stripe", "modern": "modern-treasury", "apex_clearing": "apex", "tabapy": "tabapay"}
	for typo, want := range tests {
		got := c.Suggest(typo)
		if len(got) == 0 || got[0] != want {
			t.Errorf("Suggest(%q) = %v, want %q first", typo, got, want)
		}
	}
	if got := c.Suggest("zzzzzzzzqqq"); len(got) != 0 {
		t.Errorf("Suggest(nonsense) = %v, want nothing", got)
	}
}

func TestEligible(t *testing.T) {
	c := loadCatalog(t)
	dwolla, _ := c.Find("dwolla")
	credit, _ := c.Find("alloy-credit")
	square, _ := c.Find("square")
	checking := Account{Type: "depository", Subtype: "checking"}
	card := Account{Type: "credit", Subtype: "credit card"}
	cd := Account{Type: "depository", Subtype: "cd"}
	if ok, why := Eligible(dwolla, checking); !ok {
		t.Errorf("checking refused for Dwolla: %s", why)
	}
	if ok, why := Eligible(dwolla, card); ok || !strings.Contains(why, "credit") || !strings.Contains(why, "checking") {
		t.Errorf("card for Dwolla: %v %q", ok, why)
	}
	if ok, why := Eligible(dwolla, cd); ok || !strings.Contains(why, "cd") {
		t.Errorf("cd for Dwolla: %v %q", ok, why)
	}
	if ok, _ := Eligible(credit, card); !ok {
		t.Error("an Asset Report partner should accept any account")
	}
	if ok, why := Eligible(square, checking); ok || why == "" {
		t.Errorf("Square is not runnable: %v %q", ok, why)
	}
}
