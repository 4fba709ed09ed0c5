package main

import (
	"encoding/json"
	"strings"
	"testing"

	"plaidwalk/plaidflow"
)

func TestPartnersCommand(t *testing.T) {
	catalog, err := plaidflow.LoadCatalog()
	if err != nil {
		t.Fatal(err)
	}
	code, out, _ := runIn(t, nil, "partners")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, p := range catalog.Partners {
		if !strings.Contains(out, p.ID+" ") {
			t.Errorf("listing lacks %s", p.ID)
		}
	}
	if !strings.Contains(out, "not runnable") || !strings.Contains(out, "no partner page") {
		t.Errorf("listing should flag retired partners and missing docs pages")
	}

	code, out, _ = runIn(t, nil, "partners", "--json")
	var ps []plaidflow.Partner
	if code != 0 || json.Unmarshal([]byte(out), &ps) != nil || len(ps) != len(catalog.Partners) {
		t.Fatalf("--json: exit %d, %d partners", code, len(ps))
	}

	code, out, _ = runIn(t, nil, "partners", "alloy-credit")
	if code != 0 || !strings.Contains(out, "secondary_client_id") || !strings.Contains(out, "relay") {
		t.Errorf("one partner: exit %d\n%s", code, out)
	}
	code, _, errOut := runIn(t, nil, "partners", "stripee")
	if code != 2 || !strings.Contains(errOut, "stripe") {
		t.Errorf("unknown partner: exit %d %s", code, errOut)
	}
	if code, out, _ := runIn(t, nil, "partners", "--help"); code != 0 || !strings.Contains(out, "Usage") {
		t.Errorf("--help: exit %d", code)
	}
}

// TestPartnerDocsNote: Prime Trust has a real name and once had a partner page; only live
// processors without a page are known by their processor string alone.
func TestPartnerDocsNote(t *testing.T) {
	code, out, _ := runIn(t, nil, "partners", "prime-trust")
	if code != 0 || strings.Contains(out, "processor string") || !strings.Contains(out, "retired") {
		t.Errorf("prime-trust: exit %d\n%s", code, out)
	}
	code, out, _ = runIn(t, nil, "partners", "vesta")
	if code != 0 || !strings.Contains(out, `processor string "vesta"`) {
		t.Errorf("vesta: exit %d\n%s", code, out)
	}
	code, out, _ = runIn(t, nil, "partners", "dwolla")
	if code != 0 || !strings.Contains(out, "Plaid's partner page") {
		t.Errorf("dwolla: exit %d\n%s", code, out)
	}
}

// TestPartnerDetailWordsInputsAndFlow: inputs read as sentences, not Go values, and the
// flow is named as in the list's FLOW column.
func TestPartnerDetailWordsInputsAndFlow(t *testing.T) {
	_, list, _ := runIn(t, nil, "partners")
	if !strings.Contains(list, "credit_relay") {
		t.Fatalf("list lacks the credit_relay flow\n%s", list)
	}
	code, out, _ := runIn(t, nil, "partners", "alloy-credit")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{"secondary_client_id: Alloy's secondary_client_id, an id Alloy gives you (required)",
		"days_requested: Days of history in the Asset Report (0-731) (optional; default 60)",
		"flow          credit_relay: an Asset Report, then a relay token"} {
		if !strings.Contains(out, want) {
			t.Errorf("detail lacks %q\n%s", want, out)
		}
	}
	if strings.Contains(out, "required true") || strings.Contains(out, `default ""`) {
		t.Errorf("detail prints Go values\n%s", out)
	}
}

// TestRunMissingSecondaryClientIDReads: the refusal has no doubled parenthesis.
func TestRunMissingSecondaryClientIDReads(t *testing.T) {
	code, _, errOut := runIn(t, nil, "run", "--partner", "alloy-credit")
	if code != 2 || !strings.Contains(errOut, "needs --secondary-client-id: Alloy's secondary_client_id, an id Alloy gives you.") || strings.Contains(errOut, "))") {
		t.Errorf("exit %d\n%s", code, errOut)
	}
}
