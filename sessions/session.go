package sessions

import "time"

// FormatName marks a JSON document as a plaidwalk session; anything without it is foreign.
const FormatName = "plaidwalk.session"

// CurrentVersion is the format version this plaidwalk writes. Older versions are upgraded
// when read (see upgrade.go); newer ones are refused.
const CurrentVersion = 2

// Link modes: how the public_token was obtained.
const (
	LinkModeShortcut = "sandbox_shortcut" // /sandbox/public_token/create, no browser
	LinkModeBrowser  = "browser"          // Plaid Link (or the emulated Link) in a browser
	LinkModeHosted   = "hosted"           // Hosted Link, results read from /link/token/get
)

// Outcome results.
const (
	ResultSuccess = "success"
	ResultError   = "error"
	ResultExited  = "exited"  // the user left Link without an error
	ResultStopped = "stopped" // the walk ended before its partner token, without an API error
)

// Session is one recorded walk. Its JSON form is the file format (FORMAT.md).
type Session struct {
	Format     string    `json:"format"`
	Version    int       `json:"version"`
	ID         string    `json:"id"`
	Plaidwalk  string    `json:"plaidwalk_version"`
	Source     string    `json:"source,omitempty"` // "run", "tui", "replay"
	StartedAt  time.Time `json:"started_at"`
	FinishedAt time.Time `json:"finished_at"`
	Inputs     Inputs    `json:"inputs"`
	Link       *Link     `json:"link,omitempty"`
	Calls      []Call    `json:"calls"`
	Webhooks   []Webhook `json:"webhooks,omitempty"` // what the walk's own receiver got (offline)
	Outcome    Outcome   `json:"outcome"`
}

// Inputs is everything needed to walk the same flow again.
type Inputs struct {
	Partner       string            `json:"partner"`
	PartnerName   string            `json:"partner_name,omitempty"`
	Env           string            `json:"env"`
	Host          string            `json:"host,omitempty"` // the API host, only when it was not Plaid's (PLAID_BASE_URL)
	Link          LinkConfig        `json:"link_config"`
	LinkMode      string            `json:"link_mode"`
	InstitutionID string            `json:"institution_id,omitempty"`
	Institution   string            `json:"institution_name,omitempty"`
	Username      string            `json:"username,omitempty"`
	Password      string            `json:"password,omitempty"` // only sandbox test passwords (see TestPassword)
	PasswordKept  bool              `json:"password_kept"`      // false: a password was used but not saved
	Account       *AccountChoice    `json:"account,omitempty"`
	PartnerInputs map[string]string `json:"partner_inputs,omitempty"`
	// AfterHandoff are the steps walked after the partner's token, in order (AfterDepositCode,
	// AfterPartnerView, AfterRepair): a replay walks them too.
	AfterHandoff []string `json:"after_handoff,omitempty"`
}

// The steps after the hand-off a walk may take.
const (
	AfterPartnerView = "partner_view" // the partner read the account with its token
	AfterRepair      = "repair"       // the Item was broken and repaired in Link's update mode
	// AfterDepositCode: the account's Same-Day micro-deposit code was typed in Link's update mode.
	AfterDepositCode = "deposit_code"
)

// LinkConfig mirrors plaidflow.LinkConfig with stable JSON names.
type LinkConfig struct {
	Products          []string            `json:"products,omitempty"`
	CountryCodes      []string            `json:"country_codes,omitempty"`
	Language          string              `json:"language,omitempty"`
	ClientName        string              `json:"client_name,omitempty"`
	UserID            string              `json:"client_user_id,omitempty"`
	RedirectURI       string              `json:"redirect_uri,omitempty"`
	Webhook           string              `json:"webhook,omitempty"`
	AccountFilters    map[string][]string `json:"account_filters,omitempty"`
	LinkCustomization string              `json:"link_customization_name,omitempty"`
	HostedLink        bool                `json:"hosted_link,omitempty"`
	// The link_token's auth object: flows Link offers only when asked (Auth's typed-in flows).
	SameDayMicrodeposits bool `json:"same_day_microdeposits_enabled,omitempty"`
	InstantMicrodeposits bool `json:"instant_microdeposits_enabled,omitempty"`
}

// AccountChoice names an account the way it survives a new Item: account ids change with
// every Item, mask and name do not.
type AccountChoice struct {
	Mask    string `json:"mask,omitempty"`
	Name    string `json:"name,omitempty"`
	Type    string `json:"type,omitempty"`
	Subtype string `json:"subtype,omitempty"`
}

// Link is what Plaid Link reported in browser or Hosted Link mode.
type Link struct {
	Events  []LinkEvent  `json:"events,omitempty"`
	Outcome *LinkOutcome `json:"outcome,omitempty"`
	// DroppedEvents counts the onEvent callbacks beyond the caps (MaxLinkEvents,
	// MaxLinkEventBytes), which were not kept.
	DroppedEvents int `json:"dropped_events,omitempty"`
}

// LinkEvent is one onEvent callback (the fields worth keeping; the rest is noise).
type LinkEvent struct {
	Time            time.Time `json:"time"`
	Name            string    `json:"name"`
	ViewName        string    `json:"view_name,omitempty"`
	InstitutionID   string    `json:"institution_id,omitempty"`
	InstitutionName string    `json:"institution_name,omitempty"`
	ErrorType       string    `json:"error_type,omitempty"`
	ErrorCode       string    `json:"error_code,omitempty"`
	ErrorMessage    string    `json:"error_message,omitempty"`
	ExitStatus      string    `json:"exit_status,omitempty"`
	MFAType         string    `json:"mfa_type,omitempty"`
	RequestID       string    `json:"request_id,omitempty"`
}

// LinkOutcome is how Link ended: onSuccess, onExit or a timeout.
type LinkOutcome struct {
	Status          string          `json:"status"` // "success", "exit", "timeout"
	LinkSessionID   string          `json:"link_session_id,omitempty"`
	InstitutionID   string          `json:"institution_id,omitempty"`
	InstitutionName string          `json:"institution_name,omitempty"`
	Accounts        []AccountChoice `json:"accounts,omitempty"`
	ErrorType       string          `json:"error_type,omitempty"`
	ErrorCode       string          `json:"error_code,omitempty"`
	ErrorMessage    string          `json:"error_message,omitempty"`
	ExitStatus      string          `json:"exit_status,omitempty"`
}

// Call is one API call of the log, as plaidflow recorded it (bodies already redacted).
type Call struct {
	Time         time.Time `json:"time"`
	Method       string    `json:"method"`
	Path         string    `json:"path"`
	Status       int       `json:"status"`
	LatencyMS    float64   `json:"latency_ms"`
	RequestID    string    `json:"request_id,omitempty"`
	ErrorCode    string    `json:"error_code,omitempty"`
	RequestBody  string    `json:"request_body,omitempty"`
	ResponseBody string    `json:"response_body,omitempty"`
}

// Outcome is how the walk ended.
type Outcome struct {
	Result       string  `json:"result"` // ResultSuccess, ResultError, ResultExited, ResultStopped
	Step         string  `json:"step,omitempty"`
	Reason       string  `json:"reason,omitempty"` // why a stopped walk stopped, e.g. "quit by the user"
	ErrorType    string  `json:"error_type,omitempty"`
	ErrorCode    string  `json:"error_code,omitempty"`
	ErrorMessage string  `json:"error_message,omitempty"`
	HTTPStatus   int     `json:"http_status,omitempty"`
	RequestID    string  `json:"request_id,omitempty"`
	ItemID       string  `json:"item_id,omitempty"`
	Tokens       []Token `json:"tokens,omitempty"`
}

// Token is a token the walk produced, masked: a session never holds a whole token.
type Token struct {
	Kind   string `json:"kind"`
	Masked string `json:"masked"`
}

// Summary is the one-line description of an outcome: "success: processor_token" or the code.
func (o Outcome) Summary() string {
	switch o.Result {
	case ResultSuccess:
		if n := len(o.Tokens); n > 0 {
			return "success: " + o.Tokens[n-1].Kind
		}
		return "success"
	case ResultExited:
		return "exited Link"
	case ResultStopped:
		line := "stopped at " + orDefault(o.Step, "link")
		if o.Reason != "" {
			line += " (" + o.Reason + ")"
		}
		return line
	}
	if o.ErrorCode != "" {
		return "error: " + o.ErrorCode
	}
	if o.ErrorMessage != "" {
		return "error: " + o.ErrorMessage
	}
	return "error"
}
