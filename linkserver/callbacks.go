package linkserver

import (
	"encoding/json"
	"net/http"
	"regexp"
	"time"

	"plaidwalk/internal/termtext"
)

// Bodies the page posts, one per Link callback.
type (
	eventBody struct {
		EventName string          `json:"event_name"`
		Metadata  json.RawMessage `json:"metadata"`
	}
	successBody struct {
		PublicToken string          `json:"public_token"`
		Metadata    json.RawMessage `json:"metadata"`
	}
	exitBody struct {
		Error    *LinkError      `json:"error"`
		Metadata json.RawMessage `json:"metadata"`
	}
	successMetadata struct {
		Institution   *Institution  `json:"institution"`
		Accounts      []LinkAccount `json:"accounts"`
		LinkSessionID string        `json:"link_session_id"`
	}
	exitMetadata struct {
		Institution   *Institution `json:"institution"`
		Status        string       `json:"status"`
		LinkSessionID string       `json:"link_session_id"`
		RequestID     string       `json:"request_id"`
	}
)

// publicTokenPattern is the shape Plaid documents: public-<environment>-<identifier>.
var publicTokenPattern = regexp.MustCompile(`^public-[a-z]+-[A-Za-z0-9-]{8,100}$`)

var eventNamePattern = regexp.MustCompile(`^[A-Z][A-Z0-9_]{0,63}$`)

// parseCallback turns a callback body into its Event and, for success and exit, the Outcome.
func parseCallback(kind EventKind, body []byte, at time.Time) (Event, *Outcome, error) {
	bad := func(why string) (Event, *Outcome, error) {
		return Event{}, nil, refuse(http.StatusBadRequest, why)
	}
	ev := Event{Kind: kind, At: at}
	switch kind {
	case KindLoad:
		ev.Metadata = json.RawMessage(`{}`)
		return ev, nil, nil
	case KindEvent:
		var b eventBody
		if json.Unmarshal(body, &b) != nil || !eventNamePattern.MatchString(b.EventName) {
			return bad("an event needs event_name in capitals and metadata")
		}
		ev.Name, ev.Metadata = b.EventName, objectOrEmpty(b.Metadata)
		return ev, nil, nil
	case KindSuccess:
		var b successBody
		var md successMetadata
		if json.Unmarshal(body, &b) != nil || !publicTokenPattern.MatchString(b.PublicToken) {
			return bad("a success needs a public_token shaped public-<env>-<id>")
		}
		if json.Unmarshal(objectOrEmpty(b.Metadata), &md) != nil {
			return bad("success metadata is not Link's shape")
		}
		ev.Metadata = objectOrEmpty(b.Metadata)
		return ev, successOutcome(b.PublicToken, md), nil
	case KindExit:
		var b exitBody
		var md exitMetadata
		if json.Unmarshal(body, &b) != nil || json.Unmarshal(objectOrEmpty(b.Metadata), &md) != nil {
			return bad("an exit needs error (or null) and metadata")
		}
		ev.Metadata = objectOrEmpty(b.Metadata)
		return ev, exitOutcome(b.Error, md), nil
	}
	return bad("unknown callback kind")
}

func objectOrEmpty(raw json.RawMessage) json.RawMessage {
	if len(raw) == 0 || string(raw) == "null" {
		return json.RawMessage(`{}`)
	}
	return raw
}

func successOutcome(token string, md successMetadata) *Outcome {
	o := &Outcome{
		PublicToken: token, Institution: cleanInstitution(md.Institution),
		LinkSessionID: termtext.SingleLine(md.LinkSessionID),
	}
	for _, a := range md.Accounts {
		o.Accounts = append(o.Accounts, LinkAccount{
			ID: termtext.SingleLine(a.ID), Name: termtext.SingleLine(a.Name),
			Mask: termtext.SingleLine(a.Mask), Type: termtext.SingleLine(a.Type),
			Subtype: termtext.SingleLine(a.Subtype), VerificationStatus: cleanPtr(a.VerificationStatus),
		})
	}
	return o
}

func exitOutcome(e *LinkError, md exitMetadata) *Outcome {
	o := &Outcome{
		Exited: true, Institution: cleanInstitution(md.Institution),
		ExitStatus:    termtext.SingleLine(md.Status),
		LinkSessionID: termtext.SingleLine(md.LinkSessionID), RequestID: termtext.SingleLine(md.RequestID),
	}
	if e != nil && e.ErrorCode != "" {
		o.ExitError = &LinkError{
			ErrorType: termtext.SingleLine(e.ErrorType), ErrorCode: termtext.SingleLine(e.ErrorCode),
			ErrorMessage:   termtext.SingleLine(e.ErrorMessage),
			DisplayMessage: termtext.SingleLine(e.DisplayMessage),
		}
	}
	return o
}

// cleanInstitution and cleanPtr make Link's metadata safe to show: a crafted bank name cannot
// smuggle escape sequences, bidi overrides or invisible characters to the terminal.
func cleanInstitution(in *Institution) *Institution {
	if in == nil {
		return nil
	}
	return &Institution{
		Name: termtext.SingleLine(in.Name), InstitutionID: termtext.SingleLine(in.InstitutionID),
	}
}

// cleanPtr cleans an optional string (null stays null).
func cleanPtr(s *string) *string {
	if s == nil {
		return nil
	}
	c := termtext.SingleLine(*s)
	return &c
}
