package emulator

import (
	"encoding/json"
	"fmt"
	"time"
)

// Link tokens in the state file, with the results of the Link sessions finished with them
// (/link/token/get and Hosted Link read them back). A Link session still open in a browser is
// not kept: after a restart its page fails and the user opens Link again with the same token.

type linkTokenRecord struct {
	View      linkTokenView      `json:"view"`
	Created   time.Time          `json:"created"`
	Expires   time.Time          `json:"expires"`
	Webhook   string             `json:"webhook,omitempty"`
	HostedURL string             `json:"hosted_url,omitempty"`
	Results   []linkResultRecord `json:"results,omitempty"`
}

type linkResultRecord struct {
	Result   linkResult `json:"result"`
	Finished time.Time  `json:"finished"`
}

// saveLinkTokenLocked writes a link_token when it is made and when a session ends; nil deletes
// it (pruned). Callers hold e.mu.
func (e *Emulator) saveLinkTokenLocked(tok string, lt *linkTokenState) {
	if e.store == nil {
		return
	}
	var v any
	if lt != nil {
		r := linkTokenRecord{View: lt.view, Created: lt.created, Expires: lt.expires, Webhook: lt.webhook, HostedURL: lt.hostedURL}
		for _, res := range lt.results {
			r.Results = append(r.Results, linkResultRecord{Result: res.linkResult, Finished: res.finished})
		}
		v = r
	}
	e.saveLocked(storeOp{bucketLinkTokens, []byte(tok), v})
}

// loadLinkTokens reads the link_tokens still kept (prune.go's retention).
func (e *Emulator) loadLinkTokens(s *store) error {
	now := e.now()
	return s.each(bucketLinkTokens, func(k, v []byte) error {
		var r linkTokenRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("a link token record is damaged: %w", err)
		}
		if now.Sub(r.Expires) > expiredLinkTokenRetention {
			return nil
		}
		if in := r.View.UpdateInstitution; in != nil {
			entry, ok := storedInstitution(in.ID)
			if !ok {
				return fmt.Errorf("link token %s is for institution %q, which this version does not serve", k, in.ID)
			}
			r.View.UpdateInstitution = entry
		}
		lt := &linkTokenState{view: r.View, created: r.Created, expires: r.Expires, webhook: r.Webhook, hostedURL: r.HostedURL}
		for _, res := range r.Results {
			lt.results = append(lt.results, recordedResult{linkResult: res.Result, finished: res.Finished})
		}
		e.linkTokens[string(k)] = lt
		return nil
	})
}
