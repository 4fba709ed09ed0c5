package linkserver

// CONTRACT (skeleton): the API the TUI and the commands are written against. The linkserver
// work implements it and may add to it; changing or removing needs a strong reason.
// This comment goes away once the package is built.

import (
	"context"
	"encoding/json"
	"errors"
	"time"
)

// Options configure one Link session's server.
type Options struct {
	LinkToken      string
	ScriptURL      string        // Plaid's CDN script in real mode, the emulator's in offline mode
	FrameOrigins   []string      // origins Link's iframe / connections come from (CSP): the CDN, or the emulator
	ConnectOrigins []string      // the API host of the environment (CSP connect-src)
	Port           int           // 0: ephemeral
	RedirectURI    string        // when set, the server also serves its path for the OAuth return
	EnvLabel       string        // "offline emulator", "sandbox", "production": shown on the page
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
	TimedOut      bool
}

// Server serves one Link session on 127.0.0.1.
type Server struct{}

var errNotBuilt = errors.New("linkserver: not built yet")

// Start listens on 127.0.0.1 and serves the page until Close or ctx ends.
func Start(ctx context.Context, o Options) (*Server, error) { return nil, errNotBuilt }

// URL is the page's address, secret included.
func (s *Server) URL() string { return "" }

// Events delivers every callback as it arrives; closed when the session ends.
func (s *Server) Events() <-chan Event { return nil }

// Wait blocks until success, exit, timeout or ctx.
func (s *Server) Wait(ctx context.Context) (Outcome, error) { return Outcome{}, errNotBuilt }

// Close shuts the server down.
func (s *Server) Close() error { return nil }
