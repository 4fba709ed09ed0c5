package emulator

import (
	"time"

	"github.com/google/uuid"
)

// linkEventIn is one event as the emulated Link page reports it with finish and exit: the name
// and onEvent's metadata, stamped by the page when it happened.
type linkEventIn struct {
	Name     string         `json:"name"`
	Metadata map[string]any `json:"metadata"`
}

// maxLinkEventsWebhook bounds the events one EVENTS webhook carries; the page sends its last
// few dozen, so this only guards against a hand-made request.
const maxLinkEventsWebhook = 100

// linkEventKeys are the LinkEventMetadata fields the webhook passes on; null or empty ones are
// left out, as Plaid's examples show.
var linkEventKeys = []string{"error_type", "error_code", "error_message", "exit_status", "institution_id",
	"institution_name", "institution_search_query", "mfa_type", "view_name", "request_id", "selection",
	"brand_name", "match_reason", "routing_number", "account_number_mask"}

// linkEventsBody is LINK EVENTS for a Hosted Link session: what the user did, each event with
// its own id and the time the page stamped it. Nil when there is nothing to send.
func (e *Emulator) linkEventsBody(lt *linkTokenState, sessionID string, in []linkEventIn) webhookBody {
	if len(in) == 0 {
		return nil
	}
	in = in[max(len(in)-maxLinkEventsWebhook, 0):]
	events := make([]map[string]any, 0, len(in))
	for _, ev := range in {
		if ev.Name == "" || len(ev.Name) > 64 {
			continue
		}
		events = append(events, map[string]any{"event_id": uuid.NewString(), "event_name": ev.Name,
			"timestamp": linkEventTime(ev.Metadata, e.now()), "event_metadata": linkEventMetadata(ev.Metadata)})
	}
	if len(events) == 0 {
		return nil
	}
	body := e.linkWebhook(lt, sessionID, "EVENTS")
	body["events"] = events
	return body
}

// linkEventTime is the page's own timestamp when it reads as one, else now.
func linkEventTime(md map[string]any, now time.Time) string {
	if s, ok := md["timestamp"].(string); ok {
		if t, err := time.Parse(time.RFC3339Nano, s); err == nil {
			return t.UTC().Format(time.RFC3339Nano)
		}
	}
	return now.UTC().Format(time.RFC3339Nano)
}

func linkEventMetadata(md map[string]any) map[string]any {
	out := map[string]any{}
	for _, k := range linkEventKeys {
		if s, ok := md[k].(string); ok && s != "" && len(s) <= 512 {
			out[k] = s
		}
	}
	return out
}
