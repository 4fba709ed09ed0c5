package plaidspec

import (
	"encoding/json"
	"errors"
	"strings"
)

// OwnPrefix starts the paths that are plaidwalk's own (the emulator's delivery log), not
// Plaid's: Wrap passes them through unjudged, as the spec cannot know them.
const OwnPrefix = "/plaidwalk/"

// CheckSchema judges body (JSON) against the spec's component schema name, e.g. a webhook
// body against "ItemErrorWebhook": webhooks are not operations, so only their schemas say what
// Plaid sends. nil means the body is valid.
func (s *Spec) CheckSchema(name string, body []byte) error {
	ref := s.Doc.Components.Schemas[name]
	if ref == nil || ref.Value == nil {
		return errors.New("the spec has no schema named " + name)
	}
	var v any
	if err := json.Unmarshal(body, &v); err != nil {
		return errors.New("not JSON: " + err.Error())
	}
	if err := ref.Value.VisitJSON(v); err != nil {
		return errors.New(name + ": " + strings.TrimSpace(err.Error()))
	}
	return nil
}
