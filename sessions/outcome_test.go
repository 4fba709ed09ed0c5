package sessions

import (
	"context"
	"fmt"
	"testing"

	"plaidwalk/plaidflow"
)

// tuiStoppedRecord is a Dwolla walk as the terminal UI records it when it ends after the
// first n calls of dwollaRecord, before a partner token: no token in the result, err as given.
func tuiStoppedRecord(n int, err error) Record {
	r := dwollaRecord()
	r.Source, r.Calls, r.Err = "tui", r.Calls[:n], err
	r.Result.Result = plaidflow.PartnerResult{}
	r.Result.Account = plaidflow.Account{}
	if n < 3 {
		r.Result.Item, r.Result.Accounts = plaidflow.Item{}, plaidflow.ItemAccounts{}
	}
	return r
}

func TestOnlyAPartnerTokenIsSuccess(t *testing.T) {
	alloy := dwollaRecord()
	alloy.Calls = append(alloy.Calls[:5:5],
		flowCall(40, "/asset_report/create", 200, "", `{"access_tokens":["x"]}`, `{"asset_report_token":"assets-sandbox-1"}`),
		flowCall(50, "/asset_report/get", 400, "PRODUCT_NOT_READY", `{}`, `{}`))
	alloy.Result.Result, alloy.Result.Account = plaidflow.PartnerResult{}, plaidflow.Account{}
	lockedErr := &plaidflow.PlaidError{Endpoint: "/sandbox/public_token/create", Type: "ITEM_ERROR", Code: "ITEM_LOCKED", Status: 400, Message: "locked"}
	escAlloy := alloy
	escAlloy.Err = fmt.Errorf("asset report: %w", context.Canceled)
	cases := []struct {
		name string
		r    Record
		want string
	}{
		{"token made", dwollaRecord(), "success: processor_token"},
		{"ctrl+s on the Link step", tuiStoppedRecord(1, nil), "stopped at link"},
		{"q on the Link step", tuiStoppedRecord(1, context.Canceled), "stopped at link (quit by the user)"},
		{"quit on the account picker", tuiStoppedRecord(5, nil), "stopped at accounts"},
		{"esc while the Asset Report is polled", escAlloy, "stopped at asset report (quit by the user)"},
		{"asset report left unfinished", alloy, "stopped at asset report"},
		{"an API error", tuiStoppedRecord(2, lockedErr), "error: ITEM_LOCKED"},
	}
	for _, c := range cases {
		o := Build(c.r).Outcome
		if got := o.Summary(); got != c.want {
			t.Errorf("%s: outcome %q (%+v), want %q", c.name, got, o, c.want)
		}
	}
}

// Files saved before the fix said "success" for a walk without a partner token, and
// "error: context canceled" for a quit; reading them lists what really happened.
func TestOldFilesWithAWrongOutcomeAreReadAsStopped(t *testing.T) {
	cases := []struct {
		calls   int
		outcome Outcome
		want    string
	}{
		{5, Outcome{Result: ResultSuccess}, "stopped at accounts"},
		{1, Outcome{Result: ResultError, ErrorMessage: "context canceled"}, "stopped at link (quit by the user)"},
		{6, Build(dwollaRecord()).Outcome, "success: processor_token"},
	}
	for _, c := range cases {
		s := Build(tuiStoppedRecord(c.calls, nil))
		s.ID, s.Outcome = "20261122-044653.000-dwolla-0001", c.outcome
		data, err := Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		read, err := Decode(data, "old.json")
		if err != nil {
			t.Fatal(err)
		}
		if got := read.Outcome.Summary(); got != c.want {
			t.Errorf("outcome %+v read as %q, want %q", c.outcome, got, c.want)
		}
	}
}
