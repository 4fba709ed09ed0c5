package emulator

import (
	"fmt"
	"strings"
)

// /institutions/get (a page of every institution) and /institutions/search (by name).

// institutionFilter is what both endpoints select institutions by.
type institutionFilter struct {
	countries, products, routing []string
	oauth                        *bool
	query                        string // lower case; "" matches every name
}

func (f institutionFilter) matches(in Institution) bool {
	switch {
	case !linkAnyCountry(in.Countries, f.countries):
		return false
	case f.oauth != nil && in.OAuth != *f.oauth:
		return false
	case len(f.routing) > 0 && !anyOf(in.RoutingNumbers, f.routing):
		return false
	case f.query != "" && !strings.Contains(strings.ToLower(in.Name), f.query):
		return false
	}
	for _, p := range f.products {
		if !in.offers(p) {
			return false
		}
	}
	return true
}

func anyOf(have, want []string) bool {
	for _, w := range want {
		if contains(have, w) {
			return true
		}
	}
	return false
}

// institutionOptions are the include_* switches both endpoints share.
type institutionOptions struct {
	OAuth                   *bool `json:"oauth"`
	IncludeOptionalMetadata bool  `json:"include_optional_metadata"`
}

type institutionsListResponse struct {
	Institutions []institutionJSON `json:"institutions"`
	Total        *int              `json:"total,omitempty"` // /institutions/get only
	RequestID    string            `json:"request_id"`
}

func (e *Emulator) institutionsGet(q *apiRequest) (any, *apiError) {
	var req struct {
		Count        int      `json:"count"`
		Offset       int      `json:"offset"`
		CountryCodes []string `json:"country_codes"`
		Options      struct {
			institutionOptions
			Products       []string `json:"products"`
			RoutingNumbers []string `json:"routing_numbers"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	switch {
	case req.Count < 1 || req.Count > 500:
		return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("count must be from 1 to 500; %d is not", req.Count))
	case req.Offset < 0:
		return nil, invalidRequest("INVALID_FIELD", fmt.Sprintf("offset must be 0 or more; %d is not", req.Offset))
	}
	f := institutionFilter{countries: req.CountryCodes, products: req.Options.Products, routing: req.Options.RoutingNumbers, oauth: req.Options.OAuth}
	if perr := checkInstitutionFilter(f, "options.products"); perr != nil {
		return nil, perr
	}
	all := e.listInstitutions(f, req.Options.institutionOptions)
	total := len(all)
	page := all[min(req.Offset, total):min(req.Offset+req.Count, total)]
	return institutionsListResponse{Institutions: page, Total: &total, RequestID: q.requestID}, nil
}

// institutionsSearchMax is how many institutions one search returns at most (Plaid's ten).
const institutionsSearchMax = 10

func (e *Emulator) institutionsSearch(q *apiRequest) (any, *apiError) {
	var req struct {
		Query        string             `json:"query"`
		Products     []string           `json:"products"`
		CountryCodes []string           `json:"country_codes"`
		Options      institutionOptions `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	query := strings.ToLower(strings.TrimSpace(req.Query))
	if query == "" {
		return nil, invalidRequest("INVALID_FIELD", "query must hold at least one character of an institution's name")
	}
	f := institutionFilter{countries: req.CountryCodes, products: req.Products, oauth: req.Options.OAuth, query: query}
	if perr := checkInstitutionFilter(f, "products"); perr != nil {
		return nil, perr
	}
	found := e.listInstitutions(f, req.Options)
	return institutionsListResponse{Institutions: found[:min(len(found), institutionsSearchMax)], RequestID: q.requestID}, nil
}

// checkInstitutionFilter refuses unknown country codes and products, naming them.
func checkInstitutionFilter(f institutionFilter, productsField string) *apiError {
	if len(f.countries) == 0 {
		return invalidRequest("INVALID_FIELD", "country_codes must list at least one country code, such as US")
	}
	for _, c := range f.countries {
		if !contains(knownCountries, c) {
			return invalidRequest("INVALID_FIELD", fmt.Sprintf("country_codes contains an unknown country code: %.12q; use ISO codes such as US, CA, GB", c))
		}
	}
	if f.products != nil && len(f.products) == 0 {
		return invalidRequest("INVALID_FIELD", productsField+" must list at least one product, or be left out")
	}
	for _, p := range f.products {
		if !contains(knownProducts, p) {
			return invalidRequest("INVALID_FIELD", fmt.Sprintf("%s contains an unknown product: %.40q", productsField, p))
		}
	}
	return nil
}

// listInstitutions is every institution the filter selects, as the API shows them.
func (e *Emulator) listInstitutions(f institutionFilter, o institutionOptions) []institutionJSON {
	out := []institutionJSON{}
	for _, in := range e.institutions() {
		if f.matches(in) {
			out = append(out, institutionJSONOf(in, o.IncludeOptionalMetadata))
		}
	}
	return out
}

// institutionJSONOf is the Institution object; optional metadata (url, color) only when asked.
func institutionJSONOf(in Institution, optional bool) institutionJSON {
	j := institutionJSON{
		InstitutionID: in.ID, Name: in.Name, Products: in.Products, CountryCodes: in.Countries,
		RoutingNumbers: append([]string{}, in.RoutingNumbers...), DTCNumbers: []string{}, OAuth: in.OAuth,
	}
	if optional {
		j.URL, j.PrimaryColor = nullable("https://plaid.com"), nullable("#1f1f1f")
	}
	return j
}
