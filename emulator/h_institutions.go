package emulator

import "strings"

type institutionJSON struct {
	InstitutionID  string          `json:"institution_id"`
	Name           string          `json:"name"`
	Products       []string        `json:"products"`
	CountryCodes   []string        `json:"country_codes"`
	URL            *string         `json:"url"`
	PrimaryColor   *string         `json:"primary_color"`
	Logo           *string         `json:"logo"`
	RoutingNumbers []string        `json:"routing_numbers"`
	DTCNumbers     []string        `json:"dtc_numbers"`
	OAuth          bool            `json:"oauth"`
	Status         *map[string]any `json:"status,omitempty"`
}

type institutionResponse struct {
	Institution institutionJSON `json:"institution"`
	RequestID   string          `json:"request_id"`
}

func (e *Emulator) institutionsGetByID(q *apiRequest) (any, *apiError) {
	var req struct {
		InstitutionID string   `json:"institution_id"`
		CountryCodes  []string `json:"country_codes"`
		Options       struct {
			IncludeOptionalMetadata bool `json:"include_optional_metadata"`
			IncludeStatus           bool `json:"include_status"`
		} `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	if len(req.CountryCodes) == 0 {
		return nil, invalidRequest("INVALID_FIELD", "country_codes must list at least one country code")
	}
	in, found := findInstitution(req.InstitutionID)
	inCountry := false
	for _, c := range req.CountryCodes {
		inCountry = inCountry || contains(in.Countries, c)
	}
	if !found || !inCountry {
		return nil, invalidInput("INVALID_INSTITUTION",
			"invalid institution_id provided, or the institution is not in the requested country_codes ("+strings.Join(req.CountryCodes, ",")+")")
	}
	j := institutionJSONOf(in, req.Options.IncludeOptionalMetadata)
	if req.Options.IncludeStatus {
		j.Status = institutionStatus(in, rfc3339(e.now()))
	}
	return institutionResponse{Institution: j, RequestID: q.requestID}, nil
}

// institutionStatus reports the institution's health the way /institutions/get_by_id does when
// asked, so that a client can warn before sending a user to a bank that is down.
func institutionStatus(in Institution, at string) *map[string]any {
	status, success := "HEALTHY", 0.99
	switch in.Status {
	case "degraded":
		status, success = "DEGRADED", 0.6
	case "down":
		status, success = "DOWN", 0
	}
	product := map[string]any{
		"status": status, "last_status_change": at,
		"breakdown": map[string]any{"success": success, "error_plaid": 0.0, "error_institution": 1 - success},
	}
	return &map[string]any{"item_logins": product, "auth": product, "identity": product}
}
