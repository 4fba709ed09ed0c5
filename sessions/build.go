package sessions

import (
	"encoding/json"
	"regexp"
	"time"

	"plaidwalk/plaidflow"
)

// Record is what a finished walk knows; the run command and the TUI fill it and call Build.
type Record struct {
	Source    string // "run", "tui", "replay"
	Plaidwalk string // plaidwalk's version
	Config    plaidflow.Config
	Partner   plaidflow.Partner
	Options   plaidflow.WalkOptions // the inputs (Link config, institution, user, account)
	LinkMode  string                // LinkMode*; empty: browser when Options.PublicToken is set, else the shortcut
	Link      *Link                 // Link's events and outcome (browser and Hosted Link modes)
	Result    plaidflow.WalkResult
	Err       error // the walk's error, nil on success
	Quit      bool  // the user closed the walk before it finished (a canceled Err says the same)
	Calls     []plaidflow.Call
	Webhooks  []Webhook // what the walk's receiver got (WebhookOf), in arrival order
	// AfterHandoff are the steps walked after the partner's token (AfterPartnerView, AfterRepair).
	AfterHandoff []string
	Started      time.Time
	Finished     time.Time
}

// Sandbox defaults of the shortcut, as plaidflow.Walk applies them.
const (
	DefaultInstitution = plaidflow.DefaultInstitutionID
	DefaultUsername    = plaidflow.DefaultUsername
	DefaultPassword    = plaidflow.DefaultPassword
)

// Build turns a finished walk into a Session (with no id yet: the store gives one).
func Build(r Record) Session {
	s := Session{
		Format: FormatName, Version: CurrentVersion,
		Plaidwalk: r.Plaidwalk, Source: r.Source,
		StartedAt: r.Started.UTC(), FinishedAt: r.Finished.UTC(),
		Inputs:   buildInputs(r),
		Link:     capLinkEvents(r.Link),
		Calls:    make([]Call, 0, len(r.Calls)),
		Webhooks: append([]Webhook(nil), r.Webhooks...),
	}
	for _, c := range r.Calls {
		s.Calls = append(s.Calls, FromFlowCall(c))
	}
	s.Outcome = buildOutcome(r)
	return s
}

// FromFlowCall converts one API log entry.
func FromFlowCall(c plaidflow.Call) Call {
	return Call{
		Time: c.Time.UTC(), Method: c.Method, Path: c.Path, Status: c.Status,
		LatencyMS: float64(c.Latency.Microseconds()) / 1000, RequestID: c.RequestID,
		ErrorCode: c.ErrorCode, RequestBody: c.RequestBody, ResponseBody: c.ResponseBody,
	}
}

func buildInputs(r Record) Inputs {
	o := r.Options
	mode := r.LinkMode
	if mode == "" {
		switch {
		case o.PublicToken != "" && o.Link.HostedLink:
			mode = LinkModeHosted
		case o.PublicToken != "":
			mode = LinkModeBrowser
		default:
			mode = LinkModeShortcut
		}
	}
	in := Inputs{
		Partner: r.Partner.ID, PartnerName: r.Partner.Name, Env: string(r.Config.Env),
		Host:     plaidflow.CustomHost(r.Config),
		LinkMode: mode, InstitutionID: o.InstitutionID,
		Institution:   r.Result.Accounts.InstitutionName,
		Link:          linkConfigOf(o.Link),
		PartnerInputs: map[string]string(o.Inputs),
		AfterHandoff:  append([]string(nil), r.AfterHandoff...),
	}
	if mode == LinkModeShortcut {
		in.Username, in.Password = orDefault(o.Username, DefaultUsername), orDefault(o.Password, DefaultPassword)
		in.InstitutionID = orDefault(in.InstitutionID, DefaultInstitution)
	}
	if in.InstitutionID == "" {
		in.InstitutionID = r.Result.Accounts.InstitutionID
	}
	if in.InstitutionID == "" && r.Link != nil && r.Link.Outcome != nil {
		in.InstitutionID, in.Institution = r.Link.Outcome.InstitutionID, r.Link.Outcome.InstitutionName
	}
	in.PasswordKept = TestPassword(in.Password)
	in.Account = accountChoiceOf(r.Result.Account, o.Account)
	return keepCredentials(in)
}

var accountIDRE = regexp.MustCompile(`^[A-Za-z0-9]{20,}$`)

// accountChoiceOf records the account used, or the one asked for when the walk stopped
// before choosing. Account ids are not kept: they are new with every Item.
func accountChoiceOf(a plaidflow.Account, asked string) *AccountChoice {
	if a.ID != "" || a.Mask != "" || a.Name != "" {
		return &AccountChoice{Mask: a.Mask, Name: a.Name, Type: a.Type, Subtype: a.Subtype}
	}
	switch {
	case asked == "" || accountIDRE.MatchString(asked):
		return nil
	case regexp.MustCompile(`^\d{2,4}$`).MatchString(asked):
		return &AccountChoice{Mask: asked}
	}
	return &AccountChoice{Name: asked}
}

func linkConfigOf(lc plaidflow.LinkConfig) LinkConfig {
	return LinkConfig{
		Products: lc.Products, CountryCodes: lc.CountryCodes, Language: lc.Language,
		ClientName: lc.ClientName, UserID: lc.UserID, RedirectURI: lc.RedirectURI,
		Webhook: lc.Webhook, AccountFilters: lc.AccountFilters,
		LinkCustomization: lc.LinkCustomization, HostedLink: lc.HostedLink,
		SameDayMicrodeposits: lc.SameDayMicrodeposits, InstantMicrodeposits: lc.InstantMicrodeposits,
	}
}

// FlowLinkConfig turns a saved Link configuration back into plaidflow's.
func (lc LinkConfig) FlowLinkConfig() plaidflow.LinkConfig {
	return plaidflow.LinkConfig{
		Products: lc.Products, CountryCodes: lc.CountryCodes, Language: lc.Language,
		ClientName: lc.ClientName, UserID: lc.UserID, RedirectURI: lc.RedirectURI,
		Webhook: lc.Webhook, AccountFilters: lc.AccountFilters,
		LinkCustomization: lc.LinkCustomization, HostedLink: lc.HostedLink,
		SameDayMicrodeposits: lc.SameDayMicrodeposits, InstantMicrodeposits: lc.InstantMicrodeposits,
	}
}

// EventFromMetadata makes a LinkEvent from an onEvent callback's name and raw metadata,
// stamped when Link says it happened (EventTime), at its arrival only when Link did not say.
func EventFromMetadata(name string, at time.Time, metadata []byte) LinkEvent {
	var m struct {
		ViewName        string `json:"view_name"`
		InstitutionID   string `json:"institution_id"`
		InstitutionName string `json:"institution_name"`
		ErrorType       string `json:"error_type"`
		ErrorCode       string `json:"error_code"`
		ErrorMessage    string `json:"error_message"`
		ExitStatus      string `json:"exit_status"`
		MFAType         string `json:"mfa_type"`
		RequestID       string `json:"request_id"`
	}
	_ = json.Unmarshal(metadata, &m) // metadata comes from a browser page: keep what parses
	return LinkEvent{Time: EventTime(at, metadata).UTC(), Name: name, ViewName: m.ViewName,
		InstitutionID: m.InstitutionID, InstitutionName: m.InstitutionName,
		ErrorType: m.ErrorType, ErrorCode: m.ErrorCode, ErrorMessage: m.ErrorMessage,
		ExitStatus: m.ExitStatus, MFAType: m.MFAType, RequestID: m.RequestID}
}

func orDefault(v, def string) string {
	if v == "" {
		return def
	}
	return v
}
