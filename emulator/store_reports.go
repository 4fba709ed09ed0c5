package emulator

import (
	"encoding/json"
	"fmt"
	"time"
)

// Asset reports and relay tokens in the state file. A report keeps its Items as they were
// when it was asked for; their accounts are kept by index and derived again on load, as an
// Item's are.

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
}

type reportItemRecord struct {
	ID          string          `json:"id"`
	Institution string          `json:"institution_id"`
	Custom      json.RawMessage `json:"custom,omitempty"`
	Accounts    []uint16        `json:"accounts"`
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
		Created: rep.created, ReadyAt: rep.readyAt, Webhook: rep.webhook, Settled: rep.settled, Failure: rep.failure}
	for _, ai := range rep.items {
		ir := reportItemRecord{ID: ai.id, Institution: ai.institution.ID, Accounts: []uint16{}}
		for _, a := range ai.accounts {
			ir.Accounts = append(ir.Accounts, a.index)
		}
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
		user: r.User, created: r.Created, readyAt: r.ReadyAt, webhook: r.Webhook, settled: r.Settled, failure: r.Failure}
	for _, ir := range r.Items {
		it, err := itemRecord{ID: ir.ID, Institution: ir.Institution, Custom: ir.Custom}.item()
		if err != nil {
			return nil, fmt.Errorf("asset report %s: %w", r.ID, err)
		}
		ids := accountIDs(it.id, it.templates())
		ai := assetItem{id: it.id, institution: *it.institution, accounts: []account{}, custom: it.custom}
		for _, i := range ir.Accounts {
			if int(i) >= len(ids) {
				return nil, fmt.Errorf("asset report %s names account %d of %d", r.ID, i, len(ids))
			}
			ai.accounts = append(ai.accounts, it.accountAt(int(i), ids[i]))
		}
		rep.items = append(rep.items, ai)
	}
	return rep, nil
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
