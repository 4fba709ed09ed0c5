package linkserver

import (
	"encoding/json"
	"time"
)

// Options configure one Link session's server.
type Options struct {
	LinkToken      string
	ScriptURL      string        // Plaid's CDN script, or the emulated Link's (plaidflow.LinkPageFor decides)
	FrameOrigins   []string      // origins Link's iframe / connections come from (CSP): the CDN, or the emulator
	ConnectOrigins []string      // the API host of the environment (CSP connect-src)
	Port           int           // 0: ephemeral
	RedirectURI    string        // when set, the server also serves its path for the OAuth return
	EnvLabel       string        // where the calls go, shown on the page (plaidflow.EnvLabel)
	Offline        bool          // the offline emulator: the page says no real bank is contacted
	Timeout        time.Duration // overall wait; 0 means 30 minutes
}

// EventKind is which Link callback an Event came from.
type EventKind string

const (
	KindLoad    EventKind = "load"
	KindEvent   EventKind = "event"
	KindSuccess EventKind = "success"
	KindExit    EventKind = "exit"
)

// Event is one callback from the page, in arrival order.
type Event struct {
	Kind     EventKind
	Name     string          // onEvent's eventName (OPEN, SELECT_INSTITUTION, ...)
	Metadata json.RawMessage // as Link gave it
	At       time.Time
}

// Institution is Link metadata's institution.
type Institution struct {
	Name          string `json:"name"`
	InstitutionID string `json:"institution_id"`
}

// LinkAccount is one account in onSuccess metadata.
type LinkAccount struct {
	ID                 string  `json:"id"`
	Name               string  `json:"name"`
	Mask               string  `json:"mask"`
	Type               string  `json:"type"`
	Subtype            string  `json:"subtype"`
	VerificationStatus *string `json:"verification_status"`
}

// LinkError is onExit's error.
type LinkError struct {
	ErrorType      string `json:"error_type"`
	ErrorCode      string `json:"error_code"`
	ErrorMessage   string `json:"error_message"`
	DisplayMessage string `json:"display_message"`
}

// Outcome is how the Link session ended.
type Outcome struct {
	PublicToken   string // set on success
	Institution   *Institution
	Accounts      []LinkAccount
	LinkSessionID string
	Exited        bool       // onExit fired
	ExitError     *LinkError // onExit's error, nil when the user just closed Link
	ExitStatus    string
	RequestID     string // onExit metadata's request_id, for support tickets
	TimedOut      bool
}

// Succeeded says whether Link handed over a public_token.
func (o Outcome) Succeeded() bool { return o.PublicToken != "" }
