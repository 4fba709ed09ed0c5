package emulator

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
)

// The emulated Link's screens call these JSON endpoints under /link/emulated/api/ from the
// emulator's own origin. They are Link's private back end, not part of Plaid's API.

type linkErrorJSON struct {
	ErrorType      string  `json:"error_type"`
	ErrorCode      string  `json:"error_code"`
	ErrorMessage   string  `json:"error_message"`
	DisplayMessage *string `json:"display_message"`
}

type linkInstitutionJSON struct {
	Name          string `json:"name"`
	InstitutionID string `json:"institution_id"`
	OAuth         bool   `json:"oauth"`
	Status        string `json:"status"`
	// Numbers: this session links the bank with typed-in numbers, not a login (Windowpane
	// Bank's Instant Micro-deposits).
	Numbers bool `json:"numbers,omitempty"`
}

type linkAccountJSON struct {
	ID      string `json:"id"`
	Name    string `json:"name"`
	Mask    string `json:"mask"`
	Type    string `json:"type"`
	Subtype string `json:"subtype"`
	// Verification is the account's verification_status, for the account picker; "" when verified by login.
	Verification string   `json:"verification_status,omitempty"`
	Available    *float64 `json:"available"`
	Current      *float64 `json:"current"`
}

// linkReply is every endpoint's answer; only the fields of the step taken are set.
type linkReply struct {
	RequestID     string                `json:"request_id"`
	LinkSessionID string                `json:"link_session_id,omitempty"`
	Next          string                `json:"next,omitempty"` // "mfa", "accounts", "error", "oauth"
	Error         *linkErrorJSON        `json:"error,omitempty"`
	Status        string                `json:"status,omitempty"`
	MFA           *linkMFAPrompt        `json:"mfa,omitempty"`
	Institution   *linkInstitutionJSON  `json:"institution,omitempty"`
	Accounts      []linkAccountJSON     `json:"accounts,omitempty"`
	MultiSelect   bool                  `json:"multi_select,omitempty"`
	Institutions  []linkInstitutionJSON `json:"institutions,omitempty"`
	ClientName    string                `json:"client_name,omitempty"`
	Hosted        bool                  `json:"hosted,omitempty"`
	Update        bool                  `json:"update,omitempty"` // update mode: log in at Institution, no search
	Completion    string                `json:"completion_redirect_uri,omitempty"`
	OAuth         *linkOAuthJSON        `json:"oauth,omitempty"`
	PublicToken   string                `json:"public_token,omitempty"`
	ManualEntry   bool                  `json:"manual_entry,omitempty"` // search offers "Link with account numbers"
	Verify        *linkVerifyJSON       `json:"verify,omitempty"`       // next "code": the account whose code is asked for
	Match         *linkAccountJSON      `json:"match,omitempty"`        // next "instant_match": the account to type numbers for
	Metadata      any                   `json:"metadata,omitempty"`
}

// linkOAuthJSON tells the screens how to reach the OAuth bank.
type linkOAuthJSON struct {
	StateID         string `json:"oauth_state_id"`
	BankURL         string `json:"bank_url"`
	Mode            string `json:"mode"` // "redirect" (top window goes to the bank) or "popup"
	InstitutionName string `json:"institution_name,omitempty"`
	ClientName      string `json:"client_name,omitempty"`
}

// linkRequest is every endpoint's body; each reads the fields it needs.
type linkRequest struct {
	LinkToken           string   `json:"link_token"`
	ReceivedRedirectURI string   `json:"received_redirect_uri"`
	LinkSessionID       string   `json:"link_session_id"`
	InstitutionID       string   `json:"institution_id"`
	Username            string   `json:"username"`
	Password            string   `json:"password"`
	Answers             []string `json:"answers"`
	AccountIDs          []string `json:"account_ids"`
	OAuthStateID        string   `json:"oauth_state_id"`
	Approve             bool     `json:"approve"`
	Status              string   `json:"status"`
	Routing             string   `json:"routing"`
	Account             string   `json:"account"`
	HolderName          string   `json:"holder_name"`
	Subtype             string   `json:"subtype"`
	Code                string   `json:"code"`
	// Events are what the page recorded, sent with finish and exit for Hosted Link's EVENTS.
	Events []linkEventIn `json:"events"`
}

const linkBodyLimit = 32 << 10

// serveLinkAPI decodes a JSON POST and dispatches it by the path's last segment.
func (e *Emulator) serveLinkAPI(w http.ResponseWriter, r *http.Request, name string) {
	handlers := map[string]func(*http.Request, linkRequest) (linkReply, *apiError){
		"session":      e.linkStartSession,
		"login":        e.linkLogin,
		"mfa":          e.linkMFA,
		"oauth/start":  e.linkOAuthStart,
		"oauth/info":   e.linkOAuthInfo,
		"oauth/decide": e.linkOAuthDecide,
		"oauth/resume": e.linkOAuthResume,
		"finish":       e.linkFinish,
		"numbers":      e.linkNumbers,
		"code":         e.linkCode,
		"match":        e.linkMatch,
		"exit":         e.linkExit,
	}
	h, ok := handlers[name]
	if !ok {
		e.writeError(w, r, &apiError{Status: http.StatusNotFound, Type: "INVALID_REQUEST", Code: "NOT_FOUND", Message: "unknown emulated Link endpoint"})
		return
	}
	if perr := checkLinkOrigin(r); perr != nil {
		e.writeError(w, r, perr)
		return
	}
	if r.Method != http.MethodPost || !strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") {
		e.writeError(w, r, &apiError{Status: http.StatusBadRequest, Type: "INVALID_REQUEST", Code: "INVALID_HEADERS", Message: "emulated Link endpoints take a JSON POST"})
		return
	}
	req, perr := readLinkRequest(w, r)
	if perr != nil {
		e.writeError(w, r, perr)
		return
	}
	reply, perr := h(r, req)
	if perr != nil {
		e.writeError(w, r, perr)
		return
	}
	reply.RequestID = newRequestID()
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(reply) //nolint:errcheck // the browser went away
}

// readLinkRequest reads a Link endpoint's JSON body, refusing what the API refuses.
func readLinkRequest(w http.ResponseWriter, r *http.Request) (linkRequest, *apiError) {
	var req linkRequest
	raw, err := io.ReadAll(http.MaxBytesReader(w, r.Body, linkBodyLimit))
	if err != nil {
		return req, invalidRequest("INVALID_BODY", "the body could not be read or is larger than 32 KB")
	}
	if perr := checkUTF8(raw); perr != nil {
		return req, perr
	}
	if err := json.Unmarshal(raw, &req); err != nil {
		return req, invalidRequest("INVALID_BODY", "the body is not valid JSON for this endpoint")
	}
	return req, nil
}

func linkError(pe *apiError) *linkErrorJSON {
	if pe == nil {
		return nil
	}
	out := &linkErrorJSON{ErrorType: pe.Type, ErrorCode: pe.Code, ErrorMessage: pe.Message}
	if pe.DisplayMessage != "" {
		d := pe.DisplayMessage
		out.DisplayMessage = &d
	}
	return out
}

func linkInstitutionOf(in *Institution) *linkInstitutionJSON {
	if in == nil {
		return nil
	}
	return &linkInstitutionJSON{Name: in.Name, InstitutionID: in.ID, OAuth: in.OAuth, Status: in.Status}
}

func linkAccountsOf(accts []accountView) []linkAccountJSON {
	out := make([]linkAccountJSON, 0, len(accts))
	for _, a := range accts {
		out = append(out, linkAccountJSON{ID: a.ID, Name: a.Name, Mask: a.Mask, Type: a.Type, Subtype: a.Subtype, Verification: a.Verification, Available: a.Available, Current: a.Current})
	}
	return out
}

func unknownLinkSession() *apiError {
	return &apiError{Status: http.StatusBadRequest, Type: "INVALID_INPUT", Code: "INVALID_LINK_SESSION",
		Message: "this Link session is unknown or already finished; open Link again"}
}
