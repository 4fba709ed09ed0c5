package emulator

import (
	"encoding/json"
	"fmt"
	"time"
)

// Asset reports (with their audit copies) and relay tokens in the state file. A report keeps
// its Items as they were when it was asked for: their login, creation time and the indexes of
// its accounts, from which its data is derived again, as an Item's are. A removed report's
// record is deleted, its audit copies with it.

type reportRecord struct {
	ID             string             `json:"id"`
	Items          []reportItemRecord `json:"items"`
	DaysRequested  int                `json:"days_requested"`
	ClientReportID string             `json:"client_report_id,omitempty"`
	User           map[string]any     `json:"user,omitempty"`
	Created        time.Time          `json:"created"`
	ReadyAt        time.Time          `json:"ready_at"`
	Webhook        string             `json:"webhook,omitempty"`
	Settled        bool               `json:"settled,omitempty"`
	Failure        *apiError          `json:"failure,omitempty"`
	AsOf           *time.Time         `json:"as_of,omitempty"` // none: ReadyAt (and in files from before filtering)
	AuditCopies    []auditCopyRecord  `json:"audit_copies,omitempty"`
	Fast           bool               `json:"fast,omitempty"`        // made with the fast_assets add-on
	Investments    bool               `json:"investments,omitempty"` // made with the investments add-on
}

type reportItemRecord struct {
	ID           string          `json:"id"`
	Institution  string          `json:"institution_id"`
	Custom       json.RawMessage `json:"custom,omitempty"`
	Verification string          `json:"verification_status,omitempty"`
	Created      *time.Time      `json:"created,omitempty"` // the Item's; none in older files: the report's
	Accounts     []uint16        `json:"accounts"`
}

type auditCopyRecord struct {
	Token     string `json:"token"`
	AuditorID string `json:"auditor_id,omitempty"`
}

type relayRecord struct {
	ReportTokens      []string `json:"report_tokens"`
	SecondaryClientID string   `json:"secondary_client_id"`
}

// saveReportLocked writes a report when it is made and when it is settled. Callers hold e.mu.
func (e *Emulator) saveReportLocked(rep *assetReport) {
	if e.store == nil {
		return
	}
	r := reportRecord{ID: rep.id, DaysRequested: rep.daysRequested, ClientReportID: rep.clientReportID, User: rep.user,
		Created: rep.created, ReadyAt: rep.readyAt, Webhook: rep.webhook, Settled: rep.settled, Failure: rep.failure, Fast: rep.fast,
		Investments: rep.investments}
	if !rep.asOf.Equal(rep.readyAt) {
		r.AsOf = &rep.asOf
	}
	for _, c := range rep.auditCopies {
		r.AuditCopies = append(r.AuditCopies, auditCopyRecord{Token: c.token, AuditorID: c.auditorID})
	}
	for _, ai := range rep.items {
		created := ai.created
		ir := reportItemRecord{ID: ai.id, Institution: ai.institution.ID, Verification: ai.verification, Created: &created,
			Accounts: append([]uint16{}, ai.accounts...)}
		if ai.custom != nil {
			ir.Custom, _ = json.Marshal(ai.custom) // plain data: cannot fail
		}
		r.Items = append(r.Items, ir)
	}
	e.saveLocked(storeOp{bucketReports, []byte(rep.token), r})
}

func (e *Emulator) saveRelayLocked(tok string, g relayGrant) {
	if e.store != nil {
		e.saveLocked(storeOp{bucketRelay, []byte(tok), relayRecord{ReportTokens: g.reportTokens, SecondaryClientID: g.secondaryClientID}})
	}
}

// report rebuilds a report; a snapshot Item is an item record with only its login's fields.
func (r reportRecord) report(token string) (*assetReport, error) {
	rep := &assetReport{id: r.ID, token: token, daysRequested: r.DaysRequested, clientReportID: r.ClientReportID,
		user: r.User, created: r.Created, readyAt: r.ReadyAt, asOf: r.ReadyAt, webhook: r.Webhook, settled: r.Settled, failure: r.Failure, fast: r.Fast,
		investments: r.Investments}
	if r.AsOf != nil {
		rep.asOf = *r.AsOf
	}
	for _, c := range r.AuditCopies {
		rep.auditCopies = append(rep.auditCopies, auditCopy{token: c.Token, auditorID: c.AuditorID})
	}
	for _, ir := range r.Items {
		created := r.Created
		if ir.Created != nil {
			created = *ir.Created
		}
		it, err := itemRecord{ID: ir.ID, Institution: ir.Institution, Custom: ir.Custom, Verification: ir.Verification, Created: created}.item()
		if err != nil {
			return nil, fmt.Errorf("asset report %s: %w", r.ID, err)
		}
		for _, i := range ir.Accounts {
			if int(i) >= it.templates() {
				return nil, fmt.Errorf("asset report %s names account %d of %d", r.ID, i, it.templates())
			}
		}
		rep.items = append(rep.items, assetItem{id: it.id, institution: it.institution, custom: it.custom,
			verification: it.verification, created: it.created, accounts: ir.Accounts})
	}
	return rep, nil
}

// dropReportLocked deletes a removed report's record, its audit copies with it. Callers hold e.mu.
func (e *Emulator) dropReportLocked(token string) {
	if e.store != nil {
		e.saveLocked(storeOp{bucketReports, []byte(token), nil})
	}
}

// loadReports reads the reports and relay tokens; a report still waiting for its webhook gets
// it again (the timer of the run that made it died with it).
func (e *Emulator) loadReports(s *store) error {
	err := s.each(bucketReports, func(k, v []byte) error {
		var r reportRecord
		if err := json.Unmarshal(v, &r); err != nil {
			return fmt.Errorf("an asset report record is damaged: %w", err)
		}
		rep, err := r.report(string(k))
		if err != nil {
			return err
		}
		e.reports[rep.token] = rep
		if !rep.settled {
			e.scheduleAssetReportWebhook(rep)
		}
		return nil
	})
	if err != nil {
		return err
	}
	return s.each(bucketRelay, func(k, v []byte) error {
		var r relayRecord
		if err := json.Unmarshal(v, &r); err != nil || len(r.ReportTokens) == 0 {
			return fmt.Errorf("a relay token record is damaged (%v)", err)
		}
		e.relayTokens[string(k)] = relayGrant{reportTokens: r.ReportTokens, secondaryClientID: r.SecondaryClientID}
		return nil
	})
}
