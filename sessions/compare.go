package sessions

import (
	"fmt"
	"io"
	"sort"
)

// Step is one API step as a replay compares it.
type Step struct {
	Method    string
	Path      string
	Status    int
	ErrorCode string
}

func (s *Step) String() string {
	if s == nil {
		return "no call"
	}
	if s.Status == 0 {
		return fmt.Sprintf("%s %s -> no answer (cut short)", s.Method, s.Path)
	}
	line := fmt.Sprintf("%s %s -> %d", s.Method, s.Path, s.Status)
	if s.ErrorCode != "" {
		line += " " + s.ErrorCode
	}
	return line
}

// Difference is the first place a replay went another way than the saved walk.
type Difference struct {
	Step     int // 1-based; 0 when the difference is in the outcome, not a call
	What     string
	Saved    string
	Replayed string
}

// Comparison is the result of comparing a replay with the saved walk.
type Comparison struct {
	Steps      int
	Reproduced bool
	First      *Difference
	Skipped    []Step // calls of the saved walk's earlier attempts, left out of the comparison
}

// readOnlyPaths are fetched in parallel by plaidflow, so their order carries no meaning.
var readOnlyPaths = map[string]bool{"/accounts/get": true, "/item/get": true, "/institutions/get_by_id": true}

// Steps reduces a session's calls to what a replay must match: polling and retries collapse
// to their last answer, parallel reads are put in a fixed order, and the Link-mode specific
// calls (Hosted Link's /link/token/get, the shortcut of a replayed browser session) go.
func Steps(calls []Call, dropShortcut bool) []Step {
	var kept []Call
	for _, c := range calls {
		if c.Path == "/link/token/get" || (dropShortcut && c.Path == "/sandbox/public_token/create") {
			continue
		}
		kept = append(kept, c)
	}
	kept = collapsePolls(kept)
	steps := make([]Step, len(kept))
	for i, c := range kept {
		steps[i] = Step{Method: c.Method, Path: c.Path, Status: c.Status, ErrorCode: c.ErrorCode}
	}
	for i := 0; i < len(steps); {
		j := i
		for j < len(steps) && readOnlyPaths[steps[j].Path] {
			j++
		}
		if j > i+1 {
			run := steps[i:j]
			sort.SliceStable(run, func(a, b int) bool { return run[a].Path < run[b].Path })
		}
		i = max(j, i+1)
	}
	return steps
}

// Compare checks a replay against the saved walk: the same endpoints in the same order, with
// the same statuses and error codes, then the same outcome and account.
func Compare(saved, replayed Session) Comparison {
	browser := saved.Inputs.LinkMode != LinkModeShortcut
	attempt, skipped := LastAttempt(saved.Calls)
	a := Steps(attempt, browser)
	b := Steps(replayed.Calls, browser)
	cmp := Comparison{Steps: max(len(a), len(b))}
	for _, c := range skipped {
		cmp.Skipped = append(cmp.Skipped, Step{Method: c.Method, Path: c.Path, Status: c.Status, ErrorCode: c.ErrorCode})
	}
	for i := 0; i < len(a) || i < len(b); i++ {
		var sa, sb *Step
		if i < len(a) {
			sa = &a[i]
		}
		if i < len(b) {
			sb = &b[i]
		}
		if sa != nil && sb != nil && (*sa == *sb || unfinishedPoll(saved, a, i, *sb)) {
			continue
		}
		cmp.First = &Difference{Step: i + 1, What: stepDifference(sa, sb), Saved: sa.String(), Replayed: sb.String()}
		return cmp
	}
	if d := outcomeDifference(saved, replayed); d != nil {
		cmp.First = d
		return cmp
	}
	if d := webhookDifference(saved, replayed); d != nil {
		cmp.First = d
		return cmp
	}
	cmp.Reproduced = true
	return cmp
}

// unfinishedPoll: the saved walk stopped while polling a report that was not ready yet, and
// the replay, stopped at the same poll, may find it ready already.
func unfinishedPoll(saved Session, a []Step, i int, sb Step) bool {
	sa := a[i]
	return saved.Outcome.Result == ResultStopped && i == len(a)-1 && sa.ErrorCode == "PRODUCT_NOT_READY" &&
		sa.Method == sb.Method && sa.Path == sb.Path
}

func stepDifference(sa, sb *Step) string {
	switch {
	case sa == nil:
		return "the replay made a call the saved walk did not"
	case sb == nil:
		return "the replay stopped before this call"
	case sa.Method != sb.Method || sa.Path != sb.Path:
		return "a different endpoint"
	case sa.Status != sb.Status:
		return "a different HTTP status"
	}
	return "a different error code"
}

func outcomeDifference(saved, replayed Session) *Difference {
	so, ro := saved.Outcome, replayed.Outcome
	if so.Result == ResultExited && ro.Result == ResultStopped && ro.Step == StageLink {
		// the shortcut cannot leave Link; a replay that stops at Link is as far as it goes
		return nil
	}
	stoppedElsewhere := so.Result == ResultStopped && so.Step != ro.Step
	if so.Result != ro.Result || so.ErrorCode != ro.ErrorCode || lastKind(so) != lastKind(ro) || stoppedElsewhere {
		return &Difference{What: "a different outcome", Saved: so.Summary(), Replayed: ro.Summary()}
	}
	sa, ra := saved.Inputs.Account, replayed.Inputs.Account
	if sa != nil && ra != nil && (sa.Mask != ra.Mask || (sa.Name != "" && sa.Name != ra.Name)) {
		return &Difference{What: "a different account", Saved: sa.Label(), Replayed: ra.Label()}
	}
	return nil
}

func lastKind(o Outcome) string {
	if n := len(o.Tokens); n > 0 {
		return o.Tokens[n-1].Kind
	}
	return ""
}

// WriteComparison prints "reproduced" or the first difference, and which calls of earlier
// attempts were left out.
func WriteComparison(w io.Writer, saved Session, c Comparison) {
	if n := len(c.Skipped); n > 0 {
		fmt.Fprintf(w, "  note: compared the saved walk's last attempt; %d call(s) of earlier attempts were skipped:\n", n)
		for i := range c.Skipped {
			fmt.Fprintf(w, "    skipped: %s\n", clean(c.Skipped[i].String()))
		}
	}
	if c.Reproduced {
		fmt.Fprintf(w, "reproduced: %d steps with the same endpoints, statuses and error codes; outcome %s\n",
			c.Steps, clean(saved.Outcome.Summary()))
		return
	}
	d := c.First
	if d.Step > 0 {
		fmt.Fprintf(w, "not reproduced: step %d differs (%s)\n", d.Step, d.What)
	} else {
		fmt.Fprintf(w, "not reproduced: %s\n", d.What)
	}
	fmt.Fprintf(w, "  saved:    %s\n  replayed: %s\n", clean(d.Saved), clean(d.Replayed))
}
