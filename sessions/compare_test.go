package sessions

import (
	"bytes"
	"strings"
	"testing"
)

func TestCompareIgnoresPollingAndParallelOrder(t *testing.T) {
	saved := savedDwolla(t)
	replay := savedDwolla(t)
	// The replay fetched /accounts/get before /item/get and was rate limited once.
	replay.Calls[3], replay.Calls[4] = replay.Calls[4], replay.Calls[3]
	retry := replay.Calls[5]
	retry.Status, retry.ErrorCode = 429, "RATE_LIMIT_EXCEEDED"
	replay.Calls = append(replay.Calls[:5:5], retry, replay.Calls[5])
	c := Compare(saved, replay)
	if !c.Reproduced || c.Steps != 6 {
		t.Fatalf("comparison = %+v %+v", c, c.First)
	}
	var buf bytes.Buffer
	WriteComparison(&buf, saved, c)
	if !strings.HasPrefix(buf.String(), "reproduced: 6 steps") {
		t.Fatalf("report: %s", buf.String())
	}
}

func TestCompareReportsTheFirstDifference(t *testing.T) {
	saved := savedDwolla(t)
	replay := savedDwolla(t)
	replay.Calls = replay.Calls[:2]
	replay.Calls[1].Status, replay.Calls[1].ErrorCode = 400, "ITEM_LOCKED"
	replay.Outcome = Outcome{Result: ResultError, ErrorCode: "ITEM_LOCKED"}
	c := Compare(saved, replay)
	if c.Reproduced || c.First.Step != 2 || c.First.What != "a different HTTP status" {
		t.Fatalf("comparison = %+v %+v", c, c.First)
	}
	var buf bytes.Buffer
	WriteComparison(&buf, saved, c)
	want := "not reproduced: step 2 differs (a different HTTP status)\n  saved:    POST /sandbox/public_token/create -> 200\n  replayed: POST /sandbox/public_token/create -> 400 ITEM_LOCKED\n"
	if buf.String() != want {
		t.Fatalf("report:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestCompareChecksOutcomeAndAccount(t *testing.T) {
	saved := savedDwolla(t)
	replay := savedDwolla(t)
	replay.Inputs.Account = &AccountChoice{Mask: "1111", Name: "Plaid Saving"}
	if c := Compare(saved, replay); c.Reproduced || c.First.What != "a different account" {
		t.Fatalf("account change not seen: %+v", c.First)
	}
	replay = savedDwolla(t)
	replay.Outcome.Tokens[0].Kind = "stripe_bank_account_token"
	if c := Compare(saved, replay); c.Reproduced || c.First.What != "a different outcome" {
		t.Fatalf("outcome change not seen: %+v", c.First)
	}
}

func TestCompareBrowserSessionWithShortcutReplay(t *testing.T) {
	saved := savedDwolla(t)
	saved.Inputs.LinkMode = LinkModeBrowser
	saved.Calls = append(saved.Calls[:1:1], saved.Calls[2:]...) // Link made the public token
	if c := Compare(saved, savedDwolla(t)); !c.Reproduced {
		t.Fatalf("shortcut call counted as a difference: %+v", c.First)
	}
}
