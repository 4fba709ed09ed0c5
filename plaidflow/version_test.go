package plaidflow

import (
	"context"
	"strings"
	"testing"

	"plaidwalk/emulator"
)

// Every call is sent with PlaidVersion, and the UI's curl repeats what was sent: the exported
// script (sessions) writes the same constant, so the two cannot drift apart.
func TestCallsCarryPlaidVersion(t *testing.T) {
	c, log := fastClient(t, startEmulator(t, emulator.Options{}))
	if _, err := c.CreateLinkToken(context.Background(), DefaultLinkConfig(c.Config(), mustPartner(t, "dwolla"))); err != nil {
		t.Fatal(err)
	}
	calls := log.Calls()
	if len(calls) == 0 {
		t.Fatal("no call recorded")
	}
	if got := calls[0].RequestHeaders[PlaidVersionHeader]; got != PlaidVersion {
		t.Fatalf("sent %s: %q, want %q", PlaidVersionHeader, got, PlaidVersion)
	}
	if curl := CurlFor(c.BaseURL(), calls[0]); !strings.Contains(curl, "'"+PlaidVersionHeader+": "+PlaidVersion+"'") {
		t.Errorf("the curl lacks the version header:\n%s", curl)
	}
}
