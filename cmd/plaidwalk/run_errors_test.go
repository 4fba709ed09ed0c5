package main

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"plaidwalk/linkserver"
	"plaidwalk/plaidflow"
)

// checkLinkExitDocs: an error Link reported on exit came in no HTTP answer, so no status is
// printed for it, and its docs line points at Plaid's page for the code.
func checkLinkExitDocs(t *testing.T, stderr string) {
	t.Helper()
	if strings.Contains(stderr, "(HTTP 0)") {
		t.Errorf("a Link exit error printed with HTTP 0:\n%s", stderr)
	}
	if !strings.Contains(stderr, "  docs:        https://plaid.com/docs/errors/item/#item_locked\n") {
		t.Errorf("no docs line for ITEM_LOCKED:\n%s", stderr)
	}
}

// TestLinkExitErrorsPrintNoStatusAndTheirDocs covers both ways Link can end in an error
// without a browser: Link on the local page (onExit) and Hosted Link (/link/token/get).
func TestLinkExitErrorsPrintNoStatusAndTheirDocs(t *testing.T) {
	locked := &linkserver.LinkError{ErrorType: "ITEM_ERROR", ErrorCode: "ITEM_LOCKED", ErrorMessage: "the account is locked"}
	_, browserErr := publicTokenFrom(linkserver.Outcome{Exited: true, ExitStatus: "requires_credentials", ExitError: locked}, time.Minute, "Link")
	hostedOut := linkserver.Outcome{Exited: true}
	last := plaidflow.LinkSessionResult{Done: true, ExitError: &plaidflow.PlaidError{Type: "ITEM_ERROR", Code: "ITEM_LOCKED",
		Message: "the account is locked", DocsURL: "https://plaid.com/docs/errors/"}}
	_, hostedErr := publicTokenFrom(hostedOutcome(hostedOut, last), time.Minute, "Hosted Link")
	for name, err := range map[string]error{"browser": browserErr, "hosted": hostedErr} {
		var out bytes.Buffer
		printRunError(&out, err)
		if !strings.Contains(out.String(), "onExit failed: ITEM_ERROR / ITEM_LOCKED\n") {
			t.Errorf("%s: first line:\n%s", name, out.String())
		}
		checkLinkExitDocs(t, out.String())
	}
}

// TestPlaidErrorWithoutDocsURLHasNoDocsLine: a docs line is printed only with an address.
func TestPlaidErrorWithoutDocsURLHasNoDocsLine(t *testing.T) {
	var out bytes.Buffer
	printRunError(&out, &plaidflow.PlaidError{Type: "ITEM_ERROR", Code: "SOMETHING", Message: "m", Endpoint: "Link onExit"})
	if strings.Contains(out.String(), "docs:") || strings.Contains(out.String(), "HTTP") {
		t.Errorf("output:\n%s", out.String())
	}
	out.Reset()
	printRunError(&out, &plaidflow.PlaidError{Status: 400, Type: "INVALID_REQUEST", Code: "X", Message: "m", Endpoint: "/item/get", DocsURL: "https://plaid.com/docs/errors/"})
	if !strings.Contains(out.String(), "X (HTTP 400)\n") || !strings.Contains(out.String(), "docs:        https://plaid.com/docs/errors/\n") {
		t.Errorf("an API error lost its status or docs:\n%s", out.String())
	}
}

// TestRunUnknownAccountExitsOneWithTheChoices: an --account that names nothing is found only
// after the exchange and /accounts/get, so the walk ran: exit 1 (not 2, which promises that
// nothing was called), with the accounts the partner could have used.
func TestRunUnknownAccountExitsOneWithTheChoices(t *testing.T) {
	e := newSessEnv(t)
	code, _, errOut := e.plaidwalk("run", "--partner", "dwolla", "--account", "nope")
	if code != 1 {
		t.Fatalf("exit %d, want 1; stderr:\n%s", code, errOut)
	}
	for _, want := range []string{`--account "nope" matches no account`, "accounts Dwolla can use:",
		"Plaid Checking (mask 0000, depository/checking, id ", "Plaid Saving (mask 1111", "Plaid Credit Card (3333)", "the mask is enough"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	usable := errOut[strings.Index(errOut, "can use:"):strings.Index(errOut, "does not take")]
	if strings.Contains(usable, "Credit Card") {
		t.Errorf("a credit card is listed as usable by Dwolla:\n%s", errOut)
	}
	if s := latestSession(t, e); s.Outcome.Result != "error" {
		t.Errorf("saved outcome %+v", s.Outcome)
	}
}
