package tui

import (
	"fmt"
	"strings"

	"plaidwalk/plaidflow"
)

// Result is what a walk produced, for the summary printed after the UI closes.
type Result struct {
	Env         plaidflow.Env
	EnvName     string // plaidflow.EnvName: where the calls went
	Step        string // where the walk stopped
	ItemID      string
	Institution string
	AccessToken string
	Runs        []PartnerRun
	Calls       []plaidflow.Call

	// Sessions are the walk as sessions to save: one per partner token made, and one for a
	// partner that was being walked when the UI closed.
	Sessions []SessionRecord
	// LinkTokenCreated: the walk got at least as far as a link_token (worth saving).
	LinkTokenCreated bool
	// Saved: ctrl+s saved the walk and nothing was called since; SavedPaths lists every
	// file ctrl+s wrote during the walk.
	Saved      bool
	SavedPaths []string

	// Failure is the error the walk stopped on, if it did; nil otherwise.
	Failure *Failure
}

// Failure is a failed step, for the summary: which partner, where, and Plaid's code.
type Failure struct {
	Partner string // the partner's name; "" before one was chosen
	Step    string
	Code    string // Plaid's error_code; "" for an error that is not Plaid's
	Message string
}

// Completed reports whether at least one partner token was made.
func (r Result) Completed() bool { return len(r.Runs) > 0 }

// Result is the walk so far.
func (m Model) Result() Result {
	inst := m.walk.accounts.InstitutionName
	s := m.walk.session
	return Result{
		Env: m.deps.Config.Env, EnvName: plaidflow.EnvName(m.deps.Config), Step: m.step.String(), ItemID: m.walk.item.ItemID, Institution: inst,
		AccessToken: m.walk.item.AccessToken, Runs: m.walk.runs, Calls: m.calls,
		Sessions: m.sessionRecords(), LinkTokenCreated: m.madeLinkToken(),
		Saved: len(s.savedPaths) > 0 && s.saved == m.mark(), SavedPaths: s.savedPaths,
		Failure: m.failureForSummary(),
	}
}

func (m Model) failureForSummary() *Failure {
	f := m.endingFailure()
	if f == nil {
		return nil
	}
	out := &Failure{Partner: m.walk.partner.Name, Step: f.step.String(), Message: f.text}
	if f.plaid != nil {
		out.Code, out.Message = f.plaid.Code, f.plaid.Message
	}
	if out.Message == "" && f.err != nil {
		out.Message = f.err.Error()
	}
	return out
}

// madeLinkToken: a link_token was made during the walk (the current one, or the one the
// Item kept for other partners came from).
func (m Model) madeLinkToken() bool {
	if m.walk.token.Token != "" || len(m.walk.runs) > 0 {
		return true
	}
	for _, c := range m.calls {
		if c.Path == "/link/token/create" && c.Status == 200 {
			return true
		}
	}
	return false
}

// Summary is the plain-text page printed on stdout after the UI exits. Tokens are masked
// unless reveal is set (plaidwalk --reveal): a redirected file may be readable by others.
func (r Result) Summary(reveal bool) string {
	show := func(s string) string { return oneLine(plaidflow.Mask(s)) }
	if reveal {
		show = oneLine
	}
	var b strings.Builder
	fmt.Fprintf(&b, "plaidwalk result (%s)\n", oneLine(r.EnvName))
	if (r.Env == plaidflow.EnvOffline || r.Env == "") && (r.Completed() || r.AccessToken != "") {
		b.WriteString("These tokens come from the offline emulator and are not real.\n")
	}
	if !r.Completed() {
		fmt.Fprintf(&b, "No partner token was made: the walk stopped at the %s step.\n", r.Step)
	}
	if !reveal && (r.AccessToken != "" || r.Completed()) {
		b.WriteString("Tokens are masked; plaidwalk --reveal prints them whole.\n")
	}
	if r.ItemID != "" {
		fmt.Fprintf(&b, "item_id        %s\n", oneLine(r.ItemID))
		if r.Institution != "" {
			fmt.Fprintf(&b, "institution    %s\n", oneLine(r.Institution))
		}
		fmt.Fprintf(&b, "access_token   %s\n", show(r.AccessToken))
	}
	r.writeEarlierItems(&b, show)
	for _, run := range r.Runs {
		a := run.Account
		fmt.Fprintf(&b, "\npartner        %s (%s)\n", run.Partner.Name, run.Partner.ID)
		fmt.Fprintf(&b, "account        %s\n", oneLine(fmt.Sprintf("%s %s %s/%s %s", a.Name, a.Mask, a.Type, a.Subtype, a.ID)))
		for _, t := range run.Result.Tokens {
			fmt.Fprintf(&b, "%-26s %s  (request_id %s)\n", t.Kind, show(t.Value), oneLine(t.RequestID))
		}
		if run.Result.AssetReportID != "" {
			fmt.Fprintf(&b, "%-26s %s\n", "asset_report_id", oneLine(run.Result.AssetReportID))
		}
	}
	if f := r.Failure; f != nil {
		b.WriteString("\n" + f.line() + "\n")
	}
	if len(r.Calls) > 0 {
		b.WriteString("\nAPI calls\n")
		for _, c := range r.Calls {
			fmt.Fprintf(&b, "  %s %s %d request_id=%s%s\n", c.Method, oneLine(c.Path), c.Status, oneLine(c.RequestID), callProblem(c))
		}
	}
	return b.String()
}

// line is the summary's failure line: "partner Alloy failed at the partner_token step: CODE message".
func (f Failure) line() string {
	who := "the walk"
	if f.Partner != "" {
		who = "partner " + f.Partner
	}
	what := oneLine(f.Message)
	if f.Code != "" {
		what = f.Code + " " + what
	}
	return who + " failed at the " + f.Step + " step: " + strings.TrimSpace(what)
}

// callProblem is what an API call line adds when the call failed: Plaid's error_code for a
// 4xx/5xx answer, the transport error when no answer came.
func callProblem(c plaidflow.Call) string {
	switch {
	case c.Err != "":
		return " error=" + oneLine(c.Err)
	case c.Status >= 400 && c.ErrorCode != "":
		return " " + oneLine(c.ErrorCode)
	case c.Status >= 400:
		return " (no error_code)"
	}
	return ""
}

// writeEarlierItems lists the tokens made on Items linked earlier in the walk (Link ran again
// for a partner the first Item could not serve): they left the results screen, not the record.
func (r Result) writeEarlierItems(b *strings.Builder, show func(string) string) {
	for _, s := range r.Sessions {
		res := s.Record.Result
		if res.Item.ItemID == "" || res.Item.ItemID == r.ItemID || len(res.Result.Tokens) == 0 {
			continue
		}
		fmt.Fprintf(b, "\npartner        %s (%s), earlier Item %s\n", s.Record.Partner.Name, s.Record.Partner.ID, oneLine(res.Item.ItemID))
		// The Item's own access_token goes with the tokens made from it: the new Item's line
		// at the top is another Item's.
		fmt.Fprintf(b, "access_token   %s\n", show(res.Item.AccessToken))
		for _, t := range res.Result.Tokens {
			fmt.Fprintf(b, "%-26s %s  (request_id %s)\n", t.Kind, show(t.Value), oneLine(t.RequestID))
		}
	}
}
