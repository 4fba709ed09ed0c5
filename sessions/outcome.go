package sessions

import (
	"context"
	"errors"

	"plaidwalk/plaidflow"
)

// Stages a walk can stop at, named after what the user was doing (Outcome.Step of a stopped
// walk). An API error's Step is the endpoint instead.
const (
	StageLink         = "link"
	StageAccounts     = "accounts"
	StageAssetReport  = "asset report"
	StagePartnerToken = "partner token"
)

// ReasonQuit is a stopped walk's Reason when the user quit (the walk's context was canceled).
const ReasonQuit = "quit by the user"

// buildOutcome says how the walk ended. Only a walk that produced its partner token is a
// success; one that ended earlier without an API error stopped at a stage, and a quit (a
// canceled context) is the user's choice, not an error.
func buildOutcome(r Record) Outcome {
	if r.Err == nil && len(r.Result.Result.Tokens) > 0 {
		o := Outcome{Result: ResultSuccess, ItemID: r.Result.Item.ItemID}
		for _, t := range r.Result.Result.Tokens {
			o.Tokens = append(o.Tokens, Token{Kind: string(t.Kind), Masked: MaskToken(t.Value)})
		}
		return o
	}
	if lo := failedLink(r); lo != nil {
		if lo.ErrorCode == "" {
			return Outcome{Result: ResultExited, Step: StageLink, ErrorMessage: lo.Status}
		}
		return Outcome{Result: ResultError, Step: StageLink, ErrorType: lo.ErrorType, ErrorCode: lo.ErrorCode, ErrorMessage: lo.ErrorMessage}
	}
	if r.Err == nil || errors.Is(r.Err, context.Canceled) {
		o := Outcome{Result: ResultStopped, Step: stageOf(r), ItemID: r.Result.Item.ItemID}
		if r.Err != nil || r.Quit {
			o.Reason = ReasonQuit
		}
		return o
	}
	o := Outcome{Result: ResultError, ErrorMessage: r.Err.Error(), ItemID: r.Result.Item.ItemID, Step: stageOf(r)}
	var pe *plaidflow.PlaidError
	if errors.As(r.Err, &pe) {
		o.Step, o.ErrorType, o.ErrorCode = pe.Endpoint, pe.Type, pe.Code
		o.ErrorMessage, o.HTTPStatus, o.RequestID = pe.Message, pe.Status, pe.RequestID
	}
	return o
}

// failedLink is Link's outcome when Link ended without a public token (exit, error, timeout)
// and no Item was made after it.
func failedLink(r Record) *LinkOutcome {
	if r.Link == nil || r.Link.Outcome == nil || r.Link.Outcome.Status == "success" || r.Result.Item.ItemID != "" {
		return nil
	}
	return r.Link.Outcome
}

// stageOf is where a walk that did not finish got to, read from its last API call.
func stageOf(r Record) string {
	for i := len(r.Calls) - 1; i >= 0; i-- {
		if st := StageOfPath(r.Calls[i].Path); st != "" {
			return st
		}
	}
	if r.Result.Item.ItemID != "" {
		return StageAccounts
	}
	return StageLink
}

// StageOfPath is the stage of the walk an endpoint belongs to ("" for Hosted Link's
// /link/token/get, which says nothing about progress).
func StageOfPath(path string) string {
	switch path {
	case "/link/token/get":
		return ""
	case "/link/token/create", "/sandbox/public_token/create":
		return StageLink
	case "/item/public_token/exchange", "/accounts/get", "/item/get", "/institutions/get_by_id",
		setVerificationPath: // the picked account's micro-deposit verification, moved along before its token
		return StageAccounts
	case "/asset_report/create", "/asset_report/get":
		return StageAssetReport
	}
	return StagePartnerToken
}

// settleOutcome corrects the outcome of a file written before plaidwalk told a stopped walk
// from a finished one: "success" without a partner token, or a quit saved as the error
// "context canceled", is the stopped walk it was.
func settleOutcome(s Session) Outcome {
	o := s.Outcome
	quit := o.Result == ResultError && o.ErrorCode == "" && o.ErrorMessage == context.Canceled.Error()
	if !quit && (o.Result != ResultSuccess || len(o.Tokens) > 0) {
		return o
	}
	stage := StageLink
	for i := len(s.Calls) - 1; i >= 0; i-- {
		if st := StageOfPath(s.Calls[i].Path); st != "" {
			stage = st
			break
		}
	}
	settled := Outcome{Result: ResultStopped, Step: stage, ItemID: o.ItemID}
	if quit {
		settled.Reason = ReasonQuit
	}
	return settled
}
