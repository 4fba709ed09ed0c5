package emulator

import (
	"crypto/rand"
	"encoding/base32"
)

// Audit copies hand an Asset Report to a third party (an auditor such as a mortgage agency)
// through a token of its own. A copy belongs to its report: it reads the report as it is, is
// kept in the report's state record, and ends when the report is removed.

type auditCopy struct {
	token     string
	auditorID string
}

// newAuditCopyToken has the shape of Plaid's examples: a-<env>- and 26 base-32 letters.
func (e *Emulator) newAuditCopyToken() string {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return "a-" + e.env() + "-" + base32.StdEncoding.WithPadding(base32.NoPadding).EncodeToString(b[:])
}

func invalidAuditCopyToken() *apiError {
	return invalidInput("INVALID_AUDIT_COPY_TOKEN",
		"no audit copy matches the audit_copy_token provided; pass one /asset_report/audit_copy/create returned (a removed copy, or a copy of a removed report, no longer works)")
}

type auditCopyCreateResponse struct {
	AuditCopyToken string `json:"audit_copy_token"`
	RequestID      string `json:"request_id"`
}

func (e *Emulator) assetReportAuditCopyCreate(q *apiRequest) (any, *apiError) {
	var req struct {
		AssetReportToken string `json:"asset_report_token"`
		AuditorID        string `json:"auditor_id"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	tok := e.newAuditCopyToken() // before the lock
	e.mu.Lock()
	defer e.mu.Unlock()
	rep, ok := e.reports[req.AssetReportToken]
	if !ok {
		return nil, invalidAssetReportToken()
	}
	rep.auditCopies = append(rep.auditCopies, auditCopy{token: tok, auditorID: req.AuditorID})
	e.saveReportLocked(rep)
	return auditCopyCreateResponse{AuditCopyToken: tok, RequestID: q.requestID}, nil
}

// auditCopyLocked finds the report a copy token reads and the copy's place in its list.
// Callers hold e.mu.
func (e *Emulator) auditCopyLocked(tok string) (*assetReport, int, *apiError) {
	if tok != "" {
		for _, rep := range e.reports {
			for i, c := range rep.auditCopies {
				if c.token == tok {
					return rep, i, nil
				}
			}
		}
	}
	return nil, -1, invalidAuditCopyToken()
}

// assetReportAuditCopyGet is the auditor's /asset_report/get: the report as its owner reads
// it, PRODUCT_NOT_READY included.
func (e *Emulator) assetReportAuditCopyGet(q *apiRequest) (any, *apiError) {
	return e.answerAuditCopy(q, false)
}

func (e *Emulator) assetReportAuditCopyPdfGet(q *apiRequest) (any, *apiError) {
	return e.answerAuditCopy(q, true)
}

// answerAuditCopy is answerReport for an audit copy's token (whose get request has no options:
// the spec's checks refuse them there).
func (e *Emulator) answerAuditCopy(q *apiRequest, asPDF bool) (any, *apiError) {
	var req struct {
		AuditCopyToken string        `json:"audit_copy_token"`
		Options        reportOptions `json:"options"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	rep, _, perr := e.auditCopyLocked(req.AuditCopyToken)
	if perr == nil {
		perr = e.reportReadyLocked(rep)
	}
	if perr != nil {
		return nil, perr
	}
	return e.reportAnswer(rep, q.requestID, req.Options.view(false), asPDF), nil
}

// assetReportAuditCopyRemove ends one copy; the report and its other copies stay.
func (e *Emulator) assetReportAuditCopyRemove(q *apiRequest) (any, *apiError) {
	var req struct {
		AuditCopyToken string `json:"audit_copy_token"`
	}
	if perr := q.decode(&req); perr != nil {
		return nil, perr
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	rep, i, perr := e.auditCopyLocked(req.AuditCopyToken)
	if perr != nil {
		return nil, perr
	}
	rep.auditCopies = append(rep.auditCopies[:i:i], rep.auditCopies[i+1:]...)
	e.saveReportLocked(rep)
	return removedResponse{Removed: true, RequestID: q.requestID}, nil
}
