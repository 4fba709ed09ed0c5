package sessions

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"plaidwalk/plaidflow"
)

func pathsOf(calls []Call) string {
	var out []string
	for _, c := range calls {
		out = append(out, strings.TrimPrefix(c.Path, "/"))
	}
	return strings.Join(out, " ")
}

func TestLastAttemptStartsAtTheLastLinkTokenAndPublicToken(t *testing.T) {
	c := func(path string) Call { return Call{Method: "POST", Path: path, Status: 200} }
	cases := []struct {
		name          string
		calls         []Call
		attempt, skip string
	}{
		{"one attempt", []Call{c("/link/token/create"), c("/sandbox/public_token/create"), c("/item/public_token/exchange")},
			"link/token/create sandbox/public_token/create item/public_token/exchange", ""},
		{"a failed link_token, then one that worked", []Call{{Path: "/link/token/create", Status: 400}, c("/link/token/create")},
			"link/token/create", "link/token/create"},
		{"a login retried on the same link_token", []Call{c("/link/token/create"), {Path: "/sandbox/public_token/create", Status: 400}, c("/item/get"), c("/sandbox/public_token/create"), c("/item/public_token/exchange")},
			"link/token/create sandbox/public_token/create item/public_token/exchange", "sandbox/public_token/create item/get"},
		{"Link ran twice on one link_token", []Call{c("/link/token/create"), {Path: "/item/public_token/exchange", Status: 400}, c("/item/public_token/exchange"), c("/accounts/get")},
			"link/token/create item/public_token/exchange accounts/get", "item/public_token/exchange"},
		{"Hosted Link polls stay with the attempt", []Call{c("/link/token/create"), c("/link/token/get"), c("/item/public_token/exchange")},
			"link/token/create link/token/get item/public_token/exchange", ""},
		{"the Asset Report asked for again on the same Item", []Call{c("/link/token/create"), c("/sandbox/public_token/create"), c("/accounts/get"), c("/asset_report/create"), {Path: "/asset_report/get", Status: 400}, c("/accounts/get"), c("/asset_report/create"), c("/asset_report/get"), c("/credit/relay/create")},
			"link/token/create sandbox/public_token/create accounts/get asset_report/create asset_report/get credit/relay/create", "asset_report/create asset_report/get accounts/get"},
		{"another account after the processor refused one", []Call{c("/link/token/create"), c("/item/public_token/exchange"), c("/accounts/get"), {Path: "/processor/token/create", Status: 400}, c("/processor/token/create")},
			"link/token/create item/public_token/exchange accounts/get processor/token/create", "processor/token/create"},
		{"stopped on Link after going back", []Call{c("/link/token/create"), c("/sandbox/public_token/create"), c("/link/token/create")},
			"link/token/create", "link/token/create sandbox/public_token/create"},
	}
	for _, tc := range cases {
		attempt, skipped := LastAttempt(tc.calls)
		if got := pathsOf(attempt); got != tc.attempt {
			t.Errorf("%s: attempt %q, want %q", tc.name, got, tc.attempt)
		}
		if got := pathsOf(skipped); got != tc.skip {
			t.Errorf("%s: skipped %q, want %q", tc.name, got, tc.skip)
		}
	}
}

func TestTimelineMarksEarlierAttempts(t *testing.T) {
	r := dwollaRecord()
	locked := flowCall(-10, "/sandbox/public_token/create", 400, "ITEM_LOCKED", `{}`, `{}`)
	first := r.Calls[0]
	first.Time = t0.Add(-20 * time.Millisecond)
	r.Calls = append([]plaidflow.Call{first, locked}, r.Calls...)
	r.Started = t0.Add(-20 * time.Millisecond)
	var buf bytes.Buffer
	if err := WriteTimeline(&buf, Build(r)); err != nil {
		t.Fatal(err)
	}
	var marked []string
	for _, line := range strings.Split(buf.String(), "\n") {
		if strings.HasSuffix(line, "(earlier attempt)") {
			marked = append(marked, strings.Fields(line)[2])
		}
	}
	if strings.Join(marked, " ") != "/link/token/create /sandbox/public_token/create" {
		t.Errorf("marked as earlier attempts: %v\n%s", marked, buf.String())
	}
}

func TestMarkdownMarksEarlierAttempts(t *testing.T) {
	r := dwollaRecord()
	first := r.Calls[0]
	first.Time = t0.Add(-20 * time.Millisecond)
	r.Calls = append([]plaidflow.Call{first, flowCall(-10, "/sandbox/public_token/create", 400, "ITEM_LOCKED", `{}`, `{}`)}, r.Calls...)
	var buf bytes.Buffer
	if err := WriteMarkdown(&buf, Build(r)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "| 2 | `POST /sandbox/public_token/create` *earlier attempt* | 400 | ITEM_LOCKED |") ||
		strings.Count(buf.String(), "*earlier attempt* |") != 2 {
		t.Errorf("markdown does not mark the two earlier calls:\n%s", buf.String())
	}
}
