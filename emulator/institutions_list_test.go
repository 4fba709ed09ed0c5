package emulator

import (
	"strings"
	"testing"

	"github.com/plaid/plaid-go/v43/plaid"
)

func (h *harness) institutionsGet(count, offset int32, countries []plaid.CountryCode, opts *plaid.InstitutionsGetRequestOptions) result[plaid.InstitutionsGetResponse] {
	req := plaid.NewInstitutionsGetRequest(count, offset, countries)
	if opts != nil {
		req.SetOptions(*opts)
	}
	return ok(h.client.InstitutionsGet(h.ctx).InstitutionsGetRequest(*req).Execute())
}

func (h *harness) institutionsSearch(query string, countries []plaid.CountryCode, products []plaid.Products) result[plaid.InstitutionsSearchResponse] {
	req := plaid.NewInstitutionsSearchRequest(query, countries)
	if products != nil {
		req.SetProducts(products)
	}
	return ok(h.client.InstitutionsSearch(h.ctx).InstitutionsSearchRequest(*req).Execute())
}

func institutionIDs(list []plaid.Institution) []string {
	ids := make([]string, len(list))
	for i, in := range list {
		ids[i] = in.InstitutionId
	}
	return ids
}

// Pages of /institutions/get cover every US institution once, in order, and total counts them
// all whatever the page.
func TestInstitutionsGetPages(t *testing.T) {
	h := newHarness(t)
	us := []plaid.CountryCode{plaid.COUNTRYCODE_US}
	whole := h.institutionsGet(500, 0, us, nil).get(t)
	if int(whole.Total) != len(whole.Institutions) || whole.Total < 25 {
		t.Fatalf("total %d, %d institutions: want every US one (Platypus and real banks)", whole.Total, len(whole.Institutions))
	}
	var paged []string
	for offset := int32(0); offset < whole.Total; offset += 7 {
		page := h.institutionsGet(7, offset, us, nil).get(t)
		if page.Total != whole.Total || len(page.Institutions) > 7 {
			t.Fatalf("page at %d: total %d, %d institutions", offset, page.Total, len(page.Institutions))
		}
		paged = append(paged, institutionIDs(page.Institutions)...)
	}
	if strings.Join(paged, ",") != strings.Join(institutionIDs(whole.Institutions), ",") {
		t.Errorf("pages %v differ from the whole list %v", paged, institutionIDs(whole.Institutions))
	}
	for _, in := range whole.Institutions {
		if !contains(countryStrings(in.CountryCodes), "US") {
			t.Errorf("%s (%v) is listed for US", in.InstitutionId, in.CountryCodes)
		}
	}
	if past := h.institutionsGet(10, whole.Total+5, us, nil).get(t); len(past.Institutions) != 0 || past.Total != whole.Total {
		t.Errorf("offset past the end: %d institutions, total %d", len(past.Institutions), past.Total)
	}
}

func countryStrings(cs []plaid.CountryCode) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = string(c)
	}
	return out
}

// options.products keeps institutions offering every product asked; oauth keeps one kind;
// routing_numbers finds a bank by its routing number.
func TestInstitutionsGetFilters(t *testing.T) {
	h := newHarness(t)
	gb := h.institutionsGet(50, 0, []plaid.CountryCode{plaid.COUNTRYCODE_GB}, nil).get(t)
	if got := strings.Join(institutionIDs(gb.Institutions), ","); got != "ins_116834,ins_117650" {
		t.Errorf("GB institutions %s, want the two UK sandbox banks", got)
	}
	opts := plaid.NewInstitutionsGetRequestOptions()
	opts.SetProducts([]plaid.Products{plaid.PRODUCTS_INVESTMENTS, plaid.PRODUCTS_AUTH})
	opts.SetOauth(true)
	both := h.institutionsGet(500, 0, []plaid.CountryCode{plaid.COUNTRYCODE_US}, opts).get(t)
	ids := institutionIDs(both.Institutions)
	if !contains(ids, "ins_56") || !contains(ids, "ins_127287") || contains(ids, "ins_109508") || contains(ids, "ins_11") {
		t.Errorf("OAuth banks with investments and auth: %v", ids)
	}
	opts = plaid.NewInstitutionsGetRequestOptions()
	opts.SetRoutingNumbers([]string{"021000021"})
	opts.SetIncludeOptionalMetadata(true)
	chase := h.institutionsGet(10, 0, []plaid.CountryCode{plaid.COUNTRYCODE_US}, opts).get(t)
	if len(chase.Institutions) != 1 || chase.Institutions[0].Name != "Chase" || chase.Institutions[0].GetUrl() == "" {
		t.Errorf("routing number 021000021 with metadata: %+v", chase.Institutions)
	}
}

func TestInstitutionsGetRefusals(t *testing.T) {
	h := newHarness(t)
	us := []plaid.CountryCode{plaid.COUNTRYCODE_US}
	for _, c := range []struct {
		name          string
		count, offset int32
		countries     []plaid.CountryCode
		field         string
	}{
		{"count 0", 0, 0, us, "count"},
		{"count 501", 501, 0, us, "count"},
		{"negative offset", 10, -1, us, "offset"},
		{"no country", 10, 0, []plaid.CountryCode{}, "country_codes"},
		{"unknown country", 10, 0, []plaid.CountryCode{"XX"}, "country_codes"},
	} {
		t.Run(c.name, func(t *testing.T) {
			pe := h.institutionsGet(c.count, c.offset, c.countries, nil).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
			if !strings.Contains(pe.ErrorMessage, c.field) {
				t.Errorf("message %q does not name %s", pe.ErrorMessage, c.field)
			}
		})
	}
	h.post("/institutions/get", `{"count":10,"country_codes":["US"]}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "offset")
}

// Search matches any part of a name, whatever its case, within the countries and products
// asked, ten at most.
func TestInstitutionsSearch(t *testing.T) {
	h := newHarness(t)
	us := []plaid.CountryCode{plaid.COUNTRYCODE_US}
	got := institutionIDs(h.institutionsSearch("PLATYPUS", us, nil).get(t).Institutions)
	if len(got) == 0 || len(got) > 10 || !contains(got, "ins_109508") {
		t.Fatalf("search PLATYPUS: %v", got)
	}
	for _, id := range got {
		in, _ := findInstitution(id)
		if !strings.Contains(strings.ToLower(in.Name), "platypus") {
			t.Errorf("%s (%s) does not match platypus", id, in.Name)
		}
	}
	if got := institutionIDs(h.institutionsSearch("chase", us, nil).get(t).Institutions); strings.Join(got, ",") != "ins_56" {
		t.Errorf("search chase: %v", got)
	}
	if got := h.institutionsSearch("Royal Bank", us, nil).get(t).Institutions; len(got) != 0 {
		t.Errorf("a UK bank found for US: %v", institutionIDs(got))
	}
	if got := institutionIDs(h.institutionsSearch("Royal Bank", []plaid.CountryCode{plaid.COUNTRYCODE_GB}, nil).get(t).Institutions); strings.Join(got, ",") != "ins_117650" {
		t.Errorf("search Royal Bank in GB: %v", got)
	}
	if got := h.institutionsSearch("Fidelity", us, []plaid.Products{plaid.PRODUCTS_AUTH}).get(t).Institutions; len(got) != 0 {
		t.Errorf("Fidelity offers no auth, yet was found: %v", institutionIDs(got))
	}
	if got := institutionIDs(h.institutionsSearch("Fidelity", us, []plaid.Products{plaid.PRODUCTS_INVESTMENTS}).get(t).Institutions); strings.Join(got, ",") != "ins_12" {
		t.Errorf("Fidelity with investments: %v", got)
	}
	if got := h.institutionsSearch("no such bank anywhere", us, nil).get(t).Institutions; got == nil || len(got) != 0 {
		t.Errorf("no match must be an empty list: %v", got)
	}
	pe := h.institutionsSearch("bank", []plaid.CountryCode{"ZZ"}, nil).fails(t, 400, "INVALID_REQUEST", "INVALID_FIELD")
	if !strings.Contains(pe.ErrorMessage, "country_codes") {
		t.Errorf("message %q does not name country_codes", pe.ErrorMessage)
	}
	h.post("/institutions/search", `{"query":" ","country_codes":["US"]}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "INVALID_FIELD", "query")
	h.post("/institutions/search", `{"country_codes":["US"]}`, testKeys).wantError(t, 400, "INVALID_REQUEST", "MISSING_FIELDS", "query")
}

// A real bank in the list is one the Sandbox logs in to: the shortcut makes an Item there.
func TestRealInstitutionLogsIn(t *testing.T) {
	h := newHarness(t)
	for _, id := range []string{"ins_20", "ins_56"} {
		access := h.exchange(h.publicToken(id, []plaid.Products{plaid.PRODUCTS_AUTH}, nil)).AccessToken
		if len(h.accounts(access)) == 0 {
			t.Errorf("no accounts at %s", id)
		}
	}
}
