package main

import (
	"encoding/json"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// partnerViewDoc is the part of --json's partner_view the tests read.
type partnerViewTestDoc struct {
	PartnerView *struct {
		Read          bool
		Note          string
		NumbersMasked bool `json:"numbers_masked"`
		Account       *struct{ Mask, Subtype string }
		Balances      *struct{ Current *float64 }
		ACH           []struct{ Routing, Account string }
		Owners        []struct{ Names []string }
		Report        *struct {
			AssetReportID string `json:"asset_report_id"`
		}
	} `json:"partner_view"`
	AssetReportID string                  `json:"asset_report_id"`
	APILog        []struct{ Path string } `json:"api_log"`
}

func decodePartnerView(t *testing.T, out string) partnerViewTestDoc {
	t.Helper()
	var doc partnerViewTestDoc
	if err := json.Unmarshal([]byte(out), &doc); err != nil || doc.PartnerView == nil {
		t.Fatalf("no partner_view in the JSON (%v):\n%s", err, out)
	}
	return doc
}

// TestRunPartnerViewJSON: Dwolla's view holds the routing number whole and the account number
// masked, read with /processor/auth/get and /processor/balance/get; --reveal shows the number.
func TestRunPartnerViewJSON(t *testing.T) {
	code, out, errOut := runIn(t, nil, "run", "--partner", "dwolla", "--partner-view", "--json", "--no-save")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	doc := decodePartnerView(t, out)
	pv := doc.PartnerView
	if !pv.Read || len(pv.ACH) != 1 || !regexp.MustCompile(`^\d{9}$`).MatchString(pv.ACH[0].Routing) {
		t.Fatalf("partner_view %+v: want one ACH entry with a 9-digit routing number", pv)
	}
	if !pv.NumbersMasked || !strings.HasPrefix(pv.ACH[0].Account, "••••") || pv.Account == nil || pv.Account.Mask != "0000" || pv.Balances == nil || pv.Balances.Current == nil {
		t.Errorf("partner_view %+v: want the account number masked, the checking account and its balance", pv)
	}
	var paths []string
	for _, c := range doc.APILog {
		paths = append(paths, c.Path)
	}
	if got := strings.Join(paths[len(paths)-2:], " "); got != "/processor/auth/get /processor/balance/get" {
		t.Errorf("last calls %q, want the partner's reads", got)
	}
	code, out, _ = runIn(t, nil, "run", "--partner", "dwolla", "--partner-view", "--json", "--reveal", "--no-save")
	if pv := decodePartnerView(t, out).PartnerView; code != 0 || pv.NumbersMasked || len(pv.ACH) != 1 || !regexp.MustCompile(`^\d{10,}$`).MatchString(pv.ACH[0].Account) {
		t.Errorf("--reveal (exit %d): want the whole account number: %+v", code, pv)
	}
}

// TestRunPartnerViewKinds: an identity partner reads owners, Stripe reads nothing and says
// why, alloy-credit reads the relayed report; without --partner-view there is no view.
func TestRunPartnerViewKinds(t *testing.T) {
	_, out, _ := runIn(t, nil, "run", "--partner", "alloy", "--partner-view", "--json", "--no-save")
	if pv := decodePartnerView(t, out).PartnerView; len(pv.Owners) == 0 || len(pv.Owners[0].Names) == 0 {
		t.Errorf("alloy: want owners: %+v", pv)
	}
	_, out, _ = runIn(t, nil, "run", "--partner", "stripe", "--partner-view", "--json", "--no-save")
	if pv := decodePartnerView(t, out).PartnerView; pv.Read || !strings.Contains(pv.Note, "Stripe's own API") {
		t.Errorf("stripe: want nothing read and why: %+v", pv)
	}
	_, out, _ = runIn(t, nil, "run", "--partner", "alloy-credit", "--secondary-client-id", "test-alloy", "--partner-view", "--json", "--no-save")
	if doc := decodePartnerView(t, out); doc.PartnerView.Report == nil || doc.PartnerView.Report.AssetReportID != doc.AssetReportID {
		t.Errorf("alloy-credit: want the relayed report %q: %+v", doc.AssetReportID, doc.PartnerView.Report)
	}
	code, out, _ := runIn(t, nil, "run", "--partner", "dwolla", "--no-save")
	if code != 0 || strings.Contains(out, "partner view") || strings.Contains(out, "/processor/auth/get") {
		t.Errorf("without --partner-view nothing is read as the partner:\n%s", out)
	}
	code, out, _ = runIn(t, nil, "run", "--partner", "dwolla", "--partner-view", "--no-save")
	for _, want := range []string{"partner view: what Dwolla reads", "routing ", "account ••••", "add --reveal"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("human output (exit %d) lacks %q:\n%s", code, want, out)
		}
	}
}

// TestReplayPartnerView: a saved walk with the partner's reads replays them too, step for step.
func TestReplayPartnerView(t *testing.T) {
	file := filepath.Join(t.TempDir(), "pv.json")
	if code, _, errOut := runIn(t, nil, "run", "--partner", "alloy", "--partner-view", "--no-save", "--save", file); code != 0 {
		t.Fatalf("run: exit %d %s", code, errOut)
	}
	code, out, errOut := runIn(t, nil, "replay", file)
	if code != 0 || !strings.Contains(out, "reproduced: 9 steps") || !strings.Contains(out, "the replay walks the saved steps too: partner_view") {
		t.Errorf("replay: exit %d\n%s%s", code, out, errOut)
	}
}
